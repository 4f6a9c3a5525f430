/**
 * Keys typed right after Ctrl+L, before the live-call page has mounted its search box (its code loads on first
 * visit): the hotkey focuses a hidden field at once, so every key (IME and pasted text included) lands there in
 * order, and the search box takes the text over when it appears. Without this, the first letters went nowhere or
 * into the script picker.
 */
let field: HTMLInputElement | null = null;
let pending = false;

export function registerHandoffField(el: HTMLInputElement | null): void {
  field = el;
}

/** Ctrl+L away from the live-call page: catch what comes next. */
export function startHandoff(): void {
  if (!field) return;
  field.value = '';
  pending = true;
  field.focus();
}

/** True while typed text waits for the search box (read during the first render: the picker then keeps its hands off focus). */
export function handoffPending(): boolean {
  return pending;
}

/**
 * The text typed so far, once; null when no Ctrl+L is waiting. `focused` tells whether the rep was still typing
 * into the hidden field (they may have clicked elsewhere meanwhile, and then keep their focus).
 */
export function takeHandoff(): { text: string; focused: boolean } | null {
  if (!pending) return null;
  pending = false;
  const text = field?.value ?? '';
  const focused = !!field && document.activeElement === field;
  if (field) {
    field.value = '';
    if (focused) field.blur();
  }
  return { text, focused };
}
