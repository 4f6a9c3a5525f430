/**
 * What other features read of call evaluations (competence scores, insights).
 * INTERFACE FIRST: the scorecards feature implements these; until then they return nothing.
 */
import type { DB } from '../../db/open';

/** One scored criterion of a submitted evaluation, normalised to 0..100, for the competency it evidences. */
export interface CriterionEvidence {
  repId: number;
  competencyId: number;
  /** ISO date-time of the call. */
  at: string;
  score: number;
  evaluationId: number;
  criterionId: number;
  label: string;
}

/** A submitted evaluation's total (0..100; auto-failed = 0). */
export interface CallScore {
  repId: number;
  at: string;
  score: number;
  evaluationId: number;
  callId: number;
}

export function listCriterionEvidence(_db: DB, _opts: { repId?: number; since?: string; until?: string } = {}): CriterionEvidence[] {
  return [];
}

export function listCallScores(_db: DB, _opts: { repId?: number; since?: string; until?: string } = {}): CallScore[] {
  return [];
}
