/**
 * Course completions for the training-effect chart. The training feature's tables
 * are not in this branch: listCourseCompletions() looks for a table that records
 * completions (a person column, a course column and completed_at) and joins the
 * course title; until one exists it falls back to the demo's recorded completions
 * (meta `demo_course_completions`, INTERIM) and otherwise returns [].
 * The integrator points this at the real tables after the merge.
 */
import type { DB } from '../../db/open';

export interface CourseCompletion {
  repId: number;
  courseId: string;
  courseTitle: string;
  completedAt: string;
}

const PERSON_COLS = ['person_id', 'rep_id', 'assignee_id', 'user_id'];

export function listCourseCompletions(db: DB): CourseCompletion[] {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  const hasCourses = tables.includes('courses');
  for (const t of tables) {
    if (!/assign|enrol|complet|progress/i.test(t)) continue;
    const cols = (db.prepare(`PRAGMA table_info("${t.replace(/"/g, '')}")`).all() as { name: string }[]).map((c) => c.name);
    const person = PERSON_COLS.find((c) => cols.includes(c));
    if (!person || !cols.includes('course_id') || !cols.includes('completed_at')) continue;
    const title = hasCourses ? `COALESCE((SELECT title FROM courses c WHERE c.id = a.course_id), 'Course ' || a.course_id)` : `'Course ' || a.course_id`;
    try {
      return (
        db.prepare(`SELECT a.${person} AS repId, CAST(a.course_id AS TEXT) AS courseId, ${title} AS courseTitle, a.completed_at AS completedAt FROM "${t}" a WHERE a.completed_at IS NOT NULL`).all() as CourseCompletion[]
      ).filter((c) => typeof c.repId === 'number' && !!c.completedAt);
    } catch {
      /* a table with a similar shape but other meaning: try the next */
    }
  }
  const demo = db.prepare("SELECT value FROM meta WHERE key = 'demo_course_completions'").pluck().get() as string | undefined;
  return demo ? (JSON.parse(demo) as CourseCompletion[]) : [];
}
