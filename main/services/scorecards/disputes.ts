/**
 * The disputes dashboard: open disputes, grouped by the grader whose score is
 * disputed and by criterion, with their age. A manager who is not an admin sees
 * the disputes of the teams they manage (none when they manage no team); the
 * solo owner and admins see all.
 */
import type { Actor } from '../../../shared/api/access';
import type { DisputeDashboard } from '../../../shared/api/scorecards';
import type { DB } from '../../db/open';
import { personRefs, refOf } from './common';
import { criterionLabels } from './evaluations';

const DAY = 86_400_000;
const BUCKETS: DisputeDashboard['age'][number]['bucket'][] = ['0-2', '3-7', '8-14', '15+'];
const bucketOf = (d: number) => (d <= 2 ? '0-2' : d <= 7 ? '3-7' : d <= 14 ? '8-14' : '15+');

export function disputeDashboard(db: DB, actor: Actor, now: Date = new Date()): DisputeDashboard {
  const where = ["f.kind = 'dispute'"];
  const params: number[] = [];
  if (!actor.owner && !actor.roles.includes('admin')) {
    where.push(`p.team_id IN (${actor.managedTeamIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...actor.managedTeamIds);
  }
  const rows = db
    .prepare(
      `SELECT f.status, f.criterion_id AS cid, f.created_at AS at, e.grader_id AS gid
       FROM evaluation_feedback f JOIN evaluations e ON e.id = f.evaluation_id JOIN people p ON p.id = f.rep_id
       WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as { status: string; cid: number; at: string; gid: number | null }[];

  const ageOf = (at: string) => Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY));
  const changedStatus = (s: string) => s === 'accepted' || s === 'partly';
  const openAges: number[] = [];
  const graders = new Map<number | null, { open: number; total: number; changed: number; oldest: number | null }>();
  const crits = new Map<number, { open: number; total: number; changed: number }>();
  let changed = 0;
  for (const r of rows) {
    const isOpen = r.status === 'open';
    const g = graders.get(r.gid) ?? { open: 0, total: 0, changed: 0, oldest: null };
    const c = crits.get(r.cid) ?? { open: 0, total: 0, changed: 0 };
    g.total++;
    c.total++;
    if (changedStatus(r.status)) {
      g.changed++;
      c.changed++;
      changed++;
    }
    if (isOpen) {
      const age = ageOf(r.at);
      openAges.push(age);
      g.open++;
      c.open++;
      g.oldest = Math.max(g.oldest ?? 0, age);
    }
    graders.set(r.gid, g);
    crits.set(r.cid, c);
  }
  openAges.sort((a, b) => a - b);
  const median = openAges.length
    ? openAges.length % 2
      ? openAges[(openAges.length - 1) / 2]
      : (openAges[openAges.length / 2 - 1] + openAges[openAges.length / 2]) / 2
    : null;
  const refs = personRefs(db);
  const labels = criterionLabels(db);
  // Most waiting first, then most disputed overall.
  const order = (a: { open: number; total: number }, b: { open: number; total: number }) => b.open - a.open || b.total - a.total;
  return {
    open: openAges.length,
    resolved: rows.length - openAges.length,
    changed,
    oldestOpenDays: openAges.length ? openAges[openAges.length - 1] : null,
    medianOpenDays: median,
    age: BUCKETS.map((bucket) => ({ bucket, n: openAges.filter((d) => bucketOf(d) === bucket).length })),
    byGrader: [...graders.entries()]
      .map(([gid, g]) => ({ grader: refOf(refs, gid), open: g.open, total: g.total, changed: g.changed, oldestOpenDays: g.oldest }))
      .sort(order),
    byCriterion: [...crits.entries()]
      .map(([cid, c]) => ({ criterionId: cid, label: labels.get(cid) ?? { en: `#${cid}`, ru: '', zh: '' }, ...c }))
      .sort(order),
  };
}
