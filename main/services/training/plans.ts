/** Training plans (versioned), assignments with computed status, the trainer dashboard, item analysis, certificates. */
import { z } from 'zod';
import { AppError, type Page } from '../../../shared/api/contract';
import type {
  AssignmentRow,
  Certificate,
  Dashboard,
  ItemAnalysis,
  MyTrainingItem,
  Plan,
  PlanSaveResult,
  planInput,
} from '../../../shared/api/training';
import { assignmentStatus, isPastDue, type AssignmentStatus } from '../../../shared/domain/assignment';
import type { DB } from '../../db/open';
import { addScope, type Cond } from '../access/scope';
import { audit } from '../audit';
import * as tell from '../notifications/events';
import { nowIso, todayIso } from './clock';
import { namesColumn, parseNames } from '../personNames';

type PlanData = z.output<typeof planInput>;

interface PlanRow {
  id: number;
  current_version: number;
  updated_at: string;
  name: string;
  course_ids: string;
  target_json: string;
  due_date: string | null;
  recurrence_months: number | null;
  n: number;
}

const PLAN_SELECT = `SELECT p.id, p.current_version, p.updated_at, v.name, v.course_ids, v.target_json, v.due_date, v.recurrence_months,
  (SELECT count(*) FROM assignments a WHERE a.plan_id = p.id AND a.retired_at IS NULL) AS n
  FROM training_plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version`;

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  name: r.name,
  version: r.current_version,
  courseIds: JSON.parse(r.course_ids) as number[],
  target: JSON.parse(r.target_json) as Plan['target'],
  dueDate: r.due_date,
  recurrenceMonths: r.recurrence_months,
  assignedCount: r.n,
  updatedAt: r.updated_at,
});

export function listPlans(db: DB): Plan[] {
  return (db.prepare(`${PLAN_SELECT} ORDER BY p.updated_at DESC`).all() as PlanRow[]).map(toPlan);
}

function resolveTarget(db: DB, t: PlanData['target']) {
  let rows: { id: number; name: string; active: number }[] = [];
  const q = (sql: string, ids: unknown[]) =>
    ids.length ? (db.prepare(sql.replace('?*', ids.map(() => '?').join(','))).all(...ids) as typeof rows) : [];
  if (t.kind === 'people') {
    rows = q('SELECT id, name, active FROM people WHERE id IN (?*)', t.personIds);
    const found = new Set(rows.map((r) => r.id));
    const missing = t.personIds.find((id) => !found.has(id));
    if (missing)
      throw new AppError('invalid_input', `Person #${missing} does not exist.`, 'target.personIds', {
        key: 'training.personNotFound',
        params: { id: missing },
      });
  } else if (t.kind === 'team') {
    for (const tid of t.teamIds)
      if (!db.prepare('SELECT 1 FROM teams WHERE id = ?').get(tid))
        throw new AppError('invalid_input', `Team #${tid} does not exist.`, 'target.teamIds', {
          key: 'training.teamNotFound',
          params: { id: tid },
        });
    rows = q('SELECT id, name, active FROM people WHERE team_id IN (?*) AND active = 1', t.teamIds);
  } else {
    rows = q(
      'SELECT DISTINCT p.id, p.name, p.active FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role IN (?*) AND p.active = 1',
      t.roles,
    );
  }
  return {
    active: rows.filter((r) => r.active === 1).map((r) => r.id),
    inactive: rows.filter((r) => r.active !== 1).map((r) => ({ id: r.id, name: r.name })),
  };
}

/**
 * Creates or changes a plan. Each save is a new version; assignments of people
 * or courses no longer in the plan are retired (kept, with their progress),
 * and progress lives per person × course, so a change never erases it.
 */
export function savePlan(db: DB, planId: number | undefined, data: PlanData, actorId: number | null): PlanSaveResult {
  return db.transaction(() => {
    const warnings: string[] = [];
    for (const cid of data.courseIds) {
      const c = db.prepare('SELECT title, status FROM courses WHERE id = ?').get(cid) as { title: string; status: string } | undefined;
      if (!c)
        throw new AppError('invalid_input', `Course #${cid} does not exist.`, 'courseIds', {
          key: 'training.courseNotFound',
          params: { id: cid },
        });
      if (c.status === 'archived')
        throw new AppError('invalid_input', `"${c.title}" is archived and cannot be assigned.`, 'courseIds', {
          key: 'training.courseArchivedCannotAssign',
          params: { title: c.title },
        });
      if (c.status === 'draft')
        throw new AppError('invalid_input', `"${c.title}" is a draft. Publish it before assigning it.`, 'courseIds', {
          key: 'training.courseDraftCannotAssign',
          params: { title: c.title },
        });
    }
    const today = todayIso();
    if (isPastDue(data.dueDate, today))
      warnings.push(`The due date ${data.dueDate} is in the past: these assignments are overdue at once.`);
    const { active, inactive } = resolveTarget(db, data.target);
    if (inactive.length)
      warnings.push(
        `Not assigned to inactive people: ${inactive.map((p) => p.name).join(', ')}. Reactivate them first to assign training.`,
      );
    if (!active.length) {
      if (!inactive.length)
        throw new AppError('invalid_input', 'Nobody matches this target: choose people, a team or a role with active members.', 'target', {
          key: 'training.targetNobody',
        });
      const names = inactive.map((p) => p.name).join(', ');
      if (inactive.length > 1)
        throw new AppError('invalid_input', `${names} are inactive; nobody active to assign to.`, 'target', {
          key: 'training.targetInactiveMany',
          params: { names },
        });
      throw new AppError('invalid_input', `${names} is inactive; nobody active to assign to.`, 'target', {
        key: 'training.targetInactiveOne',
        params: { names },
      });
    }
    let id = planId;
    let version = 1;
    if (id) {
      const p = db.prepare('SELECT current_version FROM training_plans WHERE id = ?').get(id) as { current_version: number } | undefined;
      if (!p) throw new AppError('not_found', `Plan #${id} does not exist.`, undefined, { key: 'training.planNotFound', params: { id } });
      version = p.current_version + 1;
      db.prepare(
        "UPDATE training_plans SET name = ?, current_version = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      ).run(data.name, version, id);
    } else {
      id = Number(db.prepare('INSERT INTO training_plans(name, created_by) VALUES (?, ?)').run(data.name, actorId).lastInsertRowid);
    }
    db.prepare(
      'INSERT INTO plan_versions(plan_id, version, name, course_ids, target_json, due_date, recurrence_months, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      version,
      data.name,
      JSON.stringify(data.courseIds),
      JSON.stringify(data.target),
      data.dueDate,
      data.recurrenceMonths,
      actorId,
    );
    const existing = db.prepare('SELECT id, person_id, course_id, retired_at FROM assignments WHERE plan_id = ?').all(id) as {
      id: number;
      person_id: number;
      course_id: number;
      retired_at: string | null;
    }[];
    const byKey = new Map(existing.map((e) => [`${e.person_id}:${e.course_id}`, e]));
    const want = new Set<string>();
    const now = nowIso();
    const ins = db.prepare(
      'INSERT INTO assignments(plan_id, plan_version, person_id, course_id, due_date, recurrence_months, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const upd = db.prepare('UPDATE assignments SET plan_version = ?, due_date = ?, recurrence_months = ?, retired_at = NULL WHERE id = ?');
    let assigned = 0;
    let kept = 0;
    const given: number[] = [];
    for (const personId of active)
      for (const courseId of data.courseIds) {
        const key = `${personId}:${courseId}`;
        want.add(key);
        const e = byKey.get(key);
        if (e) {
          upd.run(version, data.dueDate, data.recurrenceMonths, e.id);
          kept++;
        } else {
          given.push(Number(ins.run(id, version, personId, courseId, data.dueDate, data.recurrenceMonths, now).lastInsertRowid));
          assigned++;
        }
      }
    let retired = 0;
    const ret = db.prepare('UPDATE assignments SET retired_at = ? WHERE id = ?');
    for (const e of existing)
      if (!want.has(`${e.person_id}:${e.course_id}`) && !e.retired_at) {
        ret.run(now, e.id);
        retired++;
      }
    audit(db, actorId, 'plan', id, planId ? 'update' : 'create', { version, assigned, kept, retired });
    tell.assignmentsGiven(db, given, actorId);
    const plan = toPlan(db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanRow);
    return { plan, assigned, kept, retired, skippedInactive: inactive, warnings };
  })();
}

/* ---------- assignment states ---------- */

/** One assignment row as read (raw tuple: cheaper than objects for thousands of rows). */
type ARow = [
  id: number,
  personId: number,
  name: string,
  names: string,
  teamId: number | null,
  teamName: string | null,
  courseId: number,
  title: string,
  planName: string,
  dueDate: string | null,
  recurrence: number | null,
  assignedAt: string,
  doneItems: number | null,
  lastActivity: string | null,
  completedAt: string | null,
];

export interface AssignmentState extends AssignmentRow {
  teamId: number | null;
}

const DAY = 86_400_000;

/**
 * Every live assignment matching the filter with its computed status and progress,
 * in one join with the per person × course summary (course_progress).
 */
export function assignmentStates(
  db: DB,
  f: { personId?: number; teamId?: number | null; courseId?: number | null; scope?: Cond } = {},
  today = todayIso(),
): AssignmentState[] {
  const where = ['a.retired_at IS NULL', 'p.active = 1', "c.status <> 'archived'"];
  const params: unknown[] = [];
  if (f.scope) addScope(where, params, f.scope);
  if (f.personId != null) {
    where.push('a.person_id = ?');
    params.push(f.personId);
  }
  if (f.teamId != null) {
    where.push('p.team_id = ?');
    params.push(f.teamId);
  }
  if (f.courseId != null) {
    where.push('a.course_id = ?');
    params.push(f.courseId);
  }
  const rows = db
    .prepare(
      `SELECT a.id, a.person_id, p.name, ${namesColumn('p')}, p.team_id, t.name, a.course_id, c.title, pl.name,
              a.due_date, a.recurrence_months, a.assigned_at, cp.done_items, cp.last_activity, cp.completed_at
       FROM assignments a JOIN people p ON p.id = a.person_id JOIN courses c ON c.id = a.course_id
       JOIN training_plans pl ON pl.id = a.plan_id LEFT JOIN teams t ON t.id = p.team_id
       LEFT JOIN course_progress cp ON cp.person_id = a.person_id AND cp.course_id = a.course_id
       WHERE ${where.join(' AND ')}`,
    )
    .raw()
    .all(...params) as ARow[];
  if (!rows.length) return [];
  const totals = new Map(
    (db.prepare('SELECT course_id, count(*) FROM course_items WHERE removed = 0 GROUP BY course_id').raw().all() as [number, number][]).map(
      ([c, n]) => [c, n],
    ),
  );
  const todayMs = Date.parse(today + 'T00:00:00Z');
  const out: AssignmentState[] = new Array<AssignmentState>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [
      id,
      personId,
      name,
      names,
      teamId,
      teamName,
      courseId,
      title,
      planName,
      dueDate,
      recurrence,
      assignedAt,
      doneItems,
      lastActivity,
      completedAt,
    ] = rows[i];
    const s = assignmentStatus({ dueDate, assignedAt, recurrenceMonths: recurrence, completedAt, lastActivityAt: lastActivity, today });
    const total = totals.get(courseId) ?? 0;
    out[i] = {
      id,
      personId,
      personName: name,
      personNames: parseNames(names),
      teamId,
      teamName,
      courseId,
      courseTitle: title,
      planName,
      dueDate: s.dueDate,
      status: s.status,
      progress: s.status === 'completed' ? 1 : total ? Math.min(1, (doneItems ?? 0) / total) : 0,
      completedAt: s.status === 'completed' ? completedAt : null,
      daysOverdue: s.status === 'overdue' && s.dueDate ? Math.round((todayMs - Date.parse(s.dueDate + 'T00:00:00Z')) / DAY) : 0,
    };
  }
  return out;
}

const strip = ({ teamId: _t, ...r }: AssignmentState): AssignmentRow => r;

/**
 * THE definition of "assigned" and "completed", used by the Courses list, the
 * course page, the dashboard and "My training": one live assignment per person
 * and course (two plans giving the same course count once: the one due first),
 * for active people and courses that are not archived; completed = that
 * assignment's current status is completed (a recurring course reopens).
 */
export function onePerPersonCourse<T extends AssignmentState>(rows: T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.personId}:${r.courseId}`;
    const prev = best.get(k);
    if (!prev || (r.dueDate ?? '9999') < (prev.dueDate ?? '9999')) best.set(k, r);
  }
  return [...best.values()];
}

export interface Tally {
  total: number;
  completed: number;
  overdue: number;
}

export function tallyBy<K>(rows: AssignmentState[], key: (r: AssignmentState) => K): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const r of onePerPersonCourse(rows)) {
    const k = key(r);
    let t = out.get(k);
    if (!t) out.set(k, (t = { total: 0, completed: 0, overdue: 0 }));
    t.total++;
    if (r.status === 'completed') t.completed++;
    if (r.status === 'overdue') t.overdue++;
  }
  return out;
}

/** Assigned/completed per course, by the one definition above (all teams). */
export function courseCounts(db: DB, courseId?: number, today = todayIso()): Map<number, Tally> {
  return tallyBy(assignmentStates(db, courseId === undefined ? {} : { courseId }, today), (r) => r.courseId);
}

export function listAssignments(
  db: DB,
  i: { status: AssignmentStatus | null; teamId: number | null; courseId: number | null; offset: number; limit: number },
  scope?: Cond,
): Page<AssignmentRow> {
  let rows = assignmentStates(db, { teamId: i.teamId, courseId: i.courseId, scope });
  if (i.status) rows = rows.filter((r) => r.status === i.status);
  rows.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.personName.localeCompare(b.personName),
  );
  return { rows: rows.slice(i.offset, i.offset + i.limit).map(strip), total: rows.length, offset: i.offset, limit: i.limit };
}

export function myTraining(db: DB, personId: number): MyTrainingItem[] {
  const order: Record<AssignmentStatus, number> = { overdue: 0, in_progress: 1, not_started: 2, completed: 3 };
  const rows = onePerPersonCourse(assignmentStates(db, { personId }));
  const next = db.prepare(
    `SELECT i.title FROM course_items i WHERE i.course_id = ? AND i.removed = 0
       AND NOT EXISTS (SELECT 1 FROM lesson_progress l WHERE l.person_id = ? AND l.item_id = i.id)
       AND NOT EXISTS (SELECT 1 FROM quiz_person q WHERE q.person_id = ? AND q.item_id = i.id AND q.passed = 1)
     ORDER BY (SELECT position FROM course_modules m WHERE m.id = i.module_id), i.position, i.id LIMIT 1`,
  );
  const cert = db.prepare('SELECT id FROM course_completions WHERE person_id = ? AND course_id = ? ORDER BY completed_at DESC LIMIT 1');
  return rows
    .sort((a, b) => order[a.status] - order[b.status] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))
    .map((r) => ({
      ...strip(r),
      nextItemTitle:
        r.status === 'completed' ? null : ((next.get(r.courseId, personId, personId) as { title: string } | undefined)?.title ?? null),
      certificateId: (cert.get(personId, r.courseId) as { id: number } | undefined)?.id ?? null,
    }));
}

export function dashboard(db: DB, teamId: number | null, today = todayIso(), scope?: Cond): Dashboard {
  const rows = onePerPersonCourse(assignmentStates(db, { teamId, scope }, today));
  const counts: Record<AssignmentStatus, number> = { not_started: 0, in_progress: 0, completed: 0, overdue: 0 };
  const byTeam = new Map<number | null, Dashboard['byTeam'][number]>();
  const byCourse = new Map<number, Dashboard['byCourse'][number]>();
  for (const r of rows) {
    counts[r.status]++;
    let t = byTeam.get(r.teamId);
    if (!t) byTeam.set(r.teamId, (t = { teamId: r.teamId, teamName: r.teamName, total: 0, completed: 0, overdue: 0 }));
    let c = byCourse.get(r.courseId);
    if (!c)
      byCourse.set(r.courseId, (c = { courseId: r.courseId, title: r.courseTitle, total: 0, completed: 0, overdue: 0, avgScore: null }));
    for (const x of [t, c]) {
      x.total++;
      if (r.status === 'completed') x.completed++;
      if (r.status === 'overdue') x.overdue++;
    }
  }
  const scores = new Map(
    (db.prepare('SELECT course_id, avg(best_score) FROM quiz_person GROUP BY course_id').raw().all() as [number, number][]).map(
      ([c, s]) => [c, Math.round(s * 10) / 10],
    ),
  );
  for (const c of byCourse.values()) c.avgScore = scores.get(c.courseId) ?? null;
  const overdueRows = rows.filter((r) => r.status === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue);
  // Stuck: quizzes with the most people who tried and have not passed, with each quiz's hardest question.
  const stuckItems = db
    .prepare(
      `SELECT q.item_id, count(*) AS n FROM quiz_person q JOIN course_items i ON i.id = q.item_id AND i.removed = 0
       JOIN courses c ON c.id = i.course_id AND c.status = 'published'
       WHERE q.passed = 0 GROUP BY q.item_id ORDER BY n DESC LIMIT 8`,
    )
    .raw()
    .all() as [number, number][];
  const hardest = db.prepare(
    `SELECT qq.id, qq.prompt, s.answered, s.correct FROM quiz_questions qq JOIN question_stats s ON s.question_id = qq.id
     WHERE qq.item_id = ? AND qq.removed = 0 AND s.answered > 0 ORDER BY (1.0 * s.correct / s.answered) ASC LIMIT 1`,
  );
  const titles = db.prepare(
    'SELECT i.title AS quiz, c.title AS course FROM course_items i JOIN courses c ON c.id = i.course_id WHERE i.id = ?',
  );
  const stuck: Dashboard['stuck'] = [];
  for (const [itemId, n] of stuckItems) {
    const h = hardest.get(itemId) as { id: number; prompt: string; answered: number; correct: number } | undefined;
    const t = titles.get(itemId) as { quiz: string; course: string };
    if (h)
      stuck.push({
        itemId,
        courseTitle: t.course,
        quizTitle: t.quiz,
        questionId: h.id,
        prompt: h.prompt,
        attempts: n,
        pctCorrect: h.correct / h.answered,
      });
  }
  return {
    counts,
    byTeam: [...byTeam.values()].sort((a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '')),
    byCourse: [...byCourse.values()].sort((a, b) => b.overdue - a.overdue || a.title.localeCompare(b.title)),
    overdue: overdueRows.slice(0, 50).map(strip),
    overdueTotal: overdueRows.length,
    stuck,
  };
}

export function itemAnalysis(db: DB, itemId: number): ItemAnalysis {
  const it = db.prepare("SELECT id, title FROM course_items WHERE id = ? AND kind = 'quiz'").get(itemId) as
    { id: number; title: string } | undefined;
  if (!it) throw new AppError('not_found', 'This quiz does not exist.', undefined, { key: 'training.quizNotFound' });
  const agg = db.prepare('SELECT sum(attempts) AS a, avg(passed) AS p FROM quiz_person WHERE item_id = ?').get(itemId) as {
    a: number | null;
    p: number | null;
  };
  const questions = (
    db
      .prepare(
        'SELECT q.id, q.prompt, coalesce(s.answered, 0) AS answered, s.correct FROM quiz_questions q LEFT JOIN question_stats s ON s.question_id = q.id WHERE q.item_id = ? AND q.removed = 0 ORDER BY q.position, q.id',
      )
      .all(itemId) as { id: number; prompt: string; answered: number; correct: number | null }[]
  ).map((q) => ({ id: q.id, prompt: q.prompt, answered: q.answered, pctCorrect: q.answered ? (q.correct ?? 0) / q.answered : null }));
  const stuck = (
    db
      .prepare(
        `SELECT q.person_id AS personId, p.name, ${namesColumn('p')} AS names, q.attempts, q.best_score AS bestScore, q.last_at AS lastAt,
                (i.attempts_allowed > 0 AND q.attempts >= i.attempts_allowed + q.granted) AS out
         FROM quiz_person q JOIN people p ON p.id = q.person_id AND p.active = 1 JOIN course_items i ON i.id = q.item_id
         WHERE q.item_id = ? AND q.passed = 0 ORDER BY out DESC, q.attempts DESC, q.last_at DESC LIMIT 100`,
      )
      .all(itemId) as (Omit<ItemAnalysis['stuck'][number], 'outOfAttempts' | 'names'> & { out: number; names: string })[]
  ).map(({ out, names, ...r }) => ({ ...r, names: parseNames(names), outOfAttempts: out === 1 }));
  return { itemId, title: it.title, attempts: agg.a ?? 0, passRate: agg.p, questions, stuck };
}

export function grantAttempt(db: DB, itemId: number, personId: number, actorId: number | null): ItemAnalysis {
  db.transaction(() => {
    const r = db
      .prepare('UPDATE quiz_person SET granted = granted + 1 WHERE item_id = ? AND person_id = ? AND passed = 0')
      .run(itemId, personId);
    if (!r.changes)
      throw new AppError('not_found', 'This person has no unpassed attempts on this quiz.', undefined, {
        key: 'training.noAttemptsToGrant',
      });
    audit(db, actorId, 'quiz_attempts', itemId, 'grant', { personId });
  })();
  return itemAnalysis(db, itemId);
}

const CERT_SELECT = `SELECT cc.id, cc.certificate_no AS number, cc.person_id AS personId, p.name AS personName, ${namesColumn('p')} AS personNames,
  cc.course_id AS courseId, c.title AS courseTitle, cc.score, cc.completed_at AS issuedAt
  FROM course_completions cc JOIN people p ON p.id = cc.person_id JOIN courses c ON c.id = cc.course_id`;

type CertRow = Omit<Certificate, 'personNames'> & { personNames: string };
const toCertificate = (r: CertRow): Certificate => ({ ...r, personNames: parseNames(r.personNames) });

export function listCertificates(db: DB, personId: number): Certificate[] {
  return (db.prepare(`${CERT_SELECT} WHERE cc.person_id = ? ORDER BY cc.completed_at DESC LIMIT 200`).all(personId) as CertRow[]).map(
    toCertificate,
  );
}
export function getCertificate(db: DB, id: number): Certificate {
  const c = db.prepare(`${CERT_SELECT} WHERE cc.id = ?`).get(id) as CertRow | undefined;
  if (!c)
    throw new AppError('not_found', `Certificate #${id} does not exist.`, undefined, {
      key: 'training.certificateNotFound',
      params: { id },
    });
  return toCertificate(c);
}
