/**
 * Tolerant phrase matching over a live word stream, with the folding and
 * stemming of search (shared/search/text.ts):
 * - inflection: a word matches when the phrase word's stem prefix starts it, or their stems are equal
 *   ("prices" ~ "price", "дороговато" ~ "дорого");
 * - word order: a phrase's words may come in any order within a short window;
 * - filler words ("um", "ну", "嗯") and function words are skipped on both sides;
 * - near-misses are refused: a negation ("not", "не", "不") just before the matched words
 *   turns "not expensive at all" away from the price objection (unless the phrase itself is negative).
 * Chinese runs are matched character by character, in order, allowing two inserted characters
 * ("价格有点太高" ~ "价格太高"), and sentence-final particles are ignored.
 */
import { fold, stemWord, stripParticles, tokenize } from '../search/text';

/** One content token of the stream. */
export interface Tok {
  text: string;
  cjk: boolean;
  neg: boolean;
  /** A Chinese sentence break (final particle or punctuation): a phrase never spans one. */
  brk?: boolean;
  /** Snowball stem (words only), computed once per heard word. */
  stem: string;
  atMs: number;
}

/** One unit of a phrase: a word (prefix + stem) or a Chinese character. */
interface Unit {
  text: string;
  cjk: boolean;
  prefix: string;
  stem: string;
}

export interface Phrase<R = unknown> {
  text: string;
  units: Unit[];
  /** Share of units that must be found (1 for triggers, lower for talking points). */
  need: number;
  hasNeg: boolean;
  cjk: boolean;
  /** Content tokens the matched words may spread over. */
  window: number;
  ref: R;
}

const FILLER = new Set(
  'um umm uh uhm er erm ah eh hmm mm like well so actually basically literally okay ok yeah ну вот э ээ эээ ммм мм типа короче значит блин ладно 嗯 呃 啊 哦 那个 这个 就是 然后'.split(
    ' ',
  ),
);
const STOP = new Set(
  (
    "the a an and or but if as by at to of in on for from with about into than then is are was were be been being am do does did have has had will would shall should can could may might must it its it's s this that these those there here i me my you your yours we us our they them their he she his her what which who how when where why just also too very really quite bit little seem seems seemed sounds sound one some any all much many more most get got " +
    'и в во на с со по к ко о об от до за из у же ли бы а но да что как это эти этот эта то там тут для при так уже ещё еще все всё вы вас вам ваш ваша ваше ваши мы нас нам наш наша наши я мне меня он она они их его её ее слишком очень просто вообще будет было был была есть'
  ).split(' '),
);
const NEG = new Set('not no never nothing none nor не нет ни никак нисколько 不 没 别 无 未'.split(' '));
const CJK_FILLER = new Set([...'嗯呃哦']);

/** Folded words of a text with "n't" spelled out, so "isn't" carries its negation. */
function words(text: string) {
  return tokenize(
    fold(text)
      .replace(/n['’]t\b/g, ' not')
      .replace(/\bcan not\b/g, 'cannot not'),
  );
}

/** Content tokens of a piece of speech (fillers and function words dropped; negations kept). */
export function streamTokens(text: string, atMs: number): Tok[] {
  const out: Tok[] = [];
  let lastCjk = false;
  for (const t of words(text)) {
    if (t.cjk) {
      // punctuation between two Chinese runs of one text is a break too
      if (lastCjk) out.push({ text: '。', cjk: true, neg: false, brk: true, stem: '', atMs });
      const run = stripParticles(t.text);
      for (const ch of run) if (!CJK_FILLER.has(ch)) out.push({ text: ch, cjk: true, neg: NEG.has(ch), stem: ch, atMs });
      for (const ch of t.text.slice(run.length)) out.push({ text: ch, cjk: true, neg: false, brk: true, stem: ch, atMs });
      lastCjk = true;
      continue;
    }
    lastCjk = false;
    if (FILLER.has(t.text)) continue;
    const neg = NEG.has(t.text);
    if (!neg && STOP.has(t.text)) continue;
    out.push({ text: t.text, cjk: false, neg, stem: stemWord(t.text), atMs });
  }
  return out;
}

export function compilePhrase<R>(text: string, ref: R, need = 1): Phrase<R> | null {
  const units: Unit[] = [];
  let hasNeg = false;
  let cjk = false;
  for (const t of streamTokens(text, 0)) {
    if (t.brk) continue;
    if (t.neg) hasNeg = true;
    if (t.cjk) cjk = true;
    const stem = t.stem;
    // the shortest start a form of this word must have: its stem when that is 4+ letters, else the word
    const prefix = t.cjk || stem.length < 4 || !t.text.startsWith(stem) ? t.text : stem;
    units.push({ text: t.text, cjk: t.cjk, prefix, stem });
  }
  // De-duplicate (a unit found once is found)
  const seen = new Set<string>();
  const uniq = units.filter((u) => (seen.has(u.prefix) ? false : (seen.add(u.prefix), true)));
  if (!uniq.length) return null;
  const window = cjk ? uniq.length + 2 : Math.max(4, uniq.length * 2 + 2);
  return { text, units: cjk ? units : uniq, need, hasNeg, cjk, window, ref };
}

/**
 * Stricter than search's prefix rule (a listener has no second look): the heard word starts with
 * the phrase word ("дороговато" ~ "дорого") or its 4+ letter stem ("prices" ~ "price"), or their
 * stems are equal ("цены" ~ "цена") — but "дорожная" is not "дорого".
 */
export function unitMatches(u: Unit, t: Tok): boolean {
  if (u.cjk || t.cjk) return u.cjk === t.cjk && u.text === t.text;
  return t.text.startsWith(u.prefix) || (t.text.length > 3 && t.stem === u.stem);
}

/** Keys a token is looked up by in a phrase index: every prefix that could be a unit's prefix. */
export function lookupKeys(t: Tok): string[] {
  if (t.cjk) return [t.text];
  const keys: string[] = [];
  for (let n = 1; n <= t.text.length; n++) keys.push(t.text.slice(0, n));
  return keys;
}

export interface MatchResult {
  /** Positions (in the buffer) of matched tokens, earliest first. */
  from: number;
  to: number;
  score: number;
}

/**
 * Whether the phrase is said in `buf`, ending at its last token (the one just heard).
 * Returns the matched span, or null.
 */
export function matchAtEnd(p: Phrase, buf: readonly Tok[]): MatchResult | null {
  const end = buf.length - 1;
  if (end < 0) return null;
  const start = Math.max(0, end - p.window + 1);
  if (!p.units.some((u) => unitMatches(u, buf[end]))) return null;
  if (p.cjk) return matchCjk(p, buf, start, end);
  let found = 0;
  let from = end;
  const used = new Set<number>();
  for (const u of p.units) {
    for (let j = end; j >= start; j--) {
      if (!used.has(j) && unitMatches(u, buf[j])) {
        used.add(j);
        found++;
        if (j < from) from = j;
        break;
      }
    }
  }
  const score = found / p.units.length;
  if (score < p.need || found < Math.min(2, p.units.length)) return null;
  if (!p.hasNeg && negatedBefore(buf, from, end, used)) return null;
  return { from, to: end, score };
}

/** A negation within 3 tokens before the match, or inside it, that is not one of its words. */
function negatedBefore(buf: readonly Tok[], from: number, to: number, used: Set<number>) {
  for (let j = Math.max(0, from - 3); j <= to; j++) if (buf[j].neg && !used.has(j)) return true;
  return false;
}

/** Chinese: the phrase's characters in order, ending at the last heard, with at most two inserted. */
function matchCjk(p: Phrase, buf: readonly Tok[], start: number, end: number): MatchResult | null {
  let k = p.units.length - 1;
  let j = end;
  // the last unit must be the last character heard
  if (!unitMatches(p.units[k], buf[j])) return null;
  let from = j;
  k--;
  j--;
  while (k >= 0 && j >= start) {
    if (unitMatches(p.units[k], buf[j])) {
      from = j;
      k--;
    }
    j--;
  }
  if (k >= 0) return null;
  for (let i = from; i <= end; i++) if (buf[i].brk) return null;
  if (!p.hasNeg) {
    for (let i = Math.max(0, from - 2); i < from; i++) if (buf[i].neg) return null;
    for (let i = from; i <= end; i++) if (buf[i].neg && !p.units.some((u) => u.text === buf[i].text)) return null;
  }
  return { from, to: end, score: 1 };
}

/**
 * Phrases indexed by their units' prefixes, so a heard token is checked only against
 * phrases that contain a word it could be a form of (the bank has thousands).
 */
export class PhraseIndex<R> {
  private byKey = new Map<string, Phrase<R>[]>();
  readonly phrases: Phrase<R>[] = [];

  add(p: Phrase<R>) {
    this.phrases.push(p);
    const keys = new Set<string>();
    // A Chinese phrase ends on the character just heard: index it by its last character only.
    for (const u of p.cjk ? p.units.slice(-1) : p.units) {
      keys.add(u.prefix);
      if (!u.cjk) keys.add('\u0000' + u.stem);
    }
    for (const k of keys) {
      const list = this.byKey.get(k);
      if (list) list.push(p);
      else this.byKey.set(k, [p]);
    }
  }

  /** Phrases that contain a unit this token may match. */
  candidates(t: Tok): Phrase<R>[] {
    const out = new Set<Phrase<R>>();
    for (const k of lookupKeys(t)) for (const p of this.byKey.get(k) ?? []) out.add(p);
    if (!t.cjk && t.text.length > 3) for (const p of this.byKey.get('\u0000' + t.stem) ?? []) out.add(p);
    return [...out];
  }
}

/** Whether `text` says `phrase` (convenience for tests and one-off checks). */
export function saysPhrase(text: string, phrase: string, need = 1): boolean {
  const p = compilePhrase(phrase, null, need);
  if (!p) return false;
  const buf: Tok[] = [];
  for (const t of streamTokens(text, 0)) {
    buf.push(t);
    if (matchAtEnd(p, buf)) return true;
  }
  return false;
}
