/**
 * Scorecard results for export: submitted, non-calibration evaluations in a date
 * range, averaged per criterion (0–100 points, N/A left out) and per rep (total
 * score and each criterion). A manager who is not an admin sees only the reps of
 * the teams they manage; the solo owner and admins see everyone.
 */
import type { Actor } from '../../../shared/api/access';
import type { ResultsExport } from '../../../shared/api/scorecards';
import type { DB } from '../../db/open';
import { personRefs, refOf } from './common';
import { criterionLabels } from './evaluations';

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function resultsExport(db: DB, i: { from: string | null; to: string | null }, actor: Actor): ResultsExport {
  const where = ["e.status = 'submitted'", 'e.calibration_id IS NULL'];
  const params: (string | number)[] = [];
  if (i.from) {
    where.push('e.call_at >= ?');
    params.push(i.from);
  }
  if (i.to) {
    where.push("e.call_at < date(?, '+1 day')");
    params.push(i.to);
  }
  if (!actor.owner && !actor.roles.includes('admin')) {
    // Managers: their teams' reps only (none when they manage no team).
    where.push(`p.team_id IN (${actor.managedTeamIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...actor.managedTeamIds);
  }
  const w = where.join(' AND ');
  const perCrit = db
    .prepare(
      `SELECT a.criterion_id AS cid, count(*) AS n, avg(a.value * 100.0 / a.scale_max) AS avg
       FROM evaluations e JOIN people p ON p.id = e.rep_id JOIN evaluation_answers a ON a.evaluation_id = e.id
       WHERE ${w} AND a.na = 0 AND a.value IS NOT NULL GROUP BY a.criterion_id ORDER BY a.criterion_id`,
    )
    .all(...params) as { cid: number; n: number; avg: number | null }[];
  const perRep = db
    .prepare(
      `SELECT e.rep_id AS rid, t.name AS team, count(*) AS n, avg(e.score) AS avg
       FROM evaluations e JOIN people p ON p.id = e.rep_id LEFT JOIN teams t ON t.id = p.team_id
       WHERE ${w} GROUP BY e.rep_id ORDER BY avg DESC`,
    )
    .all(...params) as { rid: number; team: string | null; n: number; avg: number | null }[];
  const repCrit = db
    .prepare(
      `SELECT e.rep_id AS rid, a.criterion_id AS cid, avg(a.value * 100.0 / a.scale_max) AS avg
       FROM evaluations e JOIN people p ON p.id = e.rep_id JOIN evaluation_answers a ON a.evaluation_id = e.id
       WHERE ${w} AND a.na = 0 AND a.value IS NOT NULL GROUP BY e.rep_id, a.criterion_id`,
    )
    .all(...params) as { rid: number; cid: number; avg: number | null }[];
  const labels = criterionLabels(db);
  const refs = personRefs(db);
  const byRep = new Map<number, Record<number, number | null>>();
  for (const x of repCrit) {
    const m = byRep.get(x.rid) ?? {};
    m[x.cid] = r1(x.avg);
    byRep.set(x.rid, m);
  }
  return {
    criteria: perCrit.map((c) => ({
      criterionId: c.cid,
      label: labels.get(c.cid) ?? { en: `#${c.cid}`, ru: '', zh: '' },
      n: c.n,
      avg: r1(c.avg),
    })),
    reps: perRep.map((x) => ({
      rep: refOf(refs, x.rid)!,
      teamName: x.team,
      n: x.n,
      avgScore: r1(x.avg),
      criteria: byRep.get(x.rid) ?? {},
    })),
  };
}
