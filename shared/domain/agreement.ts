/**
 * Inter-rater agreement for calibration: Krippendorff's alpha (nominal, ordinal,
 * interval; any number of graders, missing data allowed), percent of grader pairs
 * that agree on the criterion's own scale (exact on yes/no, within one point on point
 * scales), per-unit spread and each grader's bias. Pure functions.
 *
 * Alpha follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 * a coincidence matrix over pairable values (units with >= 2 values), then
 * alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck).
 */

export type Metric = 'nominal' | 'ordinal' | 'interval';
/** Rows = graders (observers), columns = units; null = missing. */
export type ReliabilityData = (number | null)[][];

export interface AlphaResult {
  alpha: number | null;
  /** Pairable values (the n in the formula). */
  n: number;
  /** Units with at least two values. */
  units: number;
}

export function krippendorffAlpha(data: ReliabilityData, metric: Metric = 'ordinal'): AlphaResult {
  const unitCount = Math.max(0, ...data.map((r) => r.length));
  const values = new Set<number>();
  const unitsVals: number[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const vs = data.map((r) => r[u]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
    if (vs.length >= 2) {
      unitsVals.push(vs);
      vs.forEach((v) => values.add(v));
    }
  }
  const vals = [...values].sort((a, b) => a - b);
  const idx = new Map(vals.map((v, i) => [v, i]));
  const V = vals.length;
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const vs of unitsVals) {
    const m = vs.length;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        o[idx.get(vs[i])!][idx.get(vs[j])!] += 1 / (m - 1);
      }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  // One unit says nothing about reliability (alpha would be 0 by construction): report it as not computable.
  if (n <= 1 || V === 0 || unitsVals.length < 2) return { alpha: null, n: Math.round(n), units: unitsVals.length };
  const delta = (c: number, k: number): number => {
    if (c === k) return 0;
    if (metric === 'nominal') return 1;
    if (metric === 'interval') return (vals[c] - vals[k]) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let s = 0;
    for (let g = lo; g <= hi; g++) s += nc[g];
    return (s - (nc[c] + nc[k]) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += nc[c] * nc[k] * d;
    }
  // All pairable values identical: perfect agreement, but alpha is undefined (no variation).
  if (expected === 0) return { alpha: observed === 0 ? null : 0, n: Math.round(n), units: unitsVals.length };
  return { alpha: 1 - ((n - 1) * observed) / expected, n: Math.round(n), units: unitsVals.length };
}

/**
 * How close two answers must be to count as agreement on a scale: exact on yes/no (0 vs 1 is
 * the widest possible disagreement, never "within one point"), within one point on 1–3, 1–5, 0–10.
 */
export function agreementTolerance(scale: string): number {
  return scale === 'yes_no' ? 0 : 1;
}

/** Alpha's distance metric for a scale: yes/no answers are categories (nominal), the point scales ordered (ordinal). */
export function alphaMetric(scale: string): Metric {
  return scale === 'yes_no' ? 'nominal' : 'ordinal';
}

/** Share of grader pairs (within each unit) whose scores differ by at most `tolerance`. */
export function percentWithin(data: ReliabilityData, tolerance = 1): { percent: number | null; pairs: number; agreeing: number } {
  const unitCount = Math.max(0, ...data.map((r) => r.length));
  let pairs = 0;
  let ok = 0;
  for (let u = 0; u < unitCount; u++) {
    const vs = data.map((r) => r[u]).filter((v): v is number => v !== null && v !== undefined);
    for (let i = 0; i < vs.length; i++)
      for (let j = i + 1; j < vs.length; j++) {
        pairs++;
        if (Math.abs(vs[i] - vs[j]) <= tolerance + 1e-9) ok++;
      }
  }
  return { percent: pairs ? (ok / pairs) * 100 : null, pairs, agreeing: ok };
}

export interface Spread {
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  sd: number | null;
  range: number | null;
}

export function spread(values: (number | null)[]): Spread {
  const xs = values.filter((v): v is number => v !== null && v !== undefined);
  if (!xs.length) return { n: 0, min: null, max: null, mean: null, sd: null, range: null };
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { n: xs.length, min, max, mean, sd, range: max - min };
}

export interface GraderBias {
  grader: number;
  /** Mean of (grader's score − the comparison score) over shared units; positive = lenient. */
  bias: number | null;
  n: number;
  label: 'lenient' | 'harsh' | 'aligned' | 'unknown';
}

/**
 * Each grader's bias against the mean of the OTHER graders on the same unit, or
 * against the reference grader's score when one is given. `threshold` is the
 * absolute bias (in the data's units) above which a grader is called lenient/harsh.
 */
export function graderBias(data: ReliabilityData, opts: { reference?: number | null; threshold?: number } = {}): GraderBias[] {
  const threshold = opts.threshold ?? 5;
  const unitCount = Math.max(0, ...data.map((r) => r.length));
  return data.map((row, g) => {
    const diffs: number[] = [];
    if (g === opts.reference) return { grader: g, bias: null, n: 0, label: 'unknown' };
    for (let u = 0; u < unitCount; u++) {
      const mine = row[u];
      if (mine === null || mine === undefined) continue;
      let cmp: number | null = null;
      if (opts.reference !== undefined && opts.reference !== null) cmp = data[opts.reference]?.[u] ?? null;
      else {
        const others = data
          .filter((_, h) => h !== g)
          .map((r) => r[u])
          .filter((v): v is number => v !== null && v !== undefined);
        cmp = others.length ? others.reduce((s, x) => s + x, 0) / others.length : null;
      }
      if (cmp !== null) diffs.push(mine - cmp);
    }
    const bias = diffs.length ? diffs.reduce((s, x) => s + x, 0) / diffs.length : null;
    const label = bias === null ? 'unknown' : bias > threshold ? 'lenient' : bias < -threshold ? 'harsh' : 'aligned';
    return { grader: g, bias, n: diffs.length, label };
  });
}

/**
 * A criterion is ambiguous when graders differ by more than `tolerance` (one point; 0 on a
 * yes/no criterion, see agreementTolerance) on more than `share` of its units.
 */
export function ambiguity(
  data: ReliabilityData,
  share = 0.3,
  tolerance = 1,
): { disagreeing: number; units: number; share: number | null; ambiguous: boolean } {
  const unitCount = Math.max(0, ...data.map((r) => r.length));
  let units = 0;
  let disagreeing = 0;
  for (let u = 0; u < unitCount; u++) {
    const s = spread(data.map((r) => r[u] ?? null));
    if (s.n < 2) continue;
    units++;
    if ((s.range ?? 0) > tolerance + 1e-9) disagreeing++;
  }
  const sh = units ? disagreeing / units : null;
  return { disagreeing, units, share: sh, ambiguous: sh !== null && sh > share };
}
