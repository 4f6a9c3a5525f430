/**
 * The manager's scoring queue: for each rep, a fair sample of the month's
 * unscored calls. "Stratified" splits the month into as many equal time slices
 * as calls wanted and picks one from each, so one busy day cannot fill a rep's
 * sample; "random" draws uniformly. The draw is seeded by month + rep, so the
 * queue is stable between visits.
 */
import { createRng } from '../../../shared/domain/random';
import type { QueueRep } from '../../../shared/api/scorecards';
import type { DB } from '../../db/open';
import type { Cond } from '../access/scope';
import { personRefs, refOf } from './common';
import { getCallRow } from './calls';

export function scoringQueue(
  db: DB,
  i: { month: string; perRep: number; mode: 'random' | 'stratified'; teamId: number | null },
  scope?: Cond,
): { reps: QueueRep[]; month: string } {
  const s = scope ?? { sql: '1', params: [] };
  const from = `${i.month}-01`;
  const [y, m] = i.month.split('-').map(Number);
  const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const reps = db
    .prepare(
      `SELECT p.id FROM people p JOIN person_roles r ON r.person_id = p.id AND r.role = 'rep' WHERE p.active = 1 AND ${s.sql} ${i.teamId ? 'AND p.team_id = ?' : ''} ORDER BY p.name`,
    )
    .all(...s.params, ...(i.teamId ? [i.teamId] : [])) as { id: number }[];
  const callsOf = db.prepare('SELECT id, at, score FROM calls WHERE rep_id = ? AND at >= ? AND at < ? ORDER BY at');
  const refs = personRefs(db);
  const out: QueueRep[] = [];
  for (const r of reps) {
    const calls = callsOf.all(r.id, from, to) as { id: number; at: string; score: number | null }[];
    const unscored = calls.filter((c) => c.score === null);
    const rng = createRng(y * 100 + m + r.id * 7919);
    let picks: number[] = [];
    const need = Math.max(0, i.perRep - (calls.length - unscored.length));
    if (i.mode === 'random') picks = rng.shuffle(unscored.map((c) => c.id)).slice(0, need);
    else if (need > 0 && unscored.length) {
      const start = Date.parse(from);
      const span = Date.parse(to) - start;
      for (let s = 0; s < need; s++) {
        const lo = start + (span * s) / need;
        const hi = start + (span * (s + 1)) / need;
        const slice = unscored.filter((c) => !picks.includes(c.id) && Date.parse(c.at) >= lo && Date.parse(c.at) < hi);
        const pool = slice.length ? slice : unscored.filter((c) => !picks.includes(c.id));
        if (pool.length) picks.push(rng.pick(pool).id);
      }
    }
    out.push({
      rep: refOf(refs, r.id)!,
      calls: calls.length,
      scored: calls.length - unscored.length,
      picks: picks.map((id) => getCallRow(db, id)),
    });
  }
  return { reps: out, month: i.month };
}
