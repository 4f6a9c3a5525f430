/** Ctrl+L from anywhere (even inside a text field) opens live-call mode with its search box ready for typing. */
import { useHotkeys } from '@mantine/hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useNavigate } from '../../lib/navigate';
import { registerHandoffField, startHandoff } from './live/handoff';

export function LiveCallHotkey() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  useHotkeys(
    [
      [
        'ctrl+l',
        () => {
          const search = document.querySelector<HTMLInputElement>('[data-testid="live-search"]');
          if (location.pathname === '/live' && search) {
            search.focus();
            return;
          }
          // the page may take a moment to load: what the rep types meanwhile waits in the hidden field below
          startHandoff();
          if (location.pathname !== '/live') navigate('/live');
        },
      ],
    ],
    [],
  );
  const ref = useCallback((el: HTMLInputElement | null) => registerHandoffField(el), []);
  return (
    <input
      ref={ref}
      tabIndex={-1}
      aria-label={t('scripts.live.searchPh')}
      data-testid="live-handoff"
      autoComplete="off"
      // off screen but full size: in a 1 px wide field Chromium keeps the caret at the start and inserted text comes out backwards
      style={{ position: 'fixed', left: -10000, top: 0, width: 200, height: 24, opacity: 0 }}
    />
  );
}
