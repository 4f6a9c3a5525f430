/**
 * Script coverage: which script steps / talking points / must-say items the rep
 * actually said, by fuzzy matching the rep's transcript lines against each item
 * (ru/en words by Snowball stem prefix, Chinese by character bigrams — the same
 * normalisation as the search module). What is matched are the phrases a rep
 * says — the step's "say it" sentences, its talking-point list items and quotes,
 * its must-say items — never the author's instructions to the rep (prose lines
 * such as "Do not name a price yet. Ask:"), which no customer call contains.
 * Matching is tolerant: half of an item's key terms in one line (or two
 * adjacent lines) covers it. Suggestions derived from coverage are only hints
 * for the grader, each carrying the transcript lines that produced it; they are
 * never stored as scores.
 */
import { fold, queryPrefix, tokenize } from '../search/text';
import type { TranscriptSegment } from './transcript';
import { scaleRange, type CriterionDef } from './scoring';

export interface CoverageStep {
  id: number;
  stage: string;
  title: string;
  talkingPointsMd: string;
  /** The step's "say it" text: the rep's words, split into sentences for matching. */
  sayIt?: string;
  mustSay: string[];
}

export interface ItemCoverage {
  text: string;
  kind: 'must_say' | 'talking_point';
  /** 0..1 share of the item's key terms found in one rep line. */
  score: number;
  covered: boolean;
  atMs: number | null;
  /** The transcript line that matched best (the evidence), when any term matched. */
  snippet: string | null;
}

export interface StepCoverage {
  stepId: number;
  stage: string;
  title: string;
  items: ItemCoverage[];
  /** Share of items covered, 0..1. */
  ratio: number;
  covered: boolean;
}

const STOP = new Set(
  'the and for you your with this that are was our can will have has from what how not but all any about a an to of in on is it be we i me my do at or as so if by mr ms и в во на с со по к ко о об от до за из у же ли бы не ни а но да что как это вы вас вам ваш ваша мы нас нам наш я мне меня он она они их его её ее то там тут для при'.split(
    ' ',
  ),
);

type Term = { kind: 'word'; p: string } | { kind: 'cjk'; p: string };

function terms(text: string): Term[] {
  const out: Term[] = [];
  // {name}-style placeholders are filled in by the rep, so they are not words to find.
  for (const t of tokenize(fold(text.replace(/\{[^}]*\}/g, ' ')))) {
    if (t.cjk) {
      const ch = [...t.text];
      if (ch.length === 1) continue;
      for (let i = 0; i < ch.length - 1; i++) out.push({ kind: 'cjk', p: ch[i] + ch[i + 1] });
    } else if (t.text.length >= 3 && !STOP.has(t.text)) out.push({ kind: 'word', p: queryPrefix(t.text) });
  }
  const seen = new Set<string>();
  return out.filter((x) => (seen.has(x.kind + x.p) ? false : (seen.add(x.kind + x.p), true)));
}

interface LineIndex {
  words: string[];
  cjk: string;
  atMs: number;
  text: string;
}

function indexLine(s: TranscriptSegment): LineIndex {
  const words: string[] = [];
  let cjk = '';
  for (const t of tokenize(fold(s.text))) {
    if (t.cjk) cjk += t.text + ' ';
    else words.push(t.text);
  }
  return { words, cjk, atMs: s.startMs, text: s.text };
}

function matchHits(ts: Term[], line: LineIndex): number {
  let hit = 0;
  for (const t of ts) {
    if (t.kind === 'cjk' ? line.cjk.includes(t.p) : line.words.some((w) => w.startsWith(t.p))) hit++;
  }
  return hit;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const clean = (l: string) =>
  l
    .replace(LIST_ITEM, '')
    .replace(/^\s*>\s?/, '')
    .replace(/[*_`#]/g, '')
    .trim();

/**
 * Talking points are the Markdown's list items and quoted lines: the points a rep
 * makes. Prose lines are the author's instructions to the rep and are skipped.
 */
export function talkingPoints(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => LIST_ITEM.test(l) || /^\s*>/.test(l))
    .map(clean)
    .filter((l) => l.length >= 4);
}

/** The "say it" text as sentences (a long script line is matched a sentence at a time). */
export function sayPhrases(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s*|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
}

export function scriptCoverage(steps: CoverageStep[], segments: TranscriptSegment[], threshold = 0.5): StepCoverage[] {
  const rep = segments.filter((s) => s.speaker !== 'customer');
  // Match against single lines and adjacent pairs, since a point can span two cues.
  // Single lines first so that, on a tie, the time points at the one line that says it.
  const lines: LineIndex[] = rep.map(indexLine);
  rep.forEach((s, i) => {
    if (i + 1 < rep.length) lines.push(indexLine({ ...s, text: `${s.text} ${rep[i + 1].text}` }));
  });
  return steps.map((step) => {
    const items: ItemCoverage[] = [
      ...step.mustSay.map((text) => ({ text, kind: 'must_say' as const })),
      ...talkingPoints(step.talkingPointsMd).map((text) => ({ text, kind: 'talking_point' as const })),
      ...sayPhrases(step.sayIt ?? '').map((text) => ({ text, kind: 'talking_point' as const })),
    ].map(({ text, kind }) => {
      const ts = terms(text);
      let best = 0;
      let line: LineIndex | null = null;
      for (const l of lines) {
        const hits = matchHits(ts, l);
        if (hits > best) {
          best = hits;
          line = l;
        }
      }
      const score = ts.length ? best / ts.length : 0;
      // One shared word is chance, not coverage: an item of two or more terms needs two of them.
      const covered = score >= threshold && best >= Math.min(2, ts.length);
      return { text, kind, score: Math.round(score * 100) / 100, covered, atMs: line ? line.atMs : null, snippet: line ? line.text : null };
    });
    const ratio = items.length ? items.filter((i) => i.covered).length / items.length : 0;
    return { stepId: step.id, stage: step.stage, title: step.title, items, ratio, covered: ratio >= 0.5 };
  });
}

export interface Suggestion {
  criterionId: number;
  value: number;
  /** The steps the suggestion is based on, for the grader to check. */
  because: { stepId: number; title: string; ratio: number }[];
  /** The transcript lines that produced it: what the rep said, when, and which script item it matched. */
  evidence: { atMs: number; snippet: string; item: string }[];
}

/**
 * Suggests a value for criteria linked to a script stage, in proportion to how
 * much of its steps was said. Only when there is evidence: a suggestion without
 * a transcript line behind it (nothing matched) is not made at all, since a
 * missed fuzzy match is no proof that the rep did not say it.
 */
export function suggestFromCoverage(criteria: CriterionDef[], coverage: StepCoverage[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const c of criteria) {
    if (!c.scriptStage) continue;
    const steps = coverage.filter((s) => s.stage === c.scriptStage && s.items.length > 0);
    if (!steps.length) continue;
    const ratio = steps.reduce((s, x) => s + x.ratio, 0) / steps.length;
    const { min, max } = scaleRange(c.scale);
    const evidence = steps.flatMap((s) =>
      s.items.filter((i) => i.covered && i.atMs !== null && i.snippet).map((i) => ({ atMs: i.atMs!, snippet: i.snippet!, item: i.text })),
    );
    if (!evidence.length) continue;
    const value = c.scale === 'yes_no' ? (ratio >= 0.5 ? 1 : 0) : Math.round(min + ratio * (max - min));
    out.push({ criterionId: c.id, value, because: steps.map((s) => ({ stepId: s.stepId, title: s.title, ratio: s.ratio })), evidence });
  }
  return out;
}
