/** Ctrl+L from anywhere (even inside a text field) opens live-call mode. */
import { useHotkeys } from '@mantine/hooks';
import { useLocation } from 'react-router';
import { useNavigate } from '../../lib/navigate';

export function LiveCallHotkey() {
  const navigate = useNavigate();
  const location = useLocation();
  useHotkeys(
    [
      [
        'ctrl+l',
        () => {
          if (location.pathname !== '/live') navigate('/live');
          else document.querySelector<HTMLInputElement>('[data-testid="live-search"]')?.focus();
        },
      ],
    ],
    [],
  );
  return null;
}
