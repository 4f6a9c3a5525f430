/**
 * Case and width folding for search and highlighting. Kept apart from text.ts (which loads the Snowball stemmers
 * for every language) so the renderer can fold text without carrying the stemmers in its first chunk.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export const isCjk = (ch: string) => CJK.test(ch);

/** Case/width folding that keeps one output char per input char, so hit offsets map back to the original. */
export function foldChar(ch: string): string {
  let c = ch.normalize('NFKC').toLowerCase();
  if (c.length !== 1) c = c[0] ?? ch;
  return c === 'ё' ? 'е' : c;
}

/**
 * Fold results per UTF-16 code unit, filled lazily: normalize() per character dominated
 * search time (highlights and snippets fold every result's text on each keystroke).
 */
const FOLDED = new Uint16Array(65536);
/** Printable ASCII and whitespace fold by plain lower-casing. */
const ASCII = /^[ -~\t\n\r]*$/;
const SURROGATE = /[\ud800-\udfff]/;

function foldSlow(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  if (SURROGATE.test(text)) return foldSlow(text);
  // Copy unchanged runs as slices; only characters whose fold differs are rebuilt.
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = FOLDED[c];
    if (f === 0) f = FOLDED[c] = foldChar(text[i]).charCodeAt(0);
    if (f !== c) {
      out += text.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
