/**
 * Competence scores as other features (insights) read them.
 * INTERFACE FIRST: the training feature implements this with the documented
 * blend in shared/; until then it returns nothing.
 */
import type { DB } from '../../db/open';

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

export function competenceScores(_db: DB, _opts: { asOf?: string; repIds?: number[] } = {}): CompetenceScore[] {
  return [];
}
