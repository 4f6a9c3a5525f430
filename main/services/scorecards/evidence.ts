/**
 * What other features read of call evaluations (competence scores, insights).
 * Only submitted, non-calibration evaluations count; each criterion is
 * normalised to 0..100 with the scoring module's points rule (value / scale max);
 * N/A answers are left out.
 */
import { allCriteria, type TemplateDef } from '../../../shared/domain/scoring';
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

function filters(opts: { repId?: number; since?: string; until?: string }) {
  const where = ["e.status = 'submitted'", 'e.calibration_id IS NULL'];
  const params: unknown[] = [];
  if (opts.repId !== undefined) {
    where.push('e.rep_id = ?');
    params.push(opts.repId);
  }
  if (opts.since) {
    where.push('e.call_at >= ?');
    params.push(opts.since);
  }
  if (opts.until) {
    where.push('e.call_at < ?');
    params.push(opts.until);
  }
  return { where: where.join(' AND '), params };
}

export function listCriterionEvidence(db: DB, opts: { repId?: number; since?: string; until?: string } = {}): CriterionEvidence[] {
  const { where, params } = filters(opts);
  const rows = db
    .prepare(
      `SELECT e.rep_id, e.call_at, e.id AS eid, e.version_id, a.criterion_id, a.competency_id, a.value * 100.0 / a.scale_max AS score
       FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id
       WHERE ${where} AND a.na = 0 AND a.value IS NOT NULL AND a.competency_id IS NOT NULL
       ORDER BY e.call_at, e.id, a.criterion_id`,
    )
    .all(...params) as {
    rep_id: number;
    call_at: string;
    eid: number;
    version_id: number;
    criterion_id: number;
    competency_id: number;
    score: number;
  }[];
  const labels = new Map<number, Map<number, string>>();
  const labelOf = (vid: number, cid: number) => {
    let m = labels.get(vid);
    if (!m) {
      const def = JSON.parse(
        (db.prepare('SELECT definition FROM scorecard_versions WHERE id = ?').get(vid) as { definition: string }).definition,
      ) as TemplateDef;
      m = new Map(allCriteria(def).map((c) => [c.id, c.prompt.en || c.prompt.ru || c.prompt.zh]));
      labels.set(vid, m);
    }
    return m.get(cid) ?? `#${cid}`;
  };
  return rows.map((r) => ({
    repId: r.rep_id,
    competencyId: r.competency_id,
    at: r.call_at,
    score: Math.round(r.score * 10) / 10,
    evaluationId: r.eid,
    criterionId: r.criterion_id,
    label: labelOf(r.version_id, r.criterion_id),
  }));
}

export function listCallScores(db: DB, opts: { repId?: number; since?: string; until?: string } = {}): CallScore[] {
  const { where, params } = filters(opts);
  return (
    db
      .prepare(
        `SELECT e.rep_id, e.call_at, e.score, e.id, e.call_id FROM evaluations e WHERE ${where} AND e.score IS NOT NULL ORDER BY e.call_at, e.id`,
      )
      .all(...params) as {
      rep_id: number;
      call_at: string;
      score: number;
      id: number;
      call_id: number;
    }[]
  ).map((r) => ({ repId: r.rep_id, at: r.call_at, score: r.score, evaluationId: r.id, callId: r.call_id }));
}
