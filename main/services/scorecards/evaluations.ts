/**
 * Evaluations: a grader scores a call against a published template version.
 * Drafts autosave; submit validates (every criterion answered, evidence for a
 * failed critical/auto-fail item) and locks; later edits are logged with a diff.
 * The score is always computed by shared/domain/scoring.ts.
 */
import { AppError, type Page } from '../../../shared/api/contract';
import { invalidateCompetence } from '../training/competence';
import type { AnswerData, CoachingNote, EvaluationDetail, EvaluationRow, FeedbackItem, RepTrend } from '../../../shared/api/scorecards';
import { allCriteria, needsEvidence, scaleRange, scoreEvaluation, type Localized, type TemplateDef } from '../../../shared/domain/scoring';
import type { DB } from '../../db/open';
import { addScope, type Cond } from '../access/scope';
import { audit } from '../audit';
import * as tell from '../notifications/events';
import { cached, personRefs, refOf, type Stmt } from './common';
import { currentVersion, getVersion, versionLoader } from './templates';

const stmts = new WeakMap<DB, Map<string, Stmt>>();

interface EvalDbRow {
  id: number;
  call_id: number;
  call_at: string;
  customer: string;
  rep_id: number;
  grader_id: number;
  status: 'draft' | 'submitted';
  score: number | null;
  auto_failed: number;
  fail_reason: string;
  template_name: string;
  version: number;
  submitted_at: string | null;
  calibration_id: number | null;
  open_disputes: number;
}

const EVAL_SQL = `SELECT e.id, e.call_id, e.call_at, c.customer, e.rep_id, e.grader_id, e.status, e.score, e.auto_failed, e.fail_reason,
  t.name AS template_name, v.version, e.submitted_at, e.calibration_id,
  (SELECT count(*) FROM evaluation_feedback f WHERE f.evaluation_id = e.id AND f.status = 'open') AS open_disputes
  FROM evaluations e JOIN calls c ON c.id = e.call_id JOIN scorecard_versions v ON v.id = e.version_id JOIN scorecard_templates t ON t.id = v.template_id`;

function toRow(r: EvalDbRow, refs: ReturnType<typeof personRefs>): EvaluationRow {
  return {
    id: r.id,
    callId: r.call_id,
    callAt: r.call_at,
    customer: r.customer,
    rep: refOf(refs, r.rep_id)!,
    grader: refOf(refs, r.grader_id)!,
    status: r.status,
    score: r.score,
    autoFailed: r.auto_failed === 1,
    failReason: r.fail_reason,
    templateName: r.template_name,
    version: r.version,
    submittedAt: r.submitted_at,
    calibrationId: r.calibration_id,
    openDisputes: r.open_disputes,
  };
}

export function listEvaluations(
  db: DB,
  i: {
    repId?: number | null;
    graderId?: number | null;
    callId?: number | null;
    status?: 'draft' | 'submitted' | null;
    includeCalibration?: boolean;
    offset: number;
    limit: number;
  },
  scope?: Cond,
): Page<EvaluationRow> {
  const where: string[] = [];
  const p: unknown[] = [];
  if (scope) addScope(where, p, scope);
  if (i.repId) {
    where.push('e.rep_id = ?');
    p.push(i.repId);
  }
  if (i.graderId) {
    where.push('e.grader_id = ?');
    p.push(i.graderId);
  }
  if (i.callId) {
    where.push('e.call_id = ?');
    p.push(i.callId);
  }
  if (i.status) {
    where.push('e.status = ?');
    p.push(i.status);
  }
  if (!i.includeCalibration) where.push('e.calibration_id IS NULL');
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (cached(db, stmts, `SELECT count(*) AS n FROM evaluations e ${w}`).get(...p) as { n: number }).n;
  const rows = cached(db, stmts, `${EVAL_SQL} ${w} ORDER BY e.call_at DESC, e.id DESC LIMIT ? OFFSET ?`).all(
    ...p,
    i.limit,
    i.offset,
  ) as EvalDbRow[];
  const refs = personRefs(db);
  return { rows: rows.map((r) => toRow(r, refs)), total, offset: i.offset, limit: i.limit };
}

function evalRow(db: DB, id: number): EvaluationRow {
  const r = db.prepare(`${EVAL_SQL} WHERE e.id = ?`).get(id) as EvalDbRow | undefined;
  if (!r) throw new AppError('not_found', 'This evaluation does not exist.', undefined, { key: 'scorecards.evaluationNotFound' });
  return toRow(r, personRefs(db));
}

function loadAnswers(db: DB, id: number): Record<number, AnswerData> {
  const out: Record<number, AnswerData> = {};
  for (const a of db
    .prepare('SELECT criterion_id, value, na, comment, evidence_ms FROM evaluation_answers WHERE evaluation_id = ?')
    .all(id) as {
    criterion_id: number;
    value: number | null;
    na: number;
    comment: string;
    evidence_ms: number | null;
  }[])
    out[a.criterion_id] = { value: a.value, na: a.na === 1, comment: a.comment, evidenceMs: a.evidence_ms };
  return out;
}

export function criterionLabel(def: TemplateDef, criterionId: number): Localized {
  return allCriteria(def).find((c) => c.id === criterionId)?.prompt ?? { en: `#${criterionId}`, ru: '', zh: '' };
}

export function getEvaluation(db: DB, id: number): EvaluationDetail {
  const evaluation = evalRow(db, id);
  const { version_id: vid, summary } = db.prepare('SELECT version_id, summary FROM evaluations WHERE id = ?').get(id) as {
    version_id: number;
    summary: string;
  };
  const version = getVersion(db, vid);
  const answers = loadAnswers(db, id);
  const refs = personRefs(db);
  const log = (
    db.prepare('SELECT at, action, actor_id, detail FROM evaluation_log WHERE evaluation_id = ? ORDER BY id').all(id) as {
      at: string;
      action: string;
      actor_id: number | null;
      detail: string;
    }[]
  ).map((l) => ({ at: l.at, action: l.action, actor: refOf(refs, l.actor_id), detail: l.detail }));
  return {
    evaluation,
    summary,
    version,
    answers,
    result: scoreEvaluation(version.definition, answers),
    feedback: listFeedbackFor(db, [id], version.definition),
    log,
  };
}

/** Opens the current person's evaluation of a call (creating a draft on the published template). */
export function startEvaluation(
  db: DB,
  callId: number,
  graderId: number | null,
  calibrationId: number | null,
  versionId: number | null,
): EvaluationDetail {
  if (!graderId)
    throw new AppError('forbidden', 'Choose who you are in the header before scoring a call.', undefined, {
      key: 'scorecards.chooseGrader',
    });
  return db.transaction(() => {
    const existing = db
      .prepare('SELECT id FROM evaluations WHERE call_id = ? AND grader_id = ? AND IFNULL(calibration_id, 0) = ?')
      .get(callId, graderId, calibrationId ?? 0) as { id: number } | undefined;
    if (existing) return getEvaluation(db, existing.id);
    const call = db.prepare('SELECT rep_id, at FROM calls WHERE id = ?').get(callId) as { rep_id: number; at: string } | undefined;
    if (!call) throw new AppError('not_found', 'This call does not exist.', undefined, { key: 'scorecards.callNotFound' });
    let vid = versionId;
    if (calibrationId)
      vid =
        (db.prepare('SELECT version_id FROM calibration_sessions WHERE id = ?').get(calibrationId) as { version_id: number } | undefined)
          ?.version_id ?? null;
    if (!vid) vid = currentVersion(db, null)?.id ?? null;
    if (!vid)
      throw new AppError('conflict', 'Publish a scorecard first: there is no published scorecard to score with.', undefined, {
        key: 'scorecards.noPublishedScorecard',
      });
    const id = Number(
      db
        .prepare(
          "INSERT INTO evaluations(call_id, version_id, grader_id, rep_id, call_at, status, calibration_id) VALUES (?, ?, ?, ?, ?, 'draft', ?)",
        )
        .run(callId, vid, graderId, call.rep_id, call.at, calibrationId).lastInsertRowid,
    );
    return getEvaluation(db, id);
  })();
}

type AnswersIn = Record<string, { value: number | null; na: boolean; comment: string; evidenceMs: number | null }>;

function cleanAnswers(def: TemplateDef, input: AnswersIn): Record<number, AnswerData> {
  const out: Record<number, AnswerData> = {};
  for (const c of allCriteria(def)) {
    const a = input[String(c.id)];
    if (!a) continue;
    const { values } = scaleRange(c.scale);
    if (a.na && !c.naAllowed)
      throw new AppError('invalid_input', `"${c.prompt.en || c.prompt.ru || c.prompt.zh}" cannot be N/A.`, `answers.${c.id}.na`, {
        key: 'scorecards.cannotBeNa',
        params: { criterion: c.prompt.en || c.prompt.ru || c.prompt.zh },
      });
    if (!a.na && a.value !== null && !values.includes(a.value))
      throw new AppError('invalid_input', `${a.value} is not on this criterion's scale.`, `answers.${c.id}.value`, {
        key: 'scorecards.valueNotOnScale',
        params: { value: a.value },
      });
    out[c.id] = { value: a.na ? null : a.value, na: a.na, comment: a.comment, evidenceMs: a.evidenceMs };
  }
  return out;
}

function writeAnswers(db: DB, evaluationId: number, def: TemplateDef, answers: Record<number, AnswerData>) {
  db.prepare('DELETE FROM evaluation_answers WHERE evaluation_id = ?').run(evaluationId);
  const ins = db.prepare(
    'INSERT INTO evaluation_answers(evaluation_id, criterion_id, competency_id, value, na, scale_max, comment, evidence_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of allCriteria(def)) {
    const a = answers[c.id];
    if (!a) continue;
    ins.run(evaluationId, c.id, c.competencyId, a.value, a.na ? 1 : 0, scaleRange(c.scale).max, a.comment, a.evidenceMs);
  }
}

function failReason(result: ReturnType<typeof scoreEvaluation>) {
  return result.failedBy
    .map((f) => `${f.kind === 'auto_fail' ? 'Auto-fail' : 'Critical'}: ${f.prompt.en || f.prompt.ru || f.prompt.zh}`)
    .join('; ');
}

/** Recomputes the call's "latest submitted score" after any submit or change. */
export function refreshCallScore(db: DB, callId: number) {
  db.prepare(
    `UPDATE calls SET
       score = (SELECT score FROM evaluations WHERE call_id = @id AND status = 'submitted' AND calibration_id IS NULL ORDER BY submitted_at DESC, id DESC LIMIT 1),
       evaluations = (SELECT count(*) FROM evaluations WHERE call_id = @id AND status = 'submitted' AND calibration_id IS NULL)
     WHERE id = @id`,
  ).run({ id: callId });
  // The rep's competence score rests on call scores: drop just that rep's cached scores.
  const rep = db.prepare('SELECT rep_id FROM calls WHERE id = ?').get(callId) as { rep_id: number | null } | undefined;
  if (rep?.rep_id) invalidateCompetence(db, rep.rep_id);
}

function assertGrader(db: DB, id: number, actorId: number | null) {
  const e = db.prepare('SELECT grader_id, status, version_id, call_id FROM evaluations WHERE id = ?').get(id) as
    { grader_id: number; status: 'draft' | 'submitted'; version_id: number; call_id: number } | undefined;
  if (!e) throw new AppError('not_found', 'This evaluation does not exist.', undefined, { key: 'scorecards.evaluationNotFound' });
  if (actorId !== null && e.grader_id !== actorId)
    throw new AppError('forbidden', 'Only the grader who started this evaluation can change it.', undefined, {
      key: 'scorecards.graderOnly',
    });
  return e;
}

export function saveEvaluation(db: DB, id: number, input: AnswersIn, summary: string, actorId: number | null): EvaluationDetail {
  return db.transaction(() => {
    const e = assertGrader(db, id, actorId);
    const def = getVersion(db, e.version_id).definition;
    const answers = cleanAnswers(def, input);
    if (e.status === 'submitted') {
      // Submitted evaluations stay valid: a change is re-checked and logged with what changed.
      const before = loadAnswers(db, id);
      validateSubmit(def, answers);
      const changes = allCriteria(def)
        .filter((c) => JSON.stringify(before[c.id] ?? null) !== JSON.stringify(answers[c.id] ?? null))
        .map((c) => ({
          criterionId: c.id,
          from: before[c.id]?.na ? 'N/A' : (before[c.id]?.value ?? null),
          to: answers[c.id]?.na ? 'N/A' : (answers[c.id]?.value ?? null),
        }));
      if (
        !changes.length &&
        summary === (db.prepare('SELECT summary FROM evaluations WHERE id = ?').get(id) as { summary: string }).summary
      )
        return getEvaluation(db, id);
      writeAnswers(db, id, def, answers);
      const r = scoreEvaluation(def, answers);
      db.prepare(
        "UPDATE evaluations SET score = ?, auto_failed = ?, fail_reason = ?, summary = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      ).run(r.score, r.autoFailed ? 1 : 0, failReason(r), summary, id);
      db.prepare('INSERT INTO evaluation_log(evaluation_id, actor_id, action, detail) VALUES (?, ?, ?, ?)').run(
        id,
        actorId,
        'edited',
        JSON.stringify({ changes, score: r.score }),
      );
      refreshCallScore(db, e.call_id);
    } else {
      writeAnswers(db, id, def, answers);
      const r = scoreEvaluation(def, answers);
      db.prepare("UPDATE evaluations SET score = ?, summary = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(
        r.score,
        summary,
        id,
      );
    }
    return getEvaluation(db, id);
  })();
}

function validateSubmit(def: TemplateDef, answers: Record<number, AnswerData>) {
  const r = scoreEvaluation(def, answers);
  if (r.missing.length) {
    throw new AppError(
      'invalid_input',
      `Answer every criterion before submitting (${r.missing.length} left).`,
      `answers.${r.missing[0]}.value`,
      { key: 'scorecards.answerEvery', params: { count: r.missing.length } },
    );
  }
  const noEvidence = needsEvidence(def, answers);
  if (noEvidence.length) {
    const criterion = criterionLabel(def, noEvidence[0]).en;
    throw new AppError(
      'invalid_input',
      `A failed critical or auto-fail item needs an evidence timestamp: "${criterion}". Play to the moment and press "Mark evidence".`,
      `answers.${noEvidence[0]}.evidenceMs`,
      { key: 'scorecards.evidenceRequired', params: { criterion } },
    );
  }
  return r;
}

export function submitEvaluation(db: DB, id: number, input: AnswersIn, summary: string, actorId: number | null): EvaluationDetail {
  return db.transaction(() => {
    const e = assertGrader(db, id, actorId);
    if (e.status === 'submitted') return saveEvaluation(db, id, input, summary, actorId);
    const def = getVersion(db, e.version_id).definition;
    const answers = cleanAnswers(def, input);
    const r = validateSubmit(def, answers);
    writeAnswers(db, id, def, answers);
    db.prepare(
      "UPDATE evaluations SET status = 'submitted', score = ?, auto_failed = ?, fail_reason = ?, summary = ?, submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(r.score, r.autoFailed ? 1 : 0, failReason(r), summary, id);
    db.prepare('INSERT INTO evaluation_log(evaluation_id, actor_id, action, detail) VALUES (?, ?, ?, ?)').run(
      id,
      actorId,
      'submitted',
      JSON.stringify({ score: r.score }),
    );
    audit(db, actorId, 'evaluation', id, 'submit', { score: r.score });
    refreshCallScore(db, e.call_id);
    tell.evaluationSubmitted(db, id, actorId);
    return getEvaluation(db, id);
  })();
}

const monthsBack = (months: number, now = new Date()) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  return d.toISOString().slice(0, 10);
};

/** A rep's monthly averages (total and per criterion, 0..100) over the last N months, submitted and non-calibration only. */
export function repTrend(db: DB, repId: number, months: number, now = new Date()): RepTrend {
  const since = monthsBack(months, now);
  const monthsList: string[] = [];
  for (let i = months - 1; i >= 0; i--)
    monthsList.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  const totals = cached(
    db,
    stmts,
    `SELECT substr(call_at, 1, 7) AS month, avg(score) AS avg, count(*) AS n FROM evaluations
     WHERE rep_id = ? AND status = 'submitted' AND calibration_id IS NULL AND call_at >= ? GROUP BY month`,
  ).all(repId, since) as { month: string; avg: number; n: number }[];
  const crit = cached(
    db,
    stmts,
    `SELECT a.criterion_id AS cid, substr(e.call_at, 1, 7) AS month, avg(a.value * 100.0 / a.scale_max) AS avg, count(*) AS n
     FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id
     WHERE e.rep_id = ? AND e.status = 'submitted' AND e.calibration_id IS NULL AND e.call_at >= ? AND a.na = 0 AND a.value IS NOT NULL
     GROUP BY a.criterion_id, month`,
  ).all(repId, since) as { cid: number; month: string; avg: number; n: number }[];
  const labels = criterionLabels(db);
  const bonus = bonusCriteria(db);
  const byCrit = new Map<number, typeof crit>();
  for (const r of crit) byCrit.set(r.cid, [...(byCrit.get(r.cid) ?? []), r]);
  const fill = (rows: { month: string; avg: number; n: number }[]) =>
    monthsList.map((m) => rows.find((r) => r.month === m) ?? { month: m, avg: null, n: 0 });
  return {
    totals: fill(totals),
    criteria: [...byCrit.entries()].map(([cid, rows]) => {
      const n = rows.reduce((s, r) => s + r.n, 0);
      return {
        criterionId: cid,
        label: labels.get(cid) ?? { en: `#${cid}`, ru: '', zh: '' },
        bonus: bonus.has(cid),
        points: fill(rows),
        avg: n ? rows.reduce((s, r) => s + r.avg * r.n, 0) / n : null,
        n,
      };
    }),
  };
}

/** Criteria that sit in a bonus section (in their latest version). */
export function bonusCriteria(db: DB): Set<number> {
  const out = new Map<number, boolean>();
  for (const v of db.prepare('SELECT definition FROM scorecard_versions ORDER BY version').all() as { definition: string }[]) {
    for (const c of allCriteria(JSON.parse(v.definition) as TemplateDef)) out.set(c.id, c.sectionKind === 'bonus');
  }
  return new Set([...out].filter(([, b]) => b).map(([id]) => id));
}

/** Latest label of every criterion id (a criterion keeps its id through versions). */
export function criterionLabels(db: DB): Map<number, Localized> {
  const out = new Map<number, Localized>();
  for (const v of db.prepare('SELECT definition FROM scorecard_versions ORDER BY version').all() as { definition: string }[]) {
    for (const c of allCriteria(JSON.parse(v.definition) as TemplateDef)) out.set(c.id, c.prompt);
  }
  return out;
}

// ---- acknowledge / dispute -------------------------------------------------

interface FeedbackDbRow {
  id: number;
  evaluation_id: number;
  criterion_id: number;
  rep_id: number;
  kind: 'acknowledge' | 'dispute';
  reason: string;
  status: FeedbackItem['status'];
  resolution: string;
  old_value: number | null;
  new_value: number | null;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: string;
  call_id: number;
  grader_id: number | null;
  customer: string;
  definition: string;
}
const FEEDBACK_SQL = `SELECT f.*, e.call_id, e.grader_id, c.customer, v.definition FROM evaluation_feedback f JOIN evaluations e ON e.id = f.evaluation_id
  JOIN calls c ON c.id = e.call_id JOIN scorecard_versions v ON v.id = e.version_id`;

function toFeedback(r: FeedbackDbRow, refs: ReturnType<typeof personRefs>): FeedbackItem {
  const def = JSON.parse(r.definition) as TemplateDef;
  const l = criterionLabel(def, r.criterion_id);
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    criterionId: r.criterion_id,
    criterionLabel: JSON.stringify(l),
    kind: r.kind,
    reason: r.reason,
    status: r.status,
    resolution: r.resolution,
    oldValue: r.old_value,
    newValue: r.new_value,
    rep: refOf(refs, r.rep_id)!,
    grader: refOf(refs, r.grader_id),
    resolvedBy: refOf(refs, r.resolved_by),
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
    callId: r.call_id,
    customer: r.customer,
  };
}

function listFeedbackFor(db: DB, evaluationIds: number[], _def: TemplateDef): FeedbackItem[] {
  if (!evaluationIds.length) return [];
  const refs = personRefs(db);
  return (
    db
      .prepare(`${FEEDBACK_SQL} WHERE f.evaluation_id IN (${evaluationIds.map(() => '?').join(',')}) ORDER BY f.id`)
      .all(...evaluationIds) as FeedbackDbRow[]
  ).map((r) => toFeedback(r, refs));
}

export function listFeedback(
  db: DB,
  i: { status: 'open' | 'all'; repId: number | null; offset: number; limit: number },
  scope?: Cond,
): Page<FeedbackItem> {
  const where: string[] = ["f.kind = 'dispute'"];
  const p: unknown[] = [];
  if (scope) addScope(where, p, scope);
  if (i.status === 'open') where.push("f.status = 'open'");
  if (i.repId) {
    where.push('f.rep_id = ?');
    p.push(i.repId);
  }
  const w = `WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM evaluation_feedback f ${w}`).get(...p) as { n: number }).n;
  const refs = personRefs(db);
  const rows = (
    db
      .prepare(`${FEEDBACK_SQL} ${w} ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?`)
      .all(...p, i.limit, i.offset) as FeedbackDbRow[]
  ).map((r) => toFeedback(r, refs));
  return { rows, total, offset: i.offset, limit: i.limit };
}

export function addFeedback(
  db: DB,
  evaluationId: number,
  criterionId: number,
  kind: 'acknowledge' | 'dispute',
  reason: string,
  actorId: number | null,
): FeedbackItem {
  return db.transaction(() => {
    const e = db.prepare('SELECT rep_id, status, calibration_id FROM evaluations WHERE id = ?').get(evaluationId) as
      { rep_id: number; status: string; calibration_id: number | null } | undefined;
    if (!e || e.status !== 'submitted' || e.calibration_id)
      throw new AppError('not_found', 'Only a submitted evaluation can be acknowledged or disputed.', undefined, {
        key: 'scorecards.notSubmitted',
      });
    if (actorId !== null && actorId !== e.rep_id)
      throw new AppError('forbidden', 'Only the rep whose call was scored can acknowledge or dispute it.', undefined, {
        key: 'scorecards.repOnly',
      });
    if (kind === 'dispute' && !reason.trim())
      throw new AppError('invalid_input', 'Say why you disagree, so your manager can review it.', 'reason', {
        key: 'scorecards.disputeReason',
      });
    const a = db
      .prepare('SELECT value FROM evaluation_answers WHERE evaluation_id = ? AND criterion_id = ?')
      .get(evaluationId, criterionId) as { value: number | null } | undefined;
    if (!a)
      throw new AppError('not_found', 'This criterion is not part of the evaluation.', undefined, {
        key: 'scorecards.criterionNotInEvaluation',
      });
    if (
      db
        .prepare("SELECT 1 FROM evaluation_feedback WHERE evaluation_id = ? AND criterion_id = ? AND status = 'open'")
        .get(evaluationId, criterionId)
    ) {
      throw new AppError('conflict', 'This criterion already has an open dispute.', undefined, { key: 'scorecards.disputeOpen' });
    }
    const id = Number(
      db
        .prepare(
          'INSERT INTO evaluation_feedback(evaluation_id, criterion_id, rep_id, kind, reason, status, old_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(evaluationId, criterionId, e.rep_id, kind, reason, kind === 'dispute' ? 'open' : 'acknowledged', a.value).lastInsertRowid,
    );
    db.prepare('INSERT INTO evaluation_log(evaluation_id, actor_id, action, detail) VALUES (?, ?, ?, ?)').run(
      evaluationId,
      actorId,
      kind,
      JSON.stringify({ criterionId, reason }),
    );
    if (kind === 'dispute') tell.disputeRaised(db, id, actorId);
    return toFeedback(db.prepare(`${FEEDBACK_SQL} WHERE f.id = ?`).get(id) as FeedbackDbRow, personRefs(db));
  })();
}

/** The manager's decision; accepting (fully or partly) changes the answer, re-scores and logs it. */
export function resolveFeedback(
  db: DB,
  id: number,
  decision: 'accepted' | 'partly' | 'rejected',
  note: string,
  newValue: number | null,
  actorId: number | null,
): FeedbackItem {
  return db.transaction(() => {
    const f = db.prepare('SELECT * FROM evaluation_feedback WHERE id = ?').get(id) as
      { evaluation_id: number; criterion_id: number; status: string; rep_id: number } | undefined;
    if (!f) throw new AppError('not_found', 'This dispute does not exist.', undefined, { key: 'scorecards.disputeNotFound' });
    if (f.status !== 'open')
      throw new AppError('conflict', 'This dispute is already resolved.', undefined, { key: 'scorecards.disputeResolved' });
    if (actorId !== null && actorId === f.rep_id)
      throw new AppError('forbidden', 'A rep cannot resolve their own dispute.', undefined, { key: 'scorecards.ownDispute' });
    if (decision !== 'rejected' && newValue === null)
      throw new AppError('invalid_input', 'Choose the corrected score.', 'newValue', { key: 'scorecards.correctedScore' });
    const e = db.prepare('SELECT version_id, call_id FROM evaluations WHERE id = ?').get(f.evaluation_id) as {
      version_id: number;
      call_id: number;
    };
    const def = getVersion(db, e.version_id).definition;
    if (decision !== 'rejected') {
      const c = allCriteria(def).find((x) => x.id === f.criterion_id)!;
      if (!scaleRange(c.scale).values.includes(newValue!))
        throw new AppError('invalid_input', `${newValue} is not on this criterion's scale.`, 'newValue', {
          key: 'scorecards.valueNotOnScale',
          params: { value: newValue! },
        });
      db.prepare('UPDATE evaluation_answers SET value = ?, na = 0 WHERE evaluation_id = ? AND criterion_id = ?').run(
        newValue,
        f.evaluation_id,
        f.criterion_id,
      );
      const answers = loadAnswers(db, f.evaluation_id);
      const r = scoreEvaluation(def, answers);
      db.prepare(
        "UPDATE evaluations SET score = ?, auto_failed = ?, fail_reason = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      ).run(r.score, r.autoFailed ? 1 : 0, failReason(r), f.evaluation_id);
      refreshCallScore(db, e.call_id);
    }
    db.prepare(
      "UPDATE evaluation_feedback SET status = ?, resolution = ?, new_value = ?, resolved_by = ?, resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(decision, note, decision === 'rejected' ? null : newValue, actorId, id);
    db.prepare('INSERT INTO evaluation_log(evaluation_id, actor_id, action, detail) VALUES (?, ?, ?, ?)').run(
      f.evaluation_id,
      actorId,
      `dispute_${decision}`,
      JSON.stringify({ criterionId: f.criterion_id, newValue, note }),
    );
    tell.disputeResolved(db, id, actorId);
    return toFeedback(db.prepare(`${FEEDBACK_SQL} WHERE f.id = ?`).get(id) as FeedbackDbRow, personRefs(db));
  })();
}

// ---- coaching -----------------------------------------------------------------

export function listCoaching(db: DB, repId: number, includeDone: boolean): CoachingNote[] {
  const rows = db
    .prepare(
      `SELECT n.*, COALESCE(n.call_id, e.call_id) AS call_id FROM coaching_notes n LEFT JOIN evaluations e ON e.id = n.evaluation_id WHERE n.rep_id = ? ${includeDone ? '' : 'AND n.done = 0'} ORDER BY n.done, n.created_at DESC LIMIT 100`,
    )
    .all(repId) as {
    id: number;
    rep_id: number;
    author_id: number | null;
    evaluation_id: number | null;
    call_id: number | null;
    at_ms: number | null;
    criterion_ids: string;
    body: string;
    action: string;
    due: string | null;
    done: number;
    created_at: string;
  }[];
  const refs = personRefs(db);
  const labels = rows.length ? criterionLabels(db) : new Map<number, Localized>();
  return rows.map((r) => ({
    id: r.id,
    rep: refOf(refs, r.rep_id)!,
    author: refOf(refs, r.author_id),
    evaluationId: r.evaluation_id,
    callId: r.call_id,
    atMs: r.at_ms,
    criteria: (JSON.parse(r.criterion_ids) as number[]).map((id) => ({ id, label: labels.get(id) ?? { en: `#${id}`, ru: '', zh: '' } })),
    body: r.body,
    action: r.action,
    due: r.due,
    done: r.done === 1,
    createdAt: r.created_at,
  }));
}

export function addCoaching(
  db: DB,
  i: {
    repId: number;
    evaluationId: number | null;
    criterionIds: number[];
    body: string;
    action: string;
    due: string | null;
    callId?: number | null;
    atMs?: number | null;
  },
  actorId: number | null,
): CoachingNote {
  return db.transaction(() => {
    if (!db.prepare("SELECT 1 FROM person_roles WHERE person_id = ? AND role = 'rep'").get(i.repId))
      throw new AppError('invalid_input', 'Choose a sales rep.', 'repId', { key: 'scorecards.repRequired' });
    const callId = i.callId ?? null;
    // A note about a call is about that call's rep: a mismatched pair is refused rather than misfiled.
    if (callId !== null) {
      const call = db.prepare('SELECT rep_id FROM calls WHERE id = ?').get(callId) as { rep_id: number } | undefined;
      if (!call) throw new AppError('not_found', 'This call does not exist.', 'callId', { key: 'scorecards.callNotFound' });
      if (call.rep_id !== i.repId)
        throw new AppError('invalid_input', 'This call belongs to another rep.', 'callId', { key: 'scorecards.coachingWrongRep' });
    }
    const id = Number(
      db
        .prepare(
          'INSERT INTO coaching_notes(rep_id, author_id, evaluation_id, criterion_ids, body, action, due, call_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          i.repId,
          actorId,
          i.evaluationId,
          JSON.stringify(i.criterionIds),
          i.body,
          i.action,
          i.due,
          callId,
          callId !== null ? (i.atMs ?? null) : null,
        ).lastInsertRowid,
    );
    audit(db, actorId, 'coaching_note', id, 'create', {});
    tell.coachingWritten(db, id, actorId);
    return listCoaching(db, i.repId, true).find((n) => n.id === id)!;
  })();
}

export function setCoachingDone(db: DB, id: number, done: boolean): CoachingNote {
  const r = db.prepare('SELECT rep_id FROM coaching_notes WHERE id = ?').get(id) as { rep_id: number } | undefined;
  if (!r) throw new AppError('not_found', 'This coaching note does not exist.', undefined, { key: 'scorecards.coachingNotFound' });
  db.prepare('UPDATE coaching_notes SET done = ? WHERE id = ?').run(done ? 1 : 0, id);
  return listCoaching(db, r.rep_id, true).find((n) => n.id === id)!;
}

export { versionLoader };
