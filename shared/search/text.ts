/**
 * Text normalisation shared by every full-text index (scripts, objection cards,
 * library, people). SQLite's unicode61 tokenizer folds case for Cyrillic but
 * treats a run of Chinese characters as one token, so CJK runs are rewritten as
 * overlapping character bigrams before indexing; 2-character words like "价格"
 * then match exactly, longer ones match as a phrase of bigrams, one character
 * matches by prefix. Russian and English query words are stemmed (Snowball) and
 * matched by prefix so "дорого" finds "дорогой", "prices" finds "price".
 */
import snowball from 'snowball-stemmers';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

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

type Token = { text: string; start: number; cjk: boolean };

/** Splits into words and CJK runs (with start offsets in UTF-16 units of the input). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cur = '';
  let start = 0;
  let curCjk = false;
  let i = 0;
  const flush = () => {
    if (cur) tokens.push({ text: cur, start, cjk: curCjk });
    cur = '';
  };
  for (const ch of text) {
    const cjk = isCjk(ch);
    const word = cjk || WORD_CHAR.test(ch);
    if (!word) {
      flush();
    } else if (cur && cjk !== curCjk) {
      flush();
      cur = ch;
      start = i;
      curCjk = cjk;
    } else {
      if (!cur) {
        start = i;
        curCjk = cjk;
      }
      cur += ch;
    }
    i += ch.length;
  }
  flush();
  return tokens;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  // The last character also stands alone so a one-character prefix query finds it.
  out.push(chars[chars.length - 1]);
  return out;
}

/** The text to store in an FTS5 column (tokenize='unicode61 remove_diacritics 2'). */
export function indexText(text: string): string {
  const parts: string[] = [];
  for (const t of tokenize(fold(text))) parts.push(t.cjk ? bigrams(t.text).join(' ') : t.text);
  return parts.join(' ');
}

const stemmers: Record<string, { stem(w: string): string }> = {};
function stemmer(lang: 'russian' | 'english') {
  return (stemmers[lang] ??= snowball.newStemmer(lang));
}

/** The prefix a query word is matched by: its stem, but never shorter than 4 letters (or the word). */
export function queryPrefix(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const ru = CYRILLIC.test(word);
  let stem = stemmer(ru ? 'russian' : 'english').stem(word);
  // Porter turns a final y into i ("delivery" -> "deliveri"): drop it so the prefix still matches "delivery".
  if (!ru && stem.endsWith('i')) stem = stem.slice(0, -1);
  if (!word.startsWith(stem)) return word;
  return stem.length >= 4 ? stem : word.slice(0, Math.min(word.length, 4));
}

export interface ParsedQuery {
  /** FTS5 MATCH expression, or null when the query has no searchable characters. */
  match: string | null;
  /** Folded terms for highlighting: word prefixes and CJK substrings. */
  terms: { text: string; cjk: boolean }[];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Builds an FTS5 query: every term must match (AND), words by prefix, CJK runs as bigram phrases. */
export function parseQuery(query: string, maxTerms = 12): ParsedQuery {
  const clauses: string[] = [];
  const terms: ParsedQuery['terms'] = [];
  for (const t of tokenize(fold(query)).slice(0, maxTerms)) {
    if (t.cjk) {
      const chars = [...t.text];
      if (chars.length === 1) clauses.push(`${quote(t.text)}*`);
      else clauses.push(quote(bigrams(t.text).slice(0, -1).join(' ')));
      terms.push({ text: t.text, cjk: true });
    } else {
      const p = queryPrefix(t.text);
      clauses.push(`${quote(p)}*`);
      terms.push({ text: p, cjk: false });
    }
  }
  return { match: clauses.length ? clauses.join(' AND ') : null, terms };
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Marks every place a query term occurs: word terms at word starts, CJK terms anywhere. */
export function highlight(text: string, terms: ParsedQuery['terms']): Segment[] {
  if (!terms.length || !text) return [{ text, hit: false }];
  const folded = fold(text);
  const marks = new Uint8Array(text.length);
  for (const term of terms) {
    if (!term.text) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term.text, from);
      if (at < 0) break;
      from = at + 1;
      const before = at > 0 ? folded[at - 1] : ' ';
      if (!term.cjk && WORD_CHAR.test(before) && !isCjk(before)) continue;
      let end = at + term.text.length;
      if (!term.cjk) while (end < folded.length && WORD_CHAR.test(folded[end]) && !isCjk(folded[end])) end++;
      marks.fill(1, at, end);
    }
  }
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = marks[i] === 1;
    let j = i;
    while (j < text.length && (marks[j] === 1) === hit) j++;
    out.push({ text: text.slice(i, j), hit });
    i = j;
  }
  return out;
}

/** Offset of the first place a term matches (same rules as highlight), or -1. */
function firstHit(folded: string, terms: ParsedQuery['terms']): number {
  let first = -1;
  for (const term of terms) {
    if (!term.text) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term.text, from);
      if (at < 0 || (first >= 0 && at >= first)) break;
      from = at + 1;
      const before = at > 0 ? folded[at - 1] : ' ';
      if (!term.cjk && WORD_CHAR.test(before) && !isCjk(before)) continue;
      first = at;
      break;
    }
  }
  return first;
}

/** A short passage around the first hit (for result lists), with its highlight segments. */
export function snippet(text: string, terms: ParsedQuery['terms'], radius = 80): Segment[] {
  // Only the cut passage is highlighted: result lists call this for every hit on every keystroke.
  const first = terms.length && text ? firstHit(fold(text), terms) : -1;
  if (first < 0) return highlight(text.length > radius * 2 ? text.slice(0, radius * 2) + '…' : text, []);
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius);
  const cut = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  return highlight(cut.replace(/\s+/g, ' '), terms);
}
