/**
 * Scorecard scoring rules, implemented once: the scoring form shows the live
 * score with these functions and the service stores what they return.
 *
 * Points convention (as in MaestroQA / Playvox): a criterion earns `value × weight`
 * of `max × weight` points (yes = 1 of 1, "4" on a 1–5 scale = 4 of 5). N/A removes
 * the criterion from numerator and denominator. A standard section's percentage is
 * earned/possible; the base score is the weight-averaged percentage of the
 * standard sections that have anything scored. A bonus section adds up to its
 * criteria's weights in percentage points, capped by `bonusCap`, and the total never
 * exceeds 100% (the bonus earned is reported on its own). A failed critical
 * criterion (its lowest value) or a failed auto-fail item sets the total to 0.
 */

export const SCALES = ['yes_no', '1_3', '1_5', '0_10'] as const;
export type Scale = (typeof SCALES)[number];
export const SECTION_KINDS = ['standard', 'bonus', 'auto_fail'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type Localized = { en: string; ru: string; zh: string };

export interface CriterionDef {
  id: number;
  prompt: Localized;
  guideline: Localized;
  scale: Scale;
  weight: number;
  naAllowed: boolean;
  critical: boolean;
  competencyId: number | null;
  /** Script stage this criterion checks (for coverage suggestions), e.g. 'opening'. */
  scriptStage: string | null;
}

export interface SectionDef {
  key: string;
  title: Localized;
  kind: SectionKind;
  weight: number;
  criteria: CriterionDef[];
}

export interface TemplateDef {
  sections: SectionDef[];
  /** Maximum percentage points a bonus section can add on top of the base score. */
  bonusCap: number;
}

export interface Answer {
  /** null = not answered yet. */
  value: number | null;
  na: boolean;
}

export function scaleRange(scale: Scale): { min: number; max: number; values: number[] } {
  const [min, max] = scale === 'yes_no' ? [0, 1] : scale === '1_3' ? [1, 3] : scale === '1_5' ? [1, 5] : [0, 10];
  return { min, max, values: Array.from({ length: max - min + 1 }, (_, i) => min + i) };
}

/** One answer as 0..100 (points convention: value / max). */
export function criterionPercent(value: number, scale: Scale): number {
  return (value / scaleRange(scale).max) * 100;
}

/** A critical criterion fails at its scale's lowest value; an auto-fail item fails when answered "no" (0). */
export function isFailing(c: CriterionDef, a: Answer | undefined, kind: SectionKind): boolean {
  if (!a || a.na || a.value === null) return false;
  if (kind === 'auto_fail') return a.value === scaleRange(c.scale).min;
  return c.critical && a.value === scaleRange(c.scale).min;
}

export interface SectionResult {
  key: string;
  kind: SectionKind;
  earned: number;
  possible: number;
  /** 0..100, or null when nothing in it is scored. */
  percent: number | null;
}

export interface ScoreResult {
  /** Final 0..100 (base plus bonus, never above 100), rounded to 0.1; null while nothing is answered. */
  score: number | null;
  base: number | null;
  bonus: number;
  autoFailed: boolean;
  /** Criteria that zeroed the score. */
  failedBy: { criterionId: number; prompt: Localized; kind: 'critical' | 'auto_fail' }[];
  sections: SectionResult[];
  answered: number;
  required: number;
  /** Criteria still unanswered (neither a value nor N/A). */
  missing: number[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreEvaluation(def: TemplateDef, answers: Record<number, Answer | undefined>): ScoreResult {
  const sections: SectionResult[] = [];
  const failedBy: ScoreResult['failedBy'] = [];
  const missing: number[] = [];
  let answered = 0;
  let required = 0;
  let weighted = 0;
  let weightSum = 0;
  let bonus = 0;
  for (const s of def.sections) {
    let earned = 0;
    let possible = 0;
    for (const c of s.criteria) {
      const a = answers[c.id];
      required++;
      if (!a || (a.value === null && !a.na)) {
        missing.push(c.id);
        continue;
      }
      answered++;
      if (isFailing(c, a, s.kind))
        failedBy.push({ criterionId: c.id, prompt: c.prompt, kind: s.kind === 'auto_fail' ? 'auto_fail' : 'critical' });
      if (a.na || a.value === null) continue;
      const max = scaleRange(c.scale).max;
      if (s.kind === 'bonus') bonus += (a.value / max) * c.weight;
      earned += a.value * c.weight;
      possible += max * c.weight;
    }
    const percent = possible > 0 ? (earned / possible) * 100 : null;
    sections.push({ key: s.key, kind: s.kind, earned, possible, percent: percent === null ? null : round1(percent) });
    if (s.kind === 'standard' && percent !== null && s.weight > 0) {
      weighted += percent * s.weight;
      weightSum += s.weight;
    }
  }
  const base = weightSum > 0 ? weighted / weightSum : null;
  bonus = Math.min(bonus, Math.max(0, def.bonusCap));
  const autoFailed = failedBy.length > 0;
  const score = autoFailed ? 0 : base === null ? (bonus > 0 ? round1(Math.min(100, bonus)) : null) : round1(Math.min(100, base + bonus));
  return {
    score,
    base: base === null ? null : round1(base),
    bonus: round1(bonus),
    autoFailed,
    failedBy,
    sections,
    answered,
    required,
    missing,
  };
}

/** Every criterion of a template, with its section kind. */
export function allCriteria(def: TemplateDef): (CriterionDef & { sectionKind: SectionKind; sectionKey: string })[] {
  return def.sections.flatMap((s) => s.criteria.map((c) => ({ ...c, sectionKind: s.kind, sectionKey: s.key })));
}

/** Answers that need evidence before submitting: a failed critical or auto-fail item. */
export function needsEvidence(def: TemplateDef, answers: Record<number, (Answer & { evidenceMs?: number | null }) | undefined>): number[] {
  return allCriteria(def)
    .filter((c) => isFailing(c, answers[c.id], c.sectionKind) && (answers[c.id]?.evidenceMs ?? null) === null)
    .map((c) => c.id);
}

/** Band of a final score for filters and colours. */
export type ScoreBand = 'low' | 'mid' | 'high';
export const bandOf = (score: number): ScoreBand => (score < 60 ? 'low' : score < 80 ? 'mid' : 'high');

/** "What if": the average of scores under two template versions over the same answers. */
export function compareAverages(rows: { before: number | null; after: number | null }[]) {
  const b = rows.map((r) => r.before).filter((x): x is number => x !== null);
  const a = rows.map((r) => r.after).filter((x): x is number => x !== null);
  const avg = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const before = avg(b);
  const after = avg(a);
  return {
    n: rows.length,
    before,
    after,
    delta: before !== null && after !== null ? after - before : null,
    changed: rows.filter((r) => r.before !== r.after).length,
  };
}
