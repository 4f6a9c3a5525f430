/**
 * Calibration sessions: the same calls scored blind by several graders, then a
 * report on agreement (Krippendorff's alpha and pair agreement per criterion on its own
 * scale: exact on yes/no, within one point otherwise; summaries per scale), spread per call
 * and criterion, each grader's bias and ambiguous criteria. Statistics come
 * from shared/domain/agreement.ts.
 */
import { AppError } from '../../../shared/api/contract';
import type { CalibrationDetail, CalibrationReport, CalibrationSummary } from '../../../shared/api/scorecards';
import {
  agreementTolerance,
  alphaMetric,
  ambiguity,
  graderBias,
  krippendorffAlpha,
  percentWithin,
  spread,
} from '../../../shared/domain/agreement';
import { allCriteria, SCALES, type Scale } from '../../../shared/domain/scoring';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { personRefs, refOf } from './common';
import { getCallRow } from './calls';
import { currentVersion, getVersion } from './templates';

const ruleOf = (scale: Scale): 'exact' | 'within1' => (agreementTolerance(scale) === 0 ? 'exact' : 'within1');

export function listCalibrations(db: DB): CalibrationSummary[] {
  return (
    db
      .prepare(
        `SELECT s.id, s.title, s.status, s.deadline, s.created_at,
          (SELECT count(*) FROM calibration_calls c WHERE c.session_id = s.id) AS calls,
          (SELECT count(*) FROM calibration_graders g WHERE g.session_id = s.id) AS graders,
          (SELECT count(*) FROM evaluations e WHERE e.calibration_id = s.id AND e.status = 'submitted') AS submitted
         FROM calibration_sessions s ORDER BY s.created_at DESC, s.id DESC`,
      )
      .all() as {
      id: number;
      title: string;
      status: 'open' | 'closed';
      deadline: string | null;
      created_at: string;
      calls: number;
      graders: number;
      submitted: number;
    }[]
  ).map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    deadline: r.deadline,
    calls: r.calls,
    graders: r.graders,
    submitted: r.submitted,
    expected: r.calls * r.graders,
    createdAt: r.created_at,
  }));
}

export function createCalibration(
  db: DB,
  i: {
    title: string;
    versionId: number | null;
    callIds: number[];
    graderIds: number[];
    deadline: string | null;
    referenceGraderId: number | null;
  },
  actorId: number | null,
): CalibrationDetail {
  return db.transaction(() => {
    const vid = i.versionId ?? currentVersion(db, null)?.id;
    if (!vid) throw new AppError('conflict', 'Publish a scorecard first.', undefined, { key: 'scorecards.publishFirst' });
    getVersion(db, vid);
    const graders = [...new Set(i.graderIds)];
    if (graders.length < 2)
      throw new AppError('invalid_input', 'Choose at least two graders.', 'graderIds', { key: 'scorecards.twoGraders' });
    if (i.referenceGraderId && !graders.includes(i.referenceGraderId))
      throw new AppError('invalid_input', 'The reference grader must be one of the graders.', 'referenceGraderId', {
        key: 'scorecards.referenceNotGrader',
      });
    for (const c of i.callIds) getCallRow(db, c);
    const id = Number(
      db
        .prepare('INSERT INTO calibration_sessions(title, version_id, deadline, reference_grader_id, created_by) VALUES (?, ?, ?, ?, ?)')
        .run(i.title, vid, i.deadline, i.referenceGraderId, actorId).lastInsertRowid,
    );
    const ic = db.prepare('INSERT OR IGNORE INTO calibration_calls(session_id, call_id) VALUES (?, ?)');
    for (const c of i.callIds) ic.run(id, c);
    const ig = db.prepare('INSERT INTO calibration_graders(session_id, grader_id) VALUES (?, ?)');
    for (const g of graders) ig.run(id, g);
    audit(db, actorId, 'calibration', id, 'create', { calls: i.callIds.length, graders: graders.length });
    return getCalibration(db, id, actorId);
  })();
}

export function getCalibration(db: DB, id: number, actorId: number | null): CalibrationDetail {
  const s = listCalibrations(db).find((x) => x.id === id);
  if (!s) throw new AppError('not_found', 'This calibration session does not exist.', undefined, { key: 'scorecards.calibrationNotFound' });
  const row = db.prepare('SELECT version_id, reference_grader_id, created_by FROM calibration_sessions WHERE id = ?').get(id) as {
    version_id: number;
    reference_grader_id: number | null;
    created_by: number | null;
  };
  const refs = personRefs(db);
  const graders = db
    .prepare(
      `SELECT g.grader_id, (SELECT count(*) FROM evaluations e WHERE e.calibration_id = g.session_id AND e.grader_id = g.grader_id AND e.status = 'submitted') AS submitted
       FROM calibration_graders g WHERE g.session_id = ?`,
    )
    .all(id) as { grader_id: number; submitted: number }[];
  const callIds = (
    db.prepare('SELECT call_id FROM calibration_calls WHERE session_id = ? ORDER BY call_id').all(id) as { call_id: number }[]
  ).map((r) => r.call_id);
  const mineRows = actorId
    ? (db.prepare('SELECT id, call_id, status FROM evaluations WHERE calibration_id = ? AND grader_id = ?').all(id, actorId) as {
        id: number;
        call_id: number;
        status: 'draft' | 'submitted';
      }[])
    : [];
  const isGrader = graders.some((g) => g.grader_id === actorId);
  const mySubmitted = mineRows.filter((m) => m.status === 'submitted').length;
  return {
    ...s,
    versionId: row.version_id,
    reference: refOf(refs, row.reference_grader_id),
    graderList: graders.map((g) => ({ person: refOf(refs, g.grader_id)!, submitted: g.submitted })),
    callList: callIds.map((c) => getCallRow(db, c)),
    mine: callIds.map((c) => {
      const m = mineRows.find((x) => x.call_id === c);
      return { callId: c, evaluationId: m?.id ?? null, status: m?.status ?? null };
    }),
    isGrader,
    // Blind: a grader sees the others' scores only after submitting all of their own (or once the session is closed).
    canSeeReport: s.status === 'closed' || (isGrader ? mySubmitted >= callIds.length : true),
  };
}

export function closeCalibration(db: DB, id: number, actorId: number | null): CalibrationDetail {
  db.transaction(() => {
    db.prepare("UPDATE calibration_sessions SET status = 'closed' WHERE id = ?").run(id);
    audit(db, actorId, 'calibration', id, 'close', {});
  })();
  return getCalibration(db, id, actorId);
}

export function calibrationReport(db: DB, id: number, actorId: number | null, checkBlind = true): CalibrationReport {
  const s = db.prepare('SELECT version_id, reference_grader_id, status FROM calibration_sessions WHERE id = ?').get(id) as
    { version_id: number; reference_grader_id: number | null; status: string } | undefined;
  if (!s) throw new AppError('not_found', 'This calibration session does not exist.', undefined, { key: 'scorecards.calibrationNotFound' });
  const graders = (
    db.prepare('SELECT grader_id FROM calibration_graders WHERE session_id = ? ORDER BY grader_id').all(id) as { grader_id: number }[]
  ).map((r) => r.grader_id);
  const calls = db
    .prepare(
      'SELECT cc.call_id, c.customer FROM calibration_calls cc JOIN calls c ON c.id = cc.call_id WHERE cc.session_id = ? ORDER BY cc.call_id',
    )
    .all(id) as {
    call_id: number;
    customer: string;
  }[];
  if (checkBlind && s.status !== 'closed' && actorId !== null && graders.includes(actorId)) {
    const mine = (
      db
        .prepare("SELECT count(*) AS n FROM evaluations WHERE calibration_id = ? AND grader_id = ? AND status = 'submitted'")
        .get(id, actorId) as { n: number }
    ).n;
    if (mine < calls.length)
      throw new AppError('forbidden', 'Submit your own scores for every call first: calibration is blind until then.', undefined, {
        key: 'scorecards.calibrationBlind',
      });
  }
  const def = getVersion(db, s.version_id).definition;
  const evals = db
    .prepare("SELECT id, call_id, grader_id, score FROM evaluations WHERE calibration_id = ? AND status = 'submitted'")
    .all(id) as { id: number; call_id: number; grader_id: number; score: number | null }[];
  const answers = db
    .prepare(
      "SELECT e.call_id, e.grader_id, a.criterion_id, a.value, a.na FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id WHERE e.calibration_id = ? AND e.status = 'submitted'",
    )
    .all(id) as { call_id: number; grader_id: number; criterion_id: number; value: number | null; na: number }[];
  const gi = new Map(graders.map((g, i) => [g, i]));
  const ci = new Map(calls.map((c, i) => [c.call_id, i]));
  const matrix = () => graders.map(() => new Array<number | null>(calls.length).fill(null));
  const totals = matrix();
  for (const e of evals) if (gi.has(e.grader_id) && ci.has(e.call_id)) totals[gi.get(e.grader_id)!][ci.get(e.call_id)!] = e.score;
  const perCrit = new Map<number, (number | null)[][]>();
  for (const a of answers) {
    if (a.na || a.value === null || !gi.has(a.grader_id) || !ci.has(a.call_id)) continue;
    let m = perCrit.get(a.criterion_id);
    if (!m) perCrit.set(a.criterion_id, (m = matrix()));
    m[gi.get(a.grader_id)!][ci.get(a.call_id)!] = a.value;
  }
  // Each criterion on its own scale: exact agreement and nominal alpha on yes/no, within one point and
  // ordinal alpha on point scales. Summaries pool criteria of the same scale only, never across scales.
  const byScaleData = new Map<string, { rows: (number | null)[][]; criteria: number; pairs: number; agreeing: number }>();
  const criteria = allCriteria(def)
    .filter((c) => c.sectionKind !== 'bonus')
    .map((c) => {
      const m = perCrit.get(c.id) ?? matrix();
      const tolerance = agreementTolerance(c.scale);
      const agreement = percentWithin(m, tolerance);
      let g = byScaleData.get(c.scale);
      if (!g) byScaleData.set(c.scale, (g = { rows: graders.map(() => []), criteria: 0, pairs: 0, agreeing: 0 }));
      const group = g;
      m.forEach((row, gi2) => group.rows[gi2].push(...row));
      group.criteria++;
      group.pairs += agreement.pairs;
      group.agreeing += agreement.agreeing;
      return {
        criterionId: c.id,
        label: c.prompt,
        scale: c.scale,
        alpha: krippendorffAlpha(m, alphaMetric(c.scale)),
        agreement: { ...agreement, rule: ruleOf(c.scale) },
        spread: spread(m.flat()),
        ambiguous: ambiguity(m, 0.3, tolerance),
      };
    });
  const byScale = SCALES.filter((sc) => byScaleData.has(sc)).map((scale) => {
    const g = byScaleData.get(scale)!;
    return {
      scale,
      criteria: g.criteria,
      metric: alphaMetric(scale),
      alpha: krippendorffAlpha(g.rows, alphaMetric(scale)),
      agreement: { percent: g.pairs ? (g.agreeing / g.pairs) * 100 : null, pairs: g.pairs, agreeing: g.agreeing, rule: ruleOf(scale) },
    };
  });
  const refs = personRefs(db);
  const refIdx = s.reference_grader_id !== null ? (gi.get(s.reference_grader_id) ?? null) : null;
  return {
    n: { graders: graders.length, calls: calls.length, scores: evals.length },
    totals: calls.map((c, j) => ({
      callId: c.call_id,
      customer: c.customer,
      scores: graders.map((g, i) => ({ graderId: g, score: totals[i][j] })),
      spread: spread(totals.map((r) => r[j])),
    })),
    criteria,
    byScale,
    alphaTotals: krippendorffAlpha(totals, 'interval'),
    bias: graderBias(totals, { reference: refIdx, threshold: 5 }).map((b) => ({ ...b, person: refOf(refs, graders[b.grader])! })),
    reference: refOf(refs, s.reference_grader_id),
  };
}

/** Blind calibration: a grader may open someone else's session evaluation only after submitting all of their own. */
export function assertCanSeeEvaluation(db: DB, evaluationId: number, actorId: number | null) {
  const e = db.prepare('SELECT calibration_id, grader_id FROM evaluations WHERE id = ?').get(evaluationId) as
    { calibration_id: number | null; grader_id: number } | undefined;
  if (!e || e.calibration_id === null || actorId === null || e.grader_id === actorId) return;
  const s = db.prepare('SELECT status FROM calibration_sessions WHERE id = ?').get(e.calibration_id) as { status: string };
  if (s.status === 'closed') return;
  if (!db.prepare('SELECT 1 FROM calibration_graders WHERE session_id = ? AND grader_id = ?').get(e.calibration_id, actorId)) return;
  const calls = (db.prepare('SELECT count(*) AS n FROM calibration_calls WHERE session_id = ?').get(e.calibration_id) as { n: number }).n;
  const mine = (
    db
      .prepare("SELECT count(*) AS n FROM evaluations WHERE calibration_id = ? AND grader_id = ? AND status = 'submitted'")
      .get(e.calibration_id, actorId) as { n: number }
  ).n;
  if (mine < calls)
    throw new AppError('forbidden', 'Submit your own scores for every call first: calibration is blind until then.', undefined, {
      key: 'scorecards.calibrationBlind',
    });
}
