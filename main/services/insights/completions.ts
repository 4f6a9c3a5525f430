/**
 * Course completions for the training-effect chart: each rep's first completion
 * of each course, from the training feature's `course_completions`.
 */
import type { DB } from '../../db/open';

export interface CourseCompletion {
  repId: number;
  courseId: string;
  courseTitle: string;
  completedAt: string;
}

export function listCourseCompletions(db: DB): CourseCompletion[] {
  return db
    .prepare(
      `SELECT c.person_id AS repId, CAST(c.course_id AS TEXT) AS courseId, co.title AS courseTitle, MIN(c.completed_at) AS completedAt
       FROM course_completions c JOIN courses co ON co.id = c.course_id
       GROUP BY c.person_id, c.course_id`,
    )
    .all() as CourseCompletion[];
}
