/**
 * Builds the demo workspace a new user sees on first start. Each feature adds
 * its seeder to SEEDERS (in dependency order); each runs in its own transaction.
 */
import { createRng } from '../../../shared/domain/random';
import type { DB } from '../../db/open';
import type { DemoContext, DemoSeeder } from './context';
import { seedPeople } from './people';
import { seedLibrary } from './library';
import { seedDefaultCompetencies } from '../competencies';
import { seedScripts } from './scripts';
import { seedTraining } from './training';
import { seedScorecards } from './scorecards';
import { seedInsights } from './insights';

/** In dependency order: people, competencies, then each feature's seeder. */
const SEEDERS: DemoSeeder[] = [
  { name: 'people', run: seedPeople },
  { name: 'competencies', run: (ctx) => seedDefaultCompetencies(ctx.db) },
  { name: 'scripts', run: seedScripts },
  { name: 'training', run: seedTraining },
  { name: 'scorecards', run: seedScorecards },
  { name: 'library', run: seedLibrary },
  { name: 'insights', run: seedInsights },
];

export interface DemoOptions {
  filesDir: string;
  now?: Date;
  seed?: number;
}

export function generateDemo(db: DB, opts: DemoOptions): DemoContext {
  const ctx: DemoContext = {
    db,
    rng: createRng(opts.seed ?? 20260101),
    now: opts.now ?? new Date(),
    filesDir: opts.filesDir,
    reps: [],
    managers: [],
    trainers: [],
    teams: {},
    skill: new Map(),
  };
  for (const s of SEEDERS) {
    db.transaction(() => {
      s.run(ctx);
      if (s.name === 'people') for (const r of ctx.reps) ctx.skill.set(r.id, Math.min(0.95, Math.max(0.15, ctx.rng.normal(0.6, 0.17))));
    })();
  }
  const setMeta = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    setMeta.run('name', 'Demo workspace');
    setMeta.run('is_demo', '1');
    setMeta.run('created_at', ctx.now.toISOString());
    setMeta.run('demo_skill', JSON.stringify([...ctx.skill]));
    const manager = ctx.managers[0];
    if (manager) setMeta.run('session', JSON.stringify({ personId: manager.id, role: 'manager' }));
  })();
  return ctx;
}
