/**
 * Who hears about what. Each function is called by the service that makes the
 * event, inside its transaction, and reads what the message needs (names,
 * titles, the call) so the callers only say which record changed.
 */
import type { DB } from '../../db/open';
import { notify, notifyEach } from './inbox';
import { namesColumn, parseNames } from '../personNames';

/**
 * Who did it, in every spelling the roster has (`who`, and `who_<locale>` per localized name: `who_ru`, `who_zh`, …),
 * so the message names them in the UI language. Rows written before migration 014 carry `whoRu`/`whoZh`.
 */
function nameOf(db: DB, personId: number | null): Record<string, string> {
  const p =
    personId === null
      ? undefined
      : (db.prepare(`SELECT p.name, ${namesColumn('p')} AS names FROM people p WHERE p.id = ?`).get(personId) as
          { name: string; names: string } | undefined);
  return p ? { who: p.name, ...Object.fromEntries(Object.entries(parseNames(p.names)).map(([l, n]) => [`who_${l}`, n])) } : {};
}

/** The manager of the person's team, if any. */
const managerOf = (db: DB, personId: number) =>
  (db.prepare('SELECT t.manager_id FROM people p JOIN teams t ON t.id = p.team_id WHERE p.id = ?').pluck().get(personId) as
    number | null | undefined) ?? null;

/** A first submission of an evaluation (not a calibration's): the rep whose call it is. */
export function evaluationSubmitted(db: DB, evaluationId: number, actorId: number | null) {
  const e = db.prepare('SELECT rep_id, grader_id, call_id, score, calibration_id FROM evaluations WHERE id = ?').get(evaluationId) as
    { rep_id: number; grader_id: number | null; call_id: number; score: number | null; calibration_id: number | null } | undefined;
  if (!e || e.calibration_id !== null) return;
  notifyEach(
    db,
    [e.rep_id],
    actorId,
    'evaluation_submitted',
    { entity: 'call', id: e.call_id },
    {
      callId: e.call_id,
      evaluationId,
      score: e.score === null ? undefined : Math.round(e.score),
      ...nameOf(db, e.grader_id ?? actorId),
    },
  );
}

/** A coaching note for a rep (about a call or an evaluation, or general). */
export function coachingWritten(db: DB, noteId: number, actorId: number | null) {
  const n = db
    .prepare(
      'SELECT n.rep_id, n.author_id, COALESCE(n.call_id, e.call_id) AS call_id FROM coaching_notes n LEFT JOIN evaluations e ON e.id = n.evaluation_id WHERE n.id = ?',
    )
    .get(noteId) as { rep_id: number; author_id: number | null; call_id: number | null } | undefined;
  if (!n) return;
  notifyEach(
    db,
    [n.rep_id],
    actorId,
    'coaching_note',
    { entity: 'call', id: n.call_id },
    { callId: n.call_id, noteId, ...nameOf(db, n.author_id) },
  );
}

interface Dispute {
  rep_id: number;
  evaluation_id: number;
  grader_id: number | null;
  call_id: number;
  status: string;
}
const disputeOf = (db: DB, feedbackId: number) =>
  db
    .prepare(
      'SELECT f.rep_id, f.evaluation_id, f.status, e.grader_id, e.call_id FROM evaluation_feedback f JOIN evaluations e ON e.id = f.evaluation_id WHERE f.id = ?',
    )
    .get(feedbackId) as Dispute | undefined;

/** A rep disputes a score: the call's grader and the rep's manager. */
export function disputeRaised(db: DB, feedbackId: number, actorId: number | null) {
  const d = disputeOf(db, feedbackId);
  if (!d) return;
  notifyEach(
    db,
    [d.grader_id, managerOf(db, d.rep_id)],
    actorId,
    'dispute_raised',
    { entity: 'dispute', id: feedbackId },
    {
      callId: d.call_id,
      evaluationId: d.evaluation_id,
      ...nameOf(db, d.rep_id),
    },
  );
}

/** A dispute is decided: the rep who raised it. */
export function disputeResolved(db: DB, feedbackId: number, actorId: number | null) {
  const d = disputeOf(db, feedbackId);
  if (!d) return;
  notifyEach(
    db,
    [d.rep_id],
    actorId,
    'dispute_resolved',
    { entity: 'dispute', id: feedbackId },
    {
      callId: d.call_id,
      evaluationId: d.evaluation_id,
      decision: d.status,
      ...nameOf(db, actorId),
    },
  );
}

/** New assignments: each person once per course. */
export function assignmentsGiven(db: DB, assignmentIds: number[], actorId: number | null) {
  const q = db.prepare(
    'SELECT a.person_id, a.course_id, a.due_date, c.title FROM assignments a JOIN courses c ON c.id = a.course_id WHERE a.id = ?',
  );
  for (const id of assignmentIds) {
    const a = q.get(id) as { person_id: number; course_id: number; due_date: string | null; title: string } | undefined;
    if (!a || a.person_id === actorId) continue;
    notify(
      db,
      a.person_id,
      'assignment_given',
      { entity: 'assignment', id },
      { courseId: a.course_id, course: a.title, due: a.due_date ?? undefined },
    );
  }
}
