/**
 * The bundled Noto Sans SC is split into ~100 unicode-range files that the
 * browser fetches only once a character is laid out; until a file arrives the
 * text shows as boxes (font-display: swap over a fallback without CJK glyphs).
 * Before Chinese is shown we ask for every file the interface's own strings
 * need, in both weights, and wait (bounded) so headings never appear as boxes;
 * data text (names, transcripts) is asked for as soon as it enters the page.
 */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const FACES = ['400 16px "Noto Sans SC"', '700 16px "Noto Sans SC"'];
const asked = new Set<string>();

export async function loadCjkGlyphs(text: string, timeoutMs = 2500): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const fresh = [...new Set(text.match(CJK) ?? [])].filter((c) => !asked.has(c));
  if (!fresh.length) return;
  fresh.forEach((c) => asked.add(c));
  const chars = fresh.join('');
  await Promise.race([
    Promise.all(FACES.map((f) => document.fonts.load(f, chars))).then(() => undefined),
    new Promise<void>((r) => setTimeout(r, timeoutMs)),
  ]).catch(() => undefined);
}

let observer: MutationObserver | null = null;

/** While Chinese is on, asks for the glyphs of text added to the page right away (before layout gets to it). */
export function watchCjk(on: boolean) {
  if (typeof MutationObserver === 'undefined') return;
  if (!on) {
    observer?.disconnect();
    observer = null;
    return;
  }
  if (observer) return;
  observer = new MutationObserver((records) => {
    let text = '';
    for (const r of records) for (const n of r.addedNodes) text += n.textContent ?? '';
    if (text) void loadCjkGlyphs(text);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}
