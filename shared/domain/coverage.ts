/**
 * Script coverage: which script steps / talking points / must-say items the rep
 * actually said, by fuzzy matching the rep's transcript lines against each item
 * (ru/en words by Snowball stem prefix, Chinese by character bigrams — the same
 * normalisation as the search module). Suggestions derived from coverage are
 * only hints for the grader; they are never stored as scores.
 */
import { fold, queryPrefix, tokenize } from '../search/text';
import type { TranscriptSegment } from './transcript';
import { scaleRange, type CriterionDef } from './scoring';

export interface CoverageStep {
  id: number;
  stage: string;
  title: string;
  talkingPointsMd: string;
  mustSay: string[];
}

export interface ItemCoverage {
  text: string;
  kind: 'must_say' | 'talking_point';
  /** 0..1 share of the item's key terms found in one rep line. */
  score: number;
  covered: boolean;
  atMs: number | null;
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
  for (const t of tokenize(fold(text))) {
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
}

function indexLine(s: TranscriptSegment): LineIndex {
  const words: string[] = [];
  let cjk = '';
  for (const t of tokenize(fold(s.text))) {
    if (t.cjk) cjk += t.text + ' ';
    else words.push(t.text);
  }
  return { words, cjk, atMs: s.startMs };
}

function matchScore(ts: Term[], line: LineIndex): number {
  if (!ts.length) return 0;
  let hit = 0;
  for (const t of ts) {
    if (t.kind === 'cjk' ? line.cjk.includes(t.p) : line.words.some((w) => w.startsWith(t.p))) hit++;
  }
  return hit / ts.length;
}

/** Talking points are the Markdown's list items / lines (headings and blanks skipped). */
export function talkingPoints(md: string): string[] {
  return md
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/[*_`#>]/g, '').trim())
    .filter((l) => l.length >= 4);
}

export function scriptCoverage(steps: CoverageStep[], segments: TranscriptSegment[], threshold = 0.6): StepCoverage[] {
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
    ].map(({ text, kind }) => {
      const ts = terms(text);
      let best = 0;
      let at: number | null = null;
      for (const l of lines) {
        const sc = matchScore(ts, l);
        if (sc > best) {
          best = sc;
          at = l.atMs;
        }
      }
      return { text, kind, score: Math.round(best * 100) / 100, covered: best >= threshold, atMs: best > 0 ? at : null };
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
}

/** Suggests a value for criteria linked to a script stage: top of scale when its steps were covered, bottom when missed. */
export function suggestFromCoverage(criteria: CriterionDef[], coverage: StepCoverage[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const c of criteria) {
    if (!c.scriptStage) continue;
    const steps = coverage.filter((s) => s.stage === c.scriptStage && s.items.length > 0);
    if (!steps.length) continue;
    const ratio = steps.reduce((s, x) => s + x.ratio, 0) / steps.length;
    const { min, max } = scaleRange(c.scale);
    const value = c.scale === 'yes_no' ? (ratio >= 0.5 ? 1 : 0) : Math.round(min + ratio * (max - min));
    out.push({ criterionId: c.id, value, because: steps.map((s) => ({ stepId: s.stepId, title: s.title, ratio: s.ratio })) });
  }
  return out;
}
