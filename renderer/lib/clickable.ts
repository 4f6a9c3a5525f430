/**
 * Props that make a clickable table row or card usable from the keyboard:
 * reachable with Tab, opened with Enter or Space, announced as a link, with a
 * pointer cursor and a visible focus ring (global.css: [data-clickable]).
 */
import type { KeyboardEvent, MouseEvent } from 'react';

export function clickable(open: () => void, label?: string) {
  return {
    role: 'link' as const,
    tabIndex: 0,
    'aria-label': label,
    'data-clickable': true,
    onClick: (e: MouseEvent) => {
      // a click on a control inside the row (button, link, checkbox) is that control's
      if ((e.target as HTMLElement).closest('button, a, input, label, [role="checkbox"]') && e.target !== e.currentTarget) return;
      open();
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    },
  };
}
