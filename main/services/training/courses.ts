/** Courses → modules → items (lessons and quizzes): the trainer's editor side. */
import { z } from 'zod';
import { AppError, type Page } from '../../../shared/api/contract';
import type { CourseDetail, CourseItem, CourseModule, CourseSummary, courseInput, itemInput } from '../../../shared/api/training';
import { validateQuiz, type QuizQuestion } from '../../../shared/domain/quiz';
import type { DB } from '../../db/open';
import { ftsWriter, parseQuery } from '../../db/fts';
import { audit } from '../audit';
import { refreshCourseProgress } from './learn';
import { courseCounts, type Tally } from './plans';

type CourseData = z.output<typeof courseInput>;
type ItemData = z.output<typeof itemInput> & { id?: number };

const SUMMARY = `
  SELECT c.id, c.title, c.description, c.language, c.status, c.updated_at AS updatedAt,
    (SELECT group_concat(competency_id) FROM course_competencies cc WHERE cc.course_id = c.id) AS comps,
    (SELECT count(*) FROM course_modules m WHERE m.course_id = c.id) AS moduleCount,
    (SELECT count(*) FROM course_items i WHERE i.course_id = c.id AND i.removed = 0 AND i.kind = 'lesson') AS lessonCount,
    (SELECT count(*) FROM course_items i WHERE i.course_id = c.id AND i.removed = 0 AND i.kind = 'quiz') AS quizCount,
    0 AS assignedCount, 0 AS completedCount
  FROM courses c`;

type SummaryRow = Omit<CourseSummary, 'competencyIds'> & { comps: string | null };
/** Assigned/completed come from courseCounts (plans.ts), the one definition the dashboard uses too. */
const toSummary = (r: SummaryRow, counts: Map<number, Tally>): CourseSummary => {
  const { comps, ...rest } = r;
  const n = counts.get(r.id);
  return {
    ...rest,
    assignedCount: n?.total ?? 0,
    completedCount: n?.completed ?? 0,
    competencyIds: comps ? comps.split(',').map(Number) : [],
  };
};

function indexCourse(db: DB, id: number) {
  const c = db.prepare('SELECT title, description FROM courses WHERE id = ?').get(id) as { title: string; description: string };
  const body = (
    db.prepare('SELECT title, body_md FROM course_items WHERE course_id = ? AND removed = 0').all(id) as {
      title: string;
      body_md: string;
    }[]
  )
    .map((i) => `${i.title} ${i.body_md}`)
    .join('\n');
  ftsWriter(db, 'courses_fts', ['title', 'body']).put(id, [c.title, `${c.description}\n${body}`.slice(0, 200_000)]);
}

export function listCourses(
  db: DB,
  i: { query: string; status: 'draft' | 'published' | 'archived' | 'active'; offset: number; limit: number },
): Page<CourseSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (i.status === 'active') where.push("c.status <> 'archived'");
  else {
    where.push('c.status = ?');
    params.push(i.status);
  }
  const q = parseQuery(i.query);
  if (q.match) {
    where.push('c.id IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH ?)');
    params.push(q.match);
  }
  const w = `WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM courses c ${w}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`${SUMMARY} ${w} ORDER BY c.title COLLATE NOCASE, c.id LIMIT ? OFFSET ?`)
    .all(...params, i.limit, i.offset) as SummaryRow[];
  const counts = rows.length ? courseCounts(db) : new Map<number, Tally>();
  return { rows: rows.map((r) => toSummary(r, counts)), total, offset: i.offset, limit: i.limit };
}

/** A course_items row (both the editor and the learner read it). */
export interface ItemRow {
  id: number;
  course_id: number;
  module_id: number;
  kind: 'lesson' | 'quiz';
  title: string;
  body_md: string;
  pass_mark: number;
  attempts_allowed: number;
  shuffle: number;
}
interface QRow {
  id: number;
  item_id: number;
  kind: QuizQuestion['kind'];
  prompt: string;
  options_json: string;
  correct_json: string;
  explanation: string;
}

export function questionsOf(db: DB, itemId: number) {
  return (db.prepare('SELECT * FROM quiz_questions WHERE item_id = ? AND removed = 0 ORDER BY position, id').all(itemId) as QRow[]).map(
    (q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: JSON.parse(q.options_json) as { id: string; text: string }[],
      correct: JSON.parse(q.correct_json) as string[],
      explanation: q.explanation,
    }),
  );
}

export function getCourse(db: DB, id: number): CourseDetail {
  const row = db.prepare(`${SUMMARY} WHERE c.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new AppError('not_found', `Course #${id} does not exist.`, undefined, { key: 'training.courseNotFound', params: { id } });
  const modules: CourseModule[] = (
    db.prepare('SELECT id, title FROM course_modules WHERE course_id = ? ORDER BY position, id').all(id) as { id: number; title: string }[]
  ).map((m) => ({ ...m, items: [] as CourseItem[] }));
  const byId = new Map(modules.map((m) => [m.id, m]));
  for (const it of db
    .prepare('SELECT * FROM course_items WHERE course_id = ? AND removed = 0 ORDER BY position, id')
    .all(id) as ItemRow[]) {
    byId.get(it.module_id)?.items.push({
      id: it.id,
      moduleId: it.module_id,
      kind: it.kind,
      title: it.title,
      bodyMd: it.body_md,
      passMark: it.pass_mark,
      attemptsAllowed: it.attempts_allowed,
      shuffle: it.shuffle === 1,
      questions: it.kind === 'quiz' ? questionsOf(db, it.id) : [],
    });
  }
  const hasAttempts =
    !!db.prepare('SELECT 1 FROM quiz_attempts WHERE course_id = ? LIMIT 1').get(id) ||
    !!db.prepare('SELECT 1 FROM lesson_progress WHERE course_id = ? LIMIT 1').get(id);
  return { ...toSummary(row, courseCounts(db, id)), modules, hasAttempts };
}

function assertCompetencies(db: DB, ids: number[]) {
  for (const c of ids)
    if (!db.prepare('SELECT 1 FROM competencies WHERE id = ?').get(c))
      throw new AppError('invalid_input', `Competency #${c} does not exist.`, 'competencyIds', {
        key: 'training.competencyNotFound',
        params: { id: c },
      });
}

function writeCompetencies(db: DB, courseId: number, ids: number[]) {
  db.prepare('DELETE FROM course_competencies WHERE course_id = ?').run(courseId);
  const ins = db.prepare('INSERT OR IGNORE INTO course_competencies(course_id, competency_id) VALUES (?, ?)');
  for (const c of ids) ins.run(courseId, c);
}

const touch = (db: DB, id: number) =>
  db.prepare("UPDATE courses SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(id);

export function createCourse(db: DB, data: CourseData, actorId: number | null): CourseDetail {
  return db.transaction(() => {
    assertCompetencies(db, data.competencyIds);
    const id = Number(
      db
        .prepare('INSERT INTO courses(title, description, language, created_by) VALUES (?, ?, ?, ?)')
        .run(data.title, data.description, data.language, actorId).lastInsertRowid,
    );
    writeCompetencies(db, id, data.competencyIds);
    db.prepare('INSERT INTO course_modules(course_id, position, title) VALUES (?, 0, ?)').run(
      id,
      data.language === 'ru' ? 'Модуль 1' : data.language === 'zh' ? '模块 1' : 'Module 1',
    );
    indexCourse(db, id);
    audit(db, actorId, 'course', id, 'create', { title: data.title });
    return getCourse(db, id);
  })();
}

export function updateCourse(db: DB, id: number, data: CourseData, actorId: number | null): CourseDetail {
  return db.transaction(() => {
    getCourse(db, id);
    assertCompetencies(db, data.competencyIds);
    db.prepare(
      "UPDATE courses SET title = ?, description = ?, language = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(data.title, data.description, data.language, id);
    writeCompetencies(db, id, data.competencyIds);
    indexCourse(db, id);
    audit(db, actorId, 'course', id, 'update', {});
    return getCourse(db, id);
  })();
}

export function setCourseStatus(db: DB, id: number, status: 'draft' | 'published' | 'archived', actorId: number | null): CourseDetail {
  return db.transaction(() => {
    const c = getCourse(db, id);
    if (status === 'published') {
      const items = c.modules.flatMap((m) => m.items);
      if (!items.length)
        throw new AppError('invalid_input', 'Add at least one lesson or quiz before publishing.', 'status', {
          key: 'training.publishNeedsItems',
        });
      for (const it of items.filter((x) => x.kind === 'quiz')) {
        const problems = validateQuiz({ passMark: it.passMark, attemptsAllowed: it.attemptsAllowed, questions: it.questions });
        if (problems.length) throw new AppError('invalid_input', `Quiz "${it.title}": ${problems[0].message}`, 'status');
      }
    }
    db.prepare("UPDATE courses SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(status, id);
    audit(db, actorId, 'course', id, status, {});
    return getCourse(db, id);
  })();
}

/** Deleting a course people have worked on would erase their history: such a course is archived instead. */
export function removeCourse(db: DB, id: number, actorId: number | null) {
  return db.transaction(() => {
    const c = getCourse(db, id);
    const assigned = (db.prepare('SELECT count(*) AS n FROM assignments WHERE course_id = ?').get(id) as { n: number }).n;
    if (c.hasAttempts || assigned > 0 || db.prepare('SELECT 1 FROM course_completions WHERE course_id = ? LIMIT 1').get(id)) {
      db.prepare("UPDATE courses SET status = 'archived', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(id);
      audit(db, actorId, 'course', id, 'archived', { reason: 'has_history' });
      return {
        removed: false,
        archived: true,
        message: `"${c.title}" has progress, attempts or assignments, so it was archived instead of deleted. Nobody's history is lost; restore it from the archived list.`,
      };
    }
    db.prepare('DELETE FROM courses WHERE id = ?').run(id);
    ftsWriter(db, 'courses_fts', ['title', 'body']).remove(id);
    audit(db, actorId, 'course', id, 'delete', { title: c.title });
    return { removed: true, archived: false, message: `"${c.title}" was deleted.` };
  })();
}

export function saveModule(db: DB, courseId: number, moduleId: number | undefined, title: string, actorId: number | null): CourseDetail {
  return db.transaction(() => {
    getCourse(db, courseId);
    if (moduleId) {
      const r = db.prepare('UPDATE course_modules SET title = ? WHERE id = ? AND course_id = ?').run(title, moduleId, courseId);
      if (!r.changes) throw new AppError('not_found', 'This module does not exist.', undefined, { key: 'training.moduleNotFound' });
    } else {
      const pos = (
        db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM course_modules WHERE course_id = ?').get(courseId) as { p: number }
      ).p;
      db.prepare('INSERT INTO course_modules(course_id, position, title) VALUES (?, ?, ?)').run(courseId, pos, title);
    }
    touch(db, courseId);
    audit(db, actorId, 'course', courseId, 'module', { title });
    return getCourse(db, courseId);
  })();
}

export function removeModule(db: DB, moduleId: number, actorId: number | null): CourseDetail {
  return db.transaction(() => {
    const m = db.prepare('SELECT course_id FROM course_modules WHERE id = ?').get(moduleId) as { course_id: number } | undefined;
    if (!m) throw new AppError('not_found', 'This module does not exist.', undefined, { key: 'training.moduleNotFound' });
    const live = (db.prepare('SELECT count(*) AS n FROM course_items WHERE module_id = ? AND removed = 0').get(moduleId) as { n: number })
      .n;
    if (live > 0)
      throw new AppError('conflict', 'Remove or move the lessons and quizzes of this module first.', undefined, {
        key: 'training.moduleNotEmpty',
      });
    const used = db.prepare('SELECT 1 FROM course_items WHERE module_id = ? LIMIT 1').get(moduleId);
    if (!used) db.prepare('DELETE FROM course_modules WHERE id = ?').run(moduleId);
    else
      throw new AppError('conflict', 'This module holds history (removed items with attempts); it is kept.', undefined, {
        key: 'training.moduleHasHistory',
      });
    audit(db, actorId, 'course', m.course_id, 'module_remove', { moduleId });
    return getCourse(db, m.course_id);
  })();
}

/** Saves a lesson or quiz. Quiz questions are validated (a question without a correct answer is refused, naming it). */
export function saveItem(db: DB, data: ItemData, actorId: number | null): CourseDetail {
  if (data.kind === 'quiz') {
    const problems = validateQuiz({
      passMark: data.passMark,
      attemptsAllowed: data.attemptsAllowed,
      questions: data.questions.map((q, i) => ({ ...q, id: q.id ?? i })),
    });
    if (problems.length) {
      const p = problems[0];
      throw new AppError('invalid_input', p.message, p.question >= 0 ? `questions.${p.question}.${p.field}` : p.field);
    }
  }
  return db.transaction(() => {
    const mod = db.prepare('SELECT course_id FROM course_modules WHERE id = ?').get(data.moduleId) as { course_id: number } | undefined;
    if (!mod) throw new AppError('invalid_input', 'This module does not exist.', 'moduleId', { key: 'training.moduleNotFound' });
    let id = data.id;
    if (id) {
      const ex = db.prepare('SELECT course_id FROM course_items WHERE id = ? AND removed = 0').get(id) as { course_id: number } | undefined;
      if (!ex || ex.course_id !== mod.course_id)
        throw new AppError('not_found', 'This lesson or quiz does not exist.', undefined, { key: 'training.itemNotFound' });
      db.prepare(
        'UPDATE course_items SET module_id = ?, kind = ?, title = ?, body_md = ?, pass_mark = ?, attempts_allowed = ?, shuffle = ? WHERE id = ?',
      ).run(data.moduleId, data.kind, data.title, data.bodyMd, data.passMark, data.attemptsAllowed, data.shuffle ? 1 : 0, id);
    } else {
      const pos = (
        db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM course_items WHERE module_id = ?').get(data.moduleId) as { p: number }
      ).p;
      id = Number(
        db
          .prepare(
            'INSERT INTO course_items(course_id, module_id, position, kind, title, body_md, pass_mark, attempts_allowed, shuffle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            mod.course_id,
            data.moduleId,
            pos,
            data.kind,
            data.title,
            data.bodyMd,
            data.passMark,
            data.attemptsAllowed,
            data.shuffle ? 1 : 0,
          ).lastInsertRowid,
      );
    }
    if (data.kind === 'quiz') writeQuestions(db, id, data.questions);
    touch(db, mod.course_id);
    indexCourse(db, mod.course_id);
    audit(db, actorId, 'course_item', id, data.id ? 'update' : 'create', { kind: data.kind });
    return getCourse(db, mod.course_id);
  })();
}

/** Questions with answers on record are soft-removed so item analysis and old attempts stay readable. */
function writeQuestions(db: DB, itemId: number, questions: ItemData['questions']) {
  const existing = new Set(
    (db.prepare('SELECT id FROM quiz_questions WHERE item_id = ? AND removed = 0').all(itemId) as { id: number }[]).map((r) => r.id),
  );
  const keep = new Set<number>();
  const upd = db.prepare(
    'UPDATE quiz_questions SET position = ?, kind = ?, prompt = ?, options_json = ?, correct_json = ?, explanation = ? WHERE id = ? AND item_id = ?',
  );
  const ins = db.prepare(
    'INSERT INTO quiz_questions(item_id, position, kind, prompt, options_json, correct_json, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  questions.forEach((q, i) => {
    const opts = JSON.stringify(q.options);
    const corr = JSON.stringify(q.correct);
    if (q.id && existing.has(q.id)) {
      upd.run(i, q.kind, q.prompt, opts, corr, q.explanation, q.id, itemId);
      keep.add(q.id);
    } else ins.run(itemId, i, q.kind, q.prompt, opts, corr, q.explanation);
  });
  const soft = db.prepare('UPDATE quiz_questions SET removed = 1 WHERE id = ?');
  for (const old of existing) if (!keep.has(old)) soft.run(old);
}

export function removeItem(db: DB, itemId: number, actorId: number | null): CourseDetail {
  return db.transaction(() => {
    const it = db.prepare('SELECT course_id FROM course_items WHERE id = ?').get(itemId) as { course_id: number } | undefined;
    if (!it) throw new AppError('not_found', 'This lesson or quiz does not exist.', undefined, { key: 'training.itemNotFound' });
    db.prepare('UPDATE course_items SET removed = 1 WHERE id = ?').run(itemId);
    refreshCourseProgress(db, it.course_id);
    touch(db, it.course_id);
    indexCourse(db, it.course_id);
    audit(db, actorId, 'course_item', itemId, 'remove', {});
    return getCourse(db, it.course_id);
  })();
}
