/**
 * Calibration results in plain words, from Krippendorff's bands (α ≥ .800
 * reliable; .667 ≤ α < .800 tentative conclusions only; α < .667 not yet
 * reliable). Presentation only: α itself comes from shared/domain/agreement.ts.
 */
export type Band = 'reliable' | 'tentative' | 'unreliable' | 'unknown';

export function alphaBand(alpha: number | null): Band {
  if (alpha === null || !Number.isFinite(alpha)) return 'unknown';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}

export interface CriterionAgreement<L> {
  criterionId: number;
  label: L;
  alpha: { alpha: number | null };
  /** Pair agreement on the criterion's own scale (exact for yes/no, within one point otherwise). */
  agreement: { percent: number | null };
}

/** Criteria to talk through first: below the reliable band, lowest α first (at most `max`). */
export function discussFirst<L, C extends CriterionAgreement<L>>(criteria: C[], max = 3): C[] {
  return criteria
    .filter((c) => c.alpha.alpha !== null && c.alpha.alpha < 0.8)
    .sort((a, b) => a.alpha.alpha! - b.alpha.alpha!)
    .slice(0, max);
}

/**
 * α near 0 beside high pair agreement is not a contradiction: when nearly
 * every grader gives the same value, chance agreement is already high and the few
 * disagreements weigh a lot. Flag it so the report explains instead of alarming.
 */
export const lowAlphaHighAgreement = (c: { alpha: { alpha: number | null }; agreement: { percent: number | null } }) =>
  c.alpha.alpha !== null && c.alpha.alpha < 0.2 && c.agreement.percent !== null && c.agreement.percent >= 80;
