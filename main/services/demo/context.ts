import type { Person } from '../../../shared/api/people';
import type { Rng } from '../../../shared/domain/random';
import type { DB } from '../../db/open';

/** What every demo seeder gets: the database, a seeded RNG, "now", and the people created so far. */
export interface DemoContext {
  db: DB;
  rng: Rng;
  now: Date;
  filesDir: string;
  reps: Person[];
  managers: Person[];
  trainers: Person[];
  teams: Record<string, number>;
  /**
   * Each rep's hidden "true skill" (0..1). Every feature's demo data (call scores,
   * quiz results, deals) derives from it with noise, so the insights charts show a
   * real but imperfect relationship.
   */
  skill: Map<number, number>;
}

export interface DemoSeeder {
  name: string;
  run(ctx: DemoContext): void;
}
