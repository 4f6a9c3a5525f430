/**
 * Statistics the insights charts need beyond simple-statistics: the Fisher-z
 * confidence interval of a correlation, a difference-in-differences of two
 * proportions with its normal-approximation interval, and the plain-language
 * strength bands. Pure functions: both sides show the same numbers.
 */
import { linearRegression, sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';

/** 97.5th percentile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** 95% CI of Pearson r via Fisher's z = atanh(r), se = 1/sqrt(n-3). Null when n < 4 or |r| = 1. */
export function fisherCi(r: number, n: number, z = Z95): [number, number] | null {
  if (n < 4 || !Number.isFinite(r) || Math.abs(r) >= 1) return null;
  const zr = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return [Math.tanh(zr - z * se), Math.tanh(zr + z * se)];
}

/** Cohen's conventional bands on |r|: < .1 none, < .3 weak, < .5 moderate, else strong. */
export function strength(r: number | null): 'none' | 'weak' | 'moderate' | 'strong' | null {
  if (r === null || !Number.isFinite(r)) return null;
  const a = Math.abs(r);
  return a < 0.1 ? 'none' : a < 0.3 ? 'weak' : a < 0.5 ? 'moderate' : 'strong';
}

export interface CorrelationStats {
  n: number;
  pearson: number | null;
  ci: [number, number] | null;
  spearman: number | null;
  slope: number | null;
  intercept: number | null;
}

const allSame = (v: number[]) => v.every((x) => x === v[0]);

/** Pearson r (simple-statistics), its Fisher-z CI, Spearman rho and the least-squares line. */
export function correlate(xs: number[], ys: number[]): CorrelationStats {
  const n = Math.min(xs.length, ys.length);
  if (n < 3 || allSame(xs) || allSame(ys)) return { n, pearson: null, ci: null, spearman: null, slope: null, intercept: null };
  const pearson = sampleCorrelation(xs, ys);
  const spearman = sampleRankCorrelation(xs, ys);
  const { m, b } = linearRegression(xs.map((x, i) => [x, ys[i]]));
  return { n, pearson, ci: fisherCi(pearson, n), spearman, slope: m, intercept: b };
}

export interface Proportion {
  successes: number;
  trials: number;
}

const rate = (p: Proportion) => (p.trials > 0 ? p.successes / p.trials : null);
const variance = (p: Proportion) => {
  const r = p.successes / p.trials;
  return (r * (1 - r)) / p.trials;
};

export interface DidEstimate {
  treatedPre: number | null;
  treatedPost: number | null;
  controlPre: number | null;
  controlPost: number | null;
  estimate: number | null;
  ci: [number, number] | null;
}

/** Difference-in-differences of means: (post_T - pre_T) - (post_C - pre_C). */
export function didMeans(tPre: number, tPost: number, cPre: number, cPost: number): number {
  return tPost - tPre - (cPost - cPre);
}

/**
 * DiD of four close rates (pooled deals), with a 95% interval from the sum of the
 * four binomial variances (the groups' deals are treated as independent samples).
 */
export function didProportions(tPre: Proportion, tPost: Proportion, cPre: Proportion, cPost: Proportion, z = Z95): DidEstimate {
  const r = [rate(tPre), rate(tPost), rate(cPre), rate(cPost)];
  const base = { treatedPre: r[0], treatedPost: r[1], controlPre: r[2], controlPost: r[3] };
  if (r.some((x) => x === null)) return { ...base, estimate: null, ci: null };
  const estimate = didMeans(r[0]!, r[1]!, r[2]!, r[3]!);
  const se = Math.sqrt(variance(tPre) + variance(tPost) + variance(cPre) + variance(cPost));
  return { ...base, estimate, ci: [estimate - z * se, estimate + z * se] };
}

/** Close rate = won / (won + lost); null when nothing closed. */
export function closeRate(won: number, lost: number): number | null {
  return won + lost > 0 ? won / (won + lost) : null;
}

/** NPS = % promoters (9-10) - % detractors (0-6), on a -100..100 scale. */
export function npsScore(scores: number[]): number | null {
  if (!scores.length) return null;
  const pro = scores.filter((s) => s >= 9).length;
  const det = scores.filter((s) => s <= 6).length;
  return ((pro - det) / scores.length) * 100;
}
