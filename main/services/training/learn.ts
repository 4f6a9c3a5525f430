/** The learner side: taking lessons and quizzes, progress, course completion and certificates. */
import { AppError } from '../../../shared/api/contract';
import type { LearnerCourse, QuizResult, QuizStart } from '../../../shared/api/training';
import { gradeQuiz, seededShuffle } from '../../../shared/domain/quiz';
import type { DB } from '../../db/open';
import { questionsOf } from './courses';
import { invalidateCompetence } from './competence';
import { nowIso } from './clock';
import type { ItemRow } from './courses';

export function requireLearner(actorId: number | null): number {
  if (actorId == null)
    throw new AppError('forbidden', 'Choose who you are in the header first: progress is saved per person.', undefined, {
      key: 'training.chooseYourself',
    });
  return actorId;
}

export function learnerCourse(db: DB, courseId: number, personId: number): LearnerCourse {
  const c = db.prepare('SELECT id, title, description, language, status FROM courses WHERE id = ?').get(courseId) as
    { id: number; title: string; description: string; language: string; status: string } | undefined;
  if (!c)
    throw new AppError('not_found', `Course #${courseId} does not exist.`, undefined, {
      key: 'training.courseNotFound',
      params: { id: courseId },
    });
  const modules = db.prepare('SELECT id, title FROM course_modules WHERE course_id = ? ORDER BY position, id').all(courseId) as {
    id: number;
    title: string;
  }[];
  const items = db
    .prepare('SELECT * FROM course_items WHERE course_id = ? AND removed = 0 ORDER BY position, id')
    .all(courseId) as ItemRow[];
  const done = new Set(
    (
      db.prepare('SELECT item_id FROM lesson_progress WHERE person_id = ? AND course_id = ?').all(personId, courseId) as {
        item_id: number;
      }[]
    ).map((r) => r.item_id),
  );
  const qp = new Map(
    (
      db
        .prepare('SELECT item_id, attempts, best_score, passed, granted FROM quiz_person WHERE person_id = ? AND course_id = ?')
        .all(personId, courseId) as {
        item_id: number;
        attempts: number;
        best_score: number;
        passed: number;
        granted: number;
      }[]
    ).map((r) => [r.item_id, r]),
  );
  const qCount = new Map(
    (
      db
        .prepare(
          'SELECT q.item_id, count(*) AS n FROM quiz_questions q JOIN course_items i ON i.id = q.item_id WHERE i.course_id = ? AND q.removed = 0 GROUP BY q.item_id',
        )
        .all(courseId) as {
        item_id: number;
        n: number;
      }[]
    ).map((r) => [r.item_id, r.n]),
  );
  let finished = 0;
  let nextItemId: number | null = null;
  const out = modules.map((m) => ({
    id: m.id,
    title: m.title,
    items: items
      .filter((i) => i.module_id === m.id)
      .map((i) => {
        const q = qp.get(i.id);
        const isDone = i.kind === 'lesson' ? done.has(i.id) : q?.passed === 1;
        if (isDone) finished++;
        else if (nextItemId == null) nextItemId = i.id;
        return {
          id: i.id,
          kind: i.kind,
          title: i.title,
          bodyMd: i.kind === 'lesson' ? i.body_md : i.body_md,
          done: isDone,
          passMark: i.pass_mark,
          attemptsAllowed: i.attempts_allowed > 0 ? i.attempts_allowed + (q?.granted ?? 0) : 0,
          attemptsUsed: q?.attempts ?? 0,
          bestScore: q?.best_score ?? null,
          passed: q?.passed === 1,
          questionCount: qCount.get(i.id) ?? 0,
        };
      }),
  }));
  const comp = db
    .prepare('SELECT id, completed_at FROM course_completions WHERE person_id = ? AND course_id = ? ORDER BY completed_at DESC LIMIT 1')
    .get(personId, courseId) as { id: number; completed_at: string } | undefined;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    language: c.language,
    modules: out,
    progress: items.length ? finished / items.length : 0,
    completedAt: comp?.completed_at ?? null,
    certificateId: comp?.id ?? null,
    nextItemId,
  };
}

function itemOf(db: DB, itemId: number): ItemRow {
  const it = db.prepare('SELECT * FROM course_items WHERE id = ? AND removed = 0').get(itemId) as ItemRow | undefined;
  if (!it)
    throw new AppError('not_found', 'This lesson or quiz does not exist (it may have been removed from the course).', undefined, {
      key: 'training.itemRemoved',
    });
  const status = (db.prepare('SELECT status FROM courses WHERE id = ?').get(it.course_id) as { status: string }).status;
  if (status === 'archived')
    throw new AppError('conflict', 'This course is archived; it can no longer be taken.', undefined, { key: 'training.courseArchived' });
  return it;
}

const totalItems = (db: DB, courseId: number) =>
  (db.prepare('SELECT count(*) AS n FROM course_items WHERE course_id = ? AND removed = 0').get(courseId) as { n: number }).n;

/** Keeps course_progress (items done, last activity) current after a lesson is done or a quiz first passed. */
function bumpProgress(db: DB, personId: number, courseId: number, at: string, doneDelta: number) {
  db.prepare(
    `INSERT INTO course_progress(person_id, course_id, done_items, last_activity) VALUES (?, ?, ?, ?)
     ON CONFLICT(person_id, course_id) DO UPDATE SET done_items = done_items + excluded.done_items, last_activity = max(coalesce(last_activity, ''), excluded.last_activity)`,
  ).run(personId, courseId, doneDelta, at);
}

/** Recounts progress for a course after its items change (an item removed must not count as done). */
export function refreshCourseProgress(db: DB, courseId: number) {
  db.prepare(
    `UPDATE course_progress SET done_items =
       (SELECT count(*) FROM lesson_progress l JOIN course_items i ON i.id = l.item_id AND i.removed = 0 WHERE l.person_id = course_progress.person_id AND l.course_id = course_progress.course_id)
     + (SELECT count(*) FROM quiz_person q JOIN course_items i ON i.id = q.item_id AND i.removed = 0 WHERE q.person_id = course_progress.person_id AND q.course_id = course_progress.course_id AND q.passed = 1)
     WHERE course_id = ?`,
  ).run(courseId);
}

/** Issues a completion (and certificate) when every lesson is done and every quiz passed; one per 30 days at most. */
function maybeComplete(db: DB, personId: number, courseId: number, at: string): number | null {
  const done =
    (
      db.prepare('SELECT done_items FROM course_progress WHERE person_id = ? AND course_id = ?').get(personId, courseId) as
        { done_items: number } | undefined
    )?.done_items ?? 0;
  const total = totalItems(db, courseId);
  if (!total || done < total) return null;
  const recent = db
    .prepare(
      'SELECT id FROM course_completions WHERE person_id = ? AND course_id = ? AND completed_at >= ? ORDER BY completed_at DESC LIMIT 1',
    )
    .get(personId, courseId, new Date(Date.parse(at) - 30 * 86_400_000).toISOString()) as { id: number } | undefined;
  if (recent) return null;
  const score = (
    db.prepare('SELECT avg(best_score) AS s FROM quiz_person WHERE person_id = ? AND course_id = ?').get(personId, courseId) as {
      s: number | null;
    }
  ).s;
  const seq = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM course_completions').get() as { n: number }).n;
  const number = `SWB-${at.slice(0, 4)}-${String(courseId).padStart(3, '0')}-${String(seq).padStart(5, '0')}`;
  db.prepare('UPDATE course_progress SET completed_at = ? WHERE person_id = ? AND course_id = ?').run(at, personId, courseId);
  return Number(
    db
      .prepare('INSERT INTO course_completions(person_id, course_id, completed_at, score, certificate_no) VALUES (?, ?, ?, ?, ?)')
      .run(personId, courseId, at, score, number).lastInsertRowid,
  );
}

export function completeLesson(db: DB, itemId: number, personId: number): LearnerCourse {
  return db.transaction(() => {
    const it = itemOf(db, itemId);
    if (it.kind !== 'lesson')
      throw new AppError('invalid_input', 'A quiz is completed by passing it.', 'itemId', { key: 'training.quizCompletedByPassing' });
    const at = nowIso();
    const r = db
      .prepare('INSERT OR IGNORE INTO lesson_progress(person_id, item_id, course_id, completed_at) VALUES (?, ?, ?, ?)')
      .run(personId, itemId, it.course_id, at);
    if (r.changes) {
      bumpProgress(db, personId, it.course_id, at, 1);
      maybeComplete(db, personId, it.course_id, at);
    }
    return learnerCourse(db, it.course_id, personId);
  })();
}

/** Attempts used, whether passed, and extra attempts a trainer granted. */
const attemptsUsed = (db: DB, personId: number, itemId: number) =>
  (db.prepare('SELECT attempts, passed, granted FROM quiz_person WHERE person_id = ? AND item_id = ?').get(personId, itemId) as
    { attempts: number; passed: number; granted: number } | undefined) ?? { attempts: 0, passed: 0, granted: 0 };

export function startQuiz(db: DB, itemId: number, personId: number): QuizStart {
  const it = itemOf(db, itemId);
  if (it.kind !== 'quiz') throw new AppError('invalid_input', 'This item is a lesson, not a quiz.', 'itemId', { key: 'training.notAQuiz' });
  const used = attemptsUsed(db, personId, itemId);
  const allowed = it.attempts_allowed > 0 ? it.attempts_allowed + used.granted : 0;
  if (allowed > 0 && used.attempts >= allowed && !used.passed)
    throw new AppError(
      'conflict',
      `You have used all ${allowed} attempts for this quiz. Ask your trainer to allow another attempt.`,
      undefined,
      { key: 'training.attemptsUsedAskTrainer', params: { allowed } },
    );
  const attemptNo = used.attempts + 1;
  const seed = personId * 7919 + itemId * 104729 + attemptNo;
  const qs = questionsOf(db, itemId);
  const ordered = it.shuffle ? seededShuffle(qs, seed) : qs;
  return {
    itemId,
    title: it.title,
    passMark: it.pass_mark,
    attemptNo,
    attemptsLeft: allowed > 0 ? Math.max(0, allowed - used.attempts) : null,
    questions: ordered.map((q, i) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      // Ordering questions are always shuffled, or the answer would be on screen.
      options: it.shuffle || q.kind === 'ordering' ? seededShuffle(q.options, seed + i + 1) : q.options,
    })),
  };
}

export function submitQuiz(db: DB, itemId: number, answers: Record<string, string[]>, personId: number, at = nowIso()): QuizResult {
  return db.transaction(() => {
    const it = itemOf(db, itemId);
    if (it.kind !== 'quiz')
      throw new AppError('invalid_input', 'This item is a lesson, not a quiz.', 'itemId', { key: 'training.notAQuiz' });
    const used = attemptsUsed(db, personId, itemId);
    const allowed = it.attempts_allowed > 0 ? it.attempts_allowed + used.granted : 0;
    if (allowed > 0 && used.attempts >= allowed && !used.passed)
      throw new AppError('conflict', `You have used all ${allowed} attempts for this quiz.`, undefined, {
        key: 'training.attemptsUsed',
        params: { allowed },
      });
    const qs = questionsOf(db, itemId);
    if (!qs.length) throw new AppError('conflict', 'This quiz has no questions yet.', undefined, { key: 'training.quizNoQuestions' });
    const g = gradeQuiz(qs, answers, it.pass_mark);
    const attemptNo = used.attempts + 1;
    const attemptId = Number(
      db
        .prepare(
          'INSERT INTO quiz_attempts(person_id, item_id, course_id, attempt_no, submitted_at, score, passed, answers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(personId, itemId, it.course_id, attemptNo, at, g.score, g.passed ? 1 : 0, JSON.stringify(answers)).lastInsertRowid,
    );
    recordAttemptSummary(
      db,
      personId,
      itemId,
      it.course_id,
      g.score,
      g.passed,
      at,
      attemptId,
      g.perQuestion as { id: number; correct: boolean }[],
    );
    const certificateId = g.passed ? maybeComplete(db, personId, it.course_id, at) : null;
    const latest = db
      .prepare('SELECT id FROM course_completions WHERE person_id = ? AND course_id = ? ORDER BY completed_at DESC LIMIT 1')
      .get(personId, it.course_id) as { id: number } | undefined;
    const attemptsLeft = allowed > 0 ? Math.max(0, allowed - attemptNo) : null;
    return {
      attemptId,
      score: g.score,
      passed: g.passed,
      correctCount: g.correctCount,
      total: g.total,
      attemptsLeft,
      questions: qs.map((q, i) => ({
        id: q.id,
        prompt: q.prompt,
        correct: g.perQuestion[i].correct,
        yourAnswer: answers[String(q.id)] ?? [],
        correctAnswer: q.correct,
        options: q.options,
        explanation: q.explanation,
      })),
      courseCompleted: latest != null,
      certificateId: certificateId ?? latest?.id ?? null,
    };
  })();
}

/** Keeps the per-person quiz summary and the per-question counters current; drops the rep's competence cache. */
export function recordAttemptSummary(
  db: DB,
  personId: number,
  itemId: number,
  courseId: number,
  score: number,
  passed: boolean,
  at: string,
  attemptId: number,
  perQuestion: { id: number; correct: boolean }[],
) {
  const before = db.prepare('SELECT passed FROM quiz_person WHERE person_id = ? AND item_id = ?').get(personId, itemId) as
    { passed: number } | undefined;
  bumpProgress(db, personId, courseId, at, passed && !before?.passed ? 1 : 0);
  db.prepare(
    `INSERT INTO quiz_person(person_id, item_id, course_id, attempts, best_score, passed, last_at) VALUES (?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT(person_id, item_id) DO UPDATE SET attempts = attempts + 1, best_score = max(best_score, excluded.best_score),
       passed = max(passed, excluded.passed), last_at = max(last_at, excluded.last_at)`,
  ).run(personId, itemId, courseId, score, passed ? 1 : 0, at);
  const ans = db.prepare('INSERT INTO attempt_answers(attempt_id, question_id, correct) VALUES (?, ?, ?)');
  const st = db.prepare(
    'INSERT INTO question_stats(question_id, answered, correct) VALUES (?, 1, ?) ON CONFLICT(question_id) DO UPDATE SET answered = answered + 1, correct = correct + excluded.correct',
  );
  for (const p of perQuestion) {
    ans.run(attemptId, p.id, p.correct ? 1 : 0);
    st.run(p.id, p.correct ? 1 : 0);
  }
  invalidateCompetence(db, personId);
}
