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

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export { fold, foldChar, isCjk } from './fold';
import { fold, isCjk } from './fold';

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

/**
 * The text to store in an FTS5 column (tokenize='unicode61 remove_diacritics 2').
 * A Russian word is followed by its stem when that differs, so a query matches by
 * stem on both sides: "цена" (stem "цен", too short for a prefix) finds "цены".
 */
export function indexText(text: string): string {
  const parts: string[] = [];
  for (const t of tokenize(fold(text))) {
    if (t.cjk) parts.push(bigrams(t.text).join(' '));
    else {
      parts.push(t.text);
      if (CYRILLIC.test(t.text) && t.text.length > 3) {
        const st = stemWord(t.text);
        if (st !== t.text && st.length >= 2) parts.push(st);
      }
    }
  }
  return parts.join(' ');
}

const stemmers: Record<string, { stem(w: string): string }> = {};
function stemmer(lang: 'russian' | 'english') {
  return (stemmers[lang] ??= snowball.newStemmer(lang));
}

/**
 * Russian "-оват-/-еват-" softens an adjective ("дороговато", "тяжеловатый"); Snowball keeps
 * it, so the stem would never meet the plain word's ("дорого"). Strip it when 4+ letters remain.
 */
const RU_SOFTENING = /(?:ов|ев)ат$/;

/** Stems of recent words: live guidance stems every heard word, and speech repeats itself. */
const STEMS = new Map<string, string>();

/** The Snowball stem of one folded word (Russian or English), with the softening suffix removed. */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size > 50_000) STEMS.clear();
    STEMS.set(word, (s = stemUncached(word)));
  }
  return s;
}

function stemUncached(word: string): string {
  const ru = CYRILLIC.test(word);
  let stem = stemmer(ru ? 'russian' : 'english').stem(word);
  if (ru && RU_SOFTENING.test(stem) && stem.length - 4 >= 4) stem = stem.slice(0, -4);
  // Porter turns a final y into i ("delivery" -> "deliveri"): drop it so the prefix still matches "delivery".
  if (!ru && stem.endsWith('i')) stem = stem.slice(0, -1);
  return stem;
}

/** The prefix a query word is matched by: its stem, but never shorter than 4 letters (or the word). */
export function queryPrefix(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const stem = stemWord(word);
  if (!word.startsWith(stem)) return word;
  return stem.length >= 4 ? stem : word.slice(0, Math.min(word.length, 4));
}

/** Sentence-final particles a speaker adds to a Chinese phrase ("太贵了", "太贵了吧"): not part of what they mean. */
const CJK_PARTICLES = /[了吗嘛呢啊呀吧啦哦哈]+$/u;

/** A CJK run without trailing particles (kept whole when it is nothing but particles). */
export function stripParticles(run: string): string {
  const s = run.replace(CJK_PARTICLES, '');
  return s || run;
}

export interface ParsedQuery {
  /** FTS5 MATCH expression, or null when the query has no searchable characters. */
  match: string | null;
  /** Folded terms for highlighting: word prefixes and CJK substrings. */
  terms: { text: string; cjk: boolean }[];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One query token's FTS5 clause and highlight term. */
function termClause(t: { text: string; cjk: boolean }): { clause: string; term: ParsedQuery['terms'][number] } {
  if (t.cjk) {
    const chars = [...t.text];
    const clause = chars.length === 1 ? `${quote(t.text)}*` : quote(bigrams(t.text).slice(0, -1).join(' '));
    return { clause, term: { text: t.text, cjk: true } };
  }
  const p = queryPrefix(t.text);
  // A Russian stem shorter than the 4-letter prefix still matches exactly (index holds stems).
  const st = CYRILLIC.test(t.text) ? stemWord(t.text) : p;
  const clause = st !== p && st.length >= 2 ? `(${quote(p)}* OR ${quote(st)})` : `${quote(p)}*`;
  return { clause, term: { text: p, cjk: false } };
}

/** Query tokens: folded words and CJK runs (sentence-final particles dropped). */
function queryTokens(text: string) {
  return tokenize(fold(text))
    .map((t) => (t.cjk ? { text: stripParticles(t.text), cjk: true } : { text: t.text, cjk: false }))
    .filter((t) => t.text);
}

/**
 * Whether a query token is a form of a synonym entry's token: the same rule search applies
 * to indexed words (the entry's stem prefix starts the token, or their stems are equal).
 */
function sameWord(entry: { text: string; cjk: boolean }, token: { text: string; cjk: boolean }) {
  if (entry.cjk || token.cjk) return entry.cjk === token.cjk && entry.text === token.text;
  return token.text.startsWith(queryPrefix(entry.text)) || stemWord(token.text) === stemWord(entry.text);
}

/** Synonym groups: each a list of equivalent words or phrases ("too expensive", "pricey", "costly"). */
export type SynonymGroups = readonly (readonly string[])[];

interface PreparedGroup {
  alts: { text: string; cjk: boolean }[][];
}

function prepareGroups(groups: SynonymGroups): PreparedGroup[] {
  return groups.map((g) => ({ alts: g.map(queryTokens).filter((a) => a.length > 0) })).filter((g) => g.alts.length > 1);
}

/**
 * Builds an FTS5 query: every term must match (AND), words by prefix, CJK runs as bigram phrases.
 * With synonym groups, a query word or phrase that belongs to a group matches any of the
 * group's entries: `(price* AND high*) OR pricey* OR costly*`.
 */
export function parseQuery(query: string, maxTerms = 12, synonyms: SynonymGroups = []): ParsedQuery {
  const clauses: string[] = [];
  const terms: ParsedQuery['terms'] = [];
  const tokens = queryTokens(query).slice(0, maxTerms);
  const groups = synonyms.length ? prepareGroups(synonyms) : [];
  for (let i = 0; i < tokens.length;) {
    let used = 0;
    let group: PreparedGroup | null = null;
    for (const g of groups) {
      for (const alt of g.alts) {
        if (alt.length <= used || i + alt.length > tokens.length) continue;
        if (alt.every((a, j) => sameWord(a, tokens[i + j]))) {
          used = alt.length;
          group = g;
        }
      }
    }
    if (group) {
      const ors = group.alts.map((alt) => {
        const parts = alt.map(termClause);
        for (const p of parts) terms.push(p.term);
        return parts.length === 1 ? parts[0].clause : `(${parts.map((p) => p.clause).join(' AND ')})`;
      });
      clauses.push(`(${ors.join(' OR ')})`);
      i += used;
    } else {
      const { clause, term } = termClause(tokens[i]);
      clauses.push(clause);
      terms.push(term);
      i++;
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
