/**
 * Competence scores as other features (insights) read them.
 * INTERFACE FIRST: the training feature implements this with the documented
 * blend in shared/; until then it returns nothing.
 */
import type { DB } from '../../db/open';
// INTERIM (insights branch only; the integrator takes the training feature's version of this file).
import { interimCompetenceScores } from '../insights/interimCompetence';

export interface CompetenceScore {
  repId: number;
  /** null = the rep's overall competence (mean over competencies with enough evidence). */
  competencyId: number | null;
  /** 0..100, or null when there is too little evidence to state a number. */
  score: number | null;
  /** How many pieces of evidence the score rests on. */
  n: number;
  sufficient: boolean;
  asOf: string;
}

export function competenceScores(db: DB, opts: { asOf?: string; repIds?: number[] } = {}): CompetenceScore[] {
  return interimCompetenceScores(db, opts); // INTERIM: replaced by the training feature's documented blend
}
