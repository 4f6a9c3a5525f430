/**
 * The one way to copy text: Mantine's useClipboard, with a hidden-textarea fallback where the Clipboard API is missing
 * or refused (a team server over plain http is not a secure context). `report` hears once per copy whether it worked,
 * with the payload given to `copy` (e.g. what to log).
 */
import { useClipboard } from '@mantine/hooks';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

function legacyCopy(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  return ok;
}

export function useCopy<P = undefined>(report: (ok: boolean, payload: P) => void): (text: string, payload: P) => void {
  const clipboard = useClipboard({ timeout: 1500 });
  const pending = useRef<{ text: string; payload: P } | null>(null);
  // the latest callbacks, so the returned function stays the same across renders
  const latest = useRef(report);
  const actions = useRef({ copy: clipboard.copy, reset: clipboard.reset });
  useLayoutEffect(() => {
    latest.current = report;
    actions.current = { copy: clipboard.copy, reset: clipboard.reset };
  });
  useEffect(() => {
    const p = pending.current;
    if (!p || (!clipboard.copied && !clipboard.error)) return;
    pending.current = null;
    latest.current(clipboard.copied || legacyCopy(p.text), p.payload);
  }, [clipboard.copied, clipboard.error]);
  return useCallback((text: string, payload: P) => {
    pending.current = { text, payload };
    actions.current.reset();
    actions.current.copy(text);
  }, []);
}
