/**
 * The competence score: one documented blend, used by the main side (stored
 * cache, insights) and shown in the UI's explanation. Pure: no Node, no DOM.
 *
 * For one rep × competency at date `asOf`:
 *  1. Every piece of evidence i has a value x_i in 0..100, a source s and a date.
 *     Sources and how they are normalised:
 *       call     – a scorecard criterion mapped to the competency (already 0..100)
 *       quiz     – a quiz attempt's score in a course mapped to the competency (0..100)
 *       assessment – a manager's level L (1..5) -> (L - 1) * 25  (1 = 0, 3 = 50, 5 = 100)
 *       drill    – one drill review's recall: Again 0, Hard 50, Good 85, Easy 100
 *  2. Newer evidence weighs more: d_i = 0.5 ^ (ageDays_i / HALF_LIFE_DAYS), half-life 90 days.
 *     Evidence dated after `asOf` is ignored.
 *  3. Per source: S_s = Σ d_i x_i / Σ d_i, and its fresh-equivalent amount E_s = Σ d_i.
 *  4. Blend: score = Σ W_s c_s S_s / Σ W_s c_s, with source weights W (calls 0.40,
 *     assessments 0.25, quizzes 0.20, drills 0.15) and confidence c_s = min(1, E_s / 2):
 *     a source backed by less than two fresh pieces counts proportionally less.
 *  5. n = number of pieces used; the score is `sufficient` only when Σ E_s ≥ 3 and
 *     n ≥ 3 (about three fresh pieces). Otherwise the UI says "not enough evidence".
 */

export type EvidenceSource = 'call' | 'quiz' | 'assessment' | 'drill';

export const EVIDENCE_SOURCES: EvidenceSource[] = ['call', 'assessment', 'quiz', 'drill'];

export const HALF_LIFE_DAYS = 90;
export const SOURCE_WEIGHTS: Record<EvidenceSource, number> = { call: 0.4, assessment: 0.25, quiz: 0.2, drill: 0.15 };
/** Fresh pieces at which a source reaches its full weight. */
export const SOURCE_SATURATION = 2;
/** Fresh-equivalent evidence needed for a confident number. */
export const MIN_EFFECTIVE_EVIDENCE = 3;
export const MIN_EVIDENCE_COUNT = 3;

export interface Evidence {
  source: EvidenceSource;
  /** 0..100 */
  value: number;
  /** ISO date or date-time */
  at: string;
  /** What it is, for the explanation (quiz title, criterion label, note…). */
  label?: string;
  ref?: number;
}

export interface ExplainedEvidence extends Evidence {
  ageDays: number;
  decay: number;
  /** Share of the final score this piece carries (0..1; all shares sum to 1). */
  share: number;
}

export interface SourceSummary {
  source: EvidenceSource;
  n: number;
  score: number;
  effective: number;
  weight: number;
  confidence: number;
  /** Share of the blend (0..1). */
  share: number;
}

export interface CompetenceResult {
  score: number | null;
  /** The blended number even when insufficient (for the explanation only). */
  rawScore: number | null;
  n: number;
  effective: number;
  sufficient: boolean;
  sources: SourceSummary[];
}

const DAY = 86_400_000;

export const levelToScore = (level: number) => (Math.min(5, Math.max(1, level)) - 1) * 25;
export const DRILL_RATING_VALUE: Record<1 | 2 | 3 | 4, number> = { 1: 0, 2: 50, 3: 85, 4: 100 };
export const decayFactor = (ageDays: number, halfLife = HALF_LIFE_DAYS) => Math.pow(0.5, Math.max(0, ageDays) / halfLife);

function toMs(at: string): number {
  return Date.parse(at.length === 10 ? at + 'T12:00:00Z' : at);
}

const SOURCE_INDEX: Record<EvidenceSource, number> = { call: 0, assessment: 1, quiz: 2, drill: 3 };

/** The blend (steps 1–5 above): a tight loop, used for every rep × competency (explainCompetence gives the same numbers with detail). */
export function blendCompetence(evidence: Evidence[], asOf: string): CompetenceResult {
  const asOfMs = toMs(asOf);
  const cutoff = asOf.length === 10 ? asOfMs + 12 * 3600_000 - 1 : asOfMs;
  const n = [0, 0, 0, 0];
  const sum = [0, 0, 0, 0];
  const eff = [0, 0, 0, 0];
  const k = Math.LN2 / HALF_LIFE_DAYS / DAY;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    const t = toMs(e.at);
    if (!(t <= cutoff)) continue;
    const d = Math.exp(-k * Math.max(0, asOfMs - t));
    const s = SOURCE_INDEX[e.source];
    n[s]++;
    sum[s] += d * Math.min(100, Math.max(0, e.value));
    eff[s] += d;
  }
  const sources: SourceSummary[] = [];
  let num = 0;
  let den = 0;
  let total = 0;
  let effective = 0;
  for (const src of EVIDENCE_SOURCES) {
    const s = SOURCE_INDEX[src];
    if (eff[s] <= 0) continue;
    const score = sum[s] / eff[s];
    const confidence = Math.min(1, eff[s] / SOURCE_SATURATION);
    const w = SOURCE_WEIGHTS[src] * confidence;
    num += w * score;
    den += w;
    total += n[s];
    effective += eff[s];
    sources.push({ source: src, n: n[s], score, effective: eff[s], weight: SOURCE_WEIGHTS[src], confidence, share: 0 });
  }
  for (const s of sources) s.share = den > 0 ? (s.weight * s.confidence) / den : 0;
  const rawScore = den > 0 ? num / den : null;
  const sufficient = rawScore != null && effective >= MIN_EFFECTIVE_EVIDENCE && total >= MIN_EVIDENCE_COUNT;
  return { score: sufficient ? rawScore : null, rawScore, n: total, effective, sufficient, sources };
}

/** The blend plus each piece's decay and share, for the UI's "why this number". */
export function explainCompetence(evidence: Evidence[], asOf: string): { result: CompetenceResult; items: ExplainedEvidence[] } {
  // A date-only asOf includes that whole day; ages are counted from its noon (date-only evidence is dated noon too).
  const asOfMs = toMs(asOf);
  const cutoff = asOf.length === 10 ? Date.parse(asOf + 'T23:59:59.999Z') : asOfMs;
  const acc = new Map<EvidenceSource, { n: number; sum: number; eff: number }>();
  const used: { e: Evidence; ageDays: number; decay: number }[] = [];
  for (const e of evidence) {
    const t = toMs(e.at);
    if (!Number.isFinite(t) || t > cutoff) continue;
    const value = Math.min(100, Math.max(0, e.value));
    const ageDays = Math.max(0, asOfMs - t) / DAY;
    const decay = decayFactor(ageDays);
    let a = acc.get(e.source);
    if (!a) acc.set(e.source, (a = { n: 0, sum: 0, eff: 0 }));
    a.n++;
    a.sum += decay * value;
    a.eff += decay;
    used.push({ e: { ...e, value }, ageDays, decay });
  }
  const sources: SourceSummary[] = [];
  let num = 0;
  let den = 0;
  let n = 0;
  let effective = 0;
  for (const s of EVIDENCE_SOURCES) {
    const a = acc.get(s);
    if (!a || a.eff <= 0) continue;
    const score = a.sum / a.eff;
    const confidence = Math.min(1, a.eff / SOURCE_SATURATION);
    const w = SOURCE_WEIGHTS[s] * confidence;
    num += w * score;
    den += w;
    n += a.n;
    effective += a.eff;
    sources.push({ source: s, n: a.n, score, effective: a.eff, weight: SOURCE_WEIGHTS[s], confidence, share: 0 });
  }
  for (const s of sources) s.share = den > 0 ? (s.weight * s.confidence) / den : 0;
  const rawScore = den > 0 ? num / den : null;
  const sufficient = rawScore != null && effective >= MIN_EFFECTIVE_EVIDENCE && n >= MIN_EVIDENCE_COUNT;
  const shareOf = new Map(sources.map((s) => [s.source, s]));
  const items: ExplainedEvidence[] = used
    .map(({ e, ageDays, decay }) => {
      const s = shareOf.get(e.source)!;
      return { ...e, ageDays, decay, share: s.share * (decay / s.effective) };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
  return {
    result: { score: sufficient ? rawScore : null, rawScore, n, effective, sufficient, sources },
    items,
  };
}

/** The overall competence: mean over competencies with a sufficient score (null when none). */
export function overallCompetence(scores: { score: number | null; sufficient: boolean; n: number }[]) {
  const ok = scores.filter((s) => s.sufficient && s.score != null);
  const n = scores.reduce((a, s) => a + s.n, 0);
  if (!ok.length) return { score: null, n, sufficient: false };
  return { score: ok.reduce((a, s) => a + (s.score as number), 0) / ok.length, n, sufficient: true };
}
