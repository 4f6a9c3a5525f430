/** Ctrl+L from anywhere (even inside a text field) opens live-call mode. */
import { useHotkeys } from '@mantine/hooks';
import { useLocation, useNavigate } from 'react-router';

export function LiveCallHotkey() {
  const navigate = useNavigate();
  const location = useLocation();
  useHotkeys(
    [
      [
        'ctrl+l',
        () => {
          if (location.pathname !== '/live') navigate('/live');
          else (document.querySelector('[data-testid="live-search"]') as HTMLInputElement | null)?.focus();
        },
      ],
    ],
    [],
  );
  return null;
}
