/** Global keys in live-call mode: / or Ctrl+F search, →/← next/previous step, 1–9 the customer's answer, S change script. */
import { useEffect } from 'react';
import { isTyping } from '../util';

export function useLiveKeys(opts: {
  paused: boolean;
  focusSearch: () => void;
  next: () => void;
  back: () => void;
  choose: (n: number) => void;
  changeScript: (() => void) | null;
}) {
  const { paused, focusSearch, next, back, choose, changeScript } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (paused) return; // the open card / preview handles its own keys
      if ((e.key === '/' && !isTyping(e)) || (e.ctrlKey && (e.key === 'f' || e.key === 'F'))) {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (isTyping(e) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        next();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        back();
      } else if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        choose(Number(e.key) - 1);
      } else if (e.key === 's' || e.key === 'S' || e.key === 'ы' || e.key === 'Ы') {
        if (changeScript) {
          e.preventDefault();
          changeScript();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, focusSearch, next, back, choose, changeScript]);
}
