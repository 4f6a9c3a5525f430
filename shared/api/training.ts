/** Training: competency model, courses and quizzes, plans and assignments, competence scores, drills. */
import { z } from 'zod';
import { id, isoDate, method, pageInput, requiredText, text, type Page, WRITES } from './contract';
import { QUESTION_KINDS, type QuestionKind } from '../domain/quiz';
import type { AssignmentStatus } from '../domain/assignment';
import type { EvidenceSource, SourceSummary } from '../domain/competence';
import { localeCode, localizedNames, type LocalizedNames } from './people';

/** A text per locale, English included ("en", "ru", "zh", …): the UI shows its language's, else the English one. */
export type LocalizedText = Record<string, string>;
const localizedText = (max: number) =>
  z.record(localeCode, text(max)).refine((r) => Object.keys(r).length <= 20, { message: 'Invalid value' });

/* ---------- competency model ---------- */

export interface Competency {
  id: number;
  key: string;
  /** the main (English) name, shown in a language without its own */
  name: string;
  /** names in other languages by locale ("ru", "zh", …) */
  names: LocalizedNames;
  description: LocalizedText;
  /** levels[0] = level 1 … levels[4] = level 5 */
  levels: LocalizedText[];
  archived: boolean;
}
export interface JobRole {
  id: number;
  key: string;
  name: string;
  names: LocalizedNames;
  memberCount: number;
}
export interface CompetencyModel {
  competencies: Competency[];
  jobRoles: JobRole[];
  /** `${jobRoleId}:${competencyId}` -> level 1..5 */
  targets: Record<string, number>;
}
export interface Assessment {
  id: number;
  repId: number;
  competencyId: number;
  level: number;
  note: string;
  assessedAt: string;
  assessorId: number | null;
  assessorName: string | null;
}

export const competencyInput = z.object({
  name: requiredText(120),
  names: localizedNames.default({}),
  description: localizedText(1000).default({}),
  levels: z.array(localizedText(500)).length(5, { message: 'Give all five level descriptors' }),
});

/* ---------- courses ---------- */

export type CourseStatus = 'draft' | 'published' | 'archived';

export interface CourseSummary {
  id: number;
  title: string;
  description: string;
  language: string;
  status: CourseStatus;
  competencyIds: number[];
  moduleCount: number;
  lessonCount: number;
  quizCount: number;
  assignedCount: number;
  completedCount: number;
  updatedAt: string;
}

export interface QuestionData {
  id?: number;
  kind: QuestionKind;
  prompt: string;
  options: { id: string; text: string }[];
  correct: string[];
  explanation: string;
}
export interface CourseItem {
  id: number;
  moduleId: number;
  kind: 'lesson' | 'quiz';
  title: string;
  bodyMd: string;
  passMark: number;
  attemptsAllowed: number;
  shuffle: boolean;
  questions: (QuestionData & { id: number })[];
}
export interface CourseModule {
  id: number;
  title: string;
  items: CourseItem[];
}
export interface CourseDetail extends CourseSummary {
  modules: CourseModule[];
  hasAttempts: boolean;
}

export const courseInput = z.object({
  title: requiredText(200),
  description: text(4000).default(''),
  language: z.enum(['en', 'ru', 'zh']).default('en'),
  competencyIds: z.array(id).max(20).default([]),
});

export const questionInput = z.object({
  id: id.optional(),
  kind: z.enum(QUESTION_KINDS),
  prompt: requiredText(2000),
  options: z.array(z.object({ id: z.string().min(1).max(20), text: text(500) })).max(12, { message: 'At most 12 options' }),
  correct: z.array(z.string().max(20)).max(12),
  explanation: text(4000).default(''),
});

export const itemInput = z.object({
  moduleId: id,
  kind: z.enum(['lesson', 'quiz']),
  title: requiredText(200),
  bodyMd: text(200_000).default(''),
  passMark: z
    .number()
    .min(0, { message: 'The pass mark must be between 0 and 100 %' })
    .max(100, { message: 'The pass mark must be between 0 and 100 %' })
    .default(80),
  attemptsAllowed: z.number().int().min(0).max(100).default(3),
  shuffle: z.boolean().default(true),
  questions: z.array(questionInput).max(200).default([]),
});

/* ---------- learning ---------- */

export interface LearnerQuestion {
  id: number;
  kind: QuestionKind;
  prompt: string;
  options: { id: string; text: string }[];
}
export interface LearnerItem {
  id: number;
  kind: 'lesson' | 'quiz';
  title: string;
  bodyMd: string;
  done: boolean;
  passMark: number;
  attemptsAllowed: number;
  attemptsUsed: number;
  bestScore: number | null;
  passed: boolean;
  questionCount: number;
}
export interface LearnerCourse {
  id: number;
  title: string;
  description: string;
  language: string;
  modules: { id: number; title: string; items: LearnerItem[] }[];
  progress: number;
  completedAt: string | null;
  certificateId: number | null;
  nextItemId: number | null;
}
export interface QuizStart {
  itemId: number;
  title: string;
  passMark: number;
  attemptNo: number;
  attemptsLeft: number | null;
  questions: LearnerQuestion[];
}
export interface QuizResult {
  attemptId: number;
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  attemptsLeft: number | null;
  questions: {
    id: number;
    prompt: string;
    correct: boolean;
    yourAnswer: string[];
    correctAnswer: string[];
    options: { id: string; text: string }[];
    explanation: string;
  }[];
  courseCompleted: boolean;
  certificateId: number | null;
}

/* ---------- plans & assignments ---------- */

export const TARGET_KINDS = ['people', 'team', 'role'] as const;
export const planInput = z.object({
  name: requiredText(200),
  courseIds: z.array(id).min(1, { message: 'Choose at least one course' }).max(100),
  target: z.object({
    kind: z.enum(TARGET_KINDS),
    personIds: z.array(id).max(5000).default([]),
    teamIds: z.array(id).max(200).default([]),
    roles: z
      .array(z.enum(['rep', 'manager', 'trainer', 'admin']))
      .max(4)
      .default([]),
  }),
  dueDate: isoDate.nullable().default(null),
  recurrenceMonths: z.number().int().min(1).max(60).nullable().default(null),
});
export type PlanInput = z.input<typeof planInput>;

export interface Plan {
  id: number;
  name: string;
  version: number;
  courseIds: number[];
  target: z.output<typeof planInput>['target'];
  dueDate: string | null;
  recurrenceMonths: number | null;
  assignedCount: number;
  updatedAt: string;
}
export interface PlanSaveResult {
  plan: Plan;
  assigned: number;
  kept: number;
  retired: number;
  skippedInactive: { id: number; name: string }[];
  warnings: string[];
}

export interface AssignmentRow {
  id: number;
  personId: number;
  personName: string;
  personNames: LocalizedNames;
  teamName: string | null;
  courseId: number;
  courseTitle: string;
  planName: string;
  dueDate: string | null;
  status: AssignmentStatus;
  progress: number;
  completedAt: string | null;
  daysOverdue: number;
}

export interface MyTrainingItem extends AssignmentRow {
  nextItemTitle: string | null;
  certificateId: number | null;
}

export interface Dashboard {
  counts: Record<AssignmentStatus, number>;
  byTeam: { teamId: number | null; teamName: string | null; total: number; completed: number; overdue: number }[];
  byCourse: { courseId: number; title: string; total: number; completed: number; overdue: number; avgScore: number | null }[];
  overdue: AssignmentRow[];
  overdueTotal: number;
  stuck: {
    itemId: number;
    courseTitle: string;
    quizTitle: string;
    questionId: number;
    prompt: string;
    attempts: number;
    pctCorrect: number;
  }[];
}

export interface ItemAnalysis {
  itemId: number;
  title: string;
  attempts: number;
  passRate: number | null;
  questions: { id: number; prompt: string; answered: number; pctCorrect: number | null }[];
  /** Who tried and has not passed yet (most attempts first). */
  stuck: {
    personId: number;
    name: string;
    names: LocalizedNames;
    attempts: number;
    bestScore: number;
    outOfAttempts: boolean;
    lastAt: string;
  }[];
}

export interface Certificate {
  id: number;
  number: string;
  personId: number;
  personName: string;
  personNames: LocalizedNames;
  courseId: number;
  courseTitle: string;
  score: number | null;
  issuedAt: string;
}

/* ---------- competence ---------- */

export interface CompetenceRow {
  competencyId: number;
  name: string;
  names: LocalizedNames;
  score: number | null;
  rawScore: number | null;
  n: number;
  sufficient: boolean;
  targetLevel: number | null;
  targetScore: number | null;
  gap: number | null;
}
export interface CompetenceProfile {
  personId: number;
  asOf: string;
  jobRoleId: number | null;
  rows: CompetenceRow[];
  overall: number | null;
  trend: { date: string; scores: Record<number, number | null> }[];
  suggestions: { competencyId: number; courseId: number; title: string; assigned: boolean }[];
}
export interface CompetenceExplanation {
  competencyId: number;
  asOf: string;
  score: number | null;
  rawScore: number | null;
  n: number;
  effective: number;
  sufficient: boolean;
  halfLifeDays: number;
  sources: SourceSummary[];
  evidence: { source: EvidenceSource; value: number; at: string; label: string; decay: number; share: number; ageDays: number }[];
}

/* ---------- drills ---------- */

export interface DrillCard {
  id: number;
  source: 'objection' | 'question';
  prompt: string;
  answer: string;
  competencyId: number | null;
  due: string;
  reps: number;
  lapses: number;
  isNew: boolean;
  intervals: Record<1 | 2 | 3 | 4, string>;
}
export interface DrillSession {
  cards: DrillCard[];
  dueCount: number;
  newCount: number;
  totalCards: number;
  reviewedToday: number;
  retention30d: number | null;
  desiredRetention: number;
}

export const trainingMethods = {
  'competencies.model': method(z.object({ includeArchived: z.boolean().default(false) }), 'signedIn').returns<CompetencyModel>(),
  'competencies.create': method(competencyInput, ['trainer'], WRITES).returns<Competency>(),
  'competencies.update': method(z.object({ id, data: competencyInput }), ['trainer'], WRITES).returns<Competency>(),
  'competencies.setArchived': method(z.object({ id, archived: z.boolean() }), ['trainer'], WRITES).returns<Competency>(),
  'competencies.setTarget': method(
    z.object({ jobRoleId: id, competencyId: id, level: z.number().int().min(1).max(5).nullable() }),
    ['trainer'],
    WRITES,
  ).returns<CompetencyModel>(),
  'competencies.setJobRole': method(z.object({ personId: id, jobRoleId: id.nullable() }), ['trainer'], WRITES).returns<{ ok: true }>(),
  'competencies.assess': method(
    z.object({ repId: id, competencyId: id, level: z.number().int().min(1).max(5), note: text(2000).default(''), date: isoDate }),
    ['manager', 'trainer'],
    WRITES,
  ).returns<Assessment>(),
  'competencies.assessments': method(z.object({ repId: id }), ['rep', 'manager', 'trainer']).returns<Assessment[]>(),

  'training.courses.list': method(
    z.object({
      query: text(200).default(''),
      status: z.enum(['draft', 'published', 'archived', 'active']).default('active'),
      ...pageInput,
    }),
    'signedIn',
  ).returns<Page<CourseSummary>>(),
  'training.courses.get': method(z.object({ id }), 'signedIn').returns<CourseDetail>(),
  'training.courses.create': method(courseInput, ['trainer'], WRITES).returns<CourseDetail>(),
  'training.courses.update': method(z.object({ id, data: courseInput }), ['trainer'], WRITES).returns<CourseDetail>(),
  'training.courses.setStatus': method(
    z.object({ id, status: z.enum(['draft', 'published', 'archived']) }),
    ['trainer'],
    WRITES,
  ).returns<CourseDetail>(),
  /** Deletes a course without attempts; a course with attempts is archived instead (result says which). */
  'training.courses.remove': method(z.object({ id }), ['trainer'], WRITES).returns<{
    removed: boolean;
    archived: boolean;
    message: string;
  }>(),
  'training.modules.save': method(
    z.object({ courseId: id, id: id.optional(), title: requiredText(200) }),
    ['trainer'],
    WRITES,
  ).returns<CourseDetail>(),
  'training.modules.remove': method(z.object({ id }), ['trainer'], WRITES).returns<CourseDetail>(),
  'training.items.save': method(itemInput.extend({ id: id.optional() }), ['trainer'], WRITES).returns<CourseDetail>(),
  'training.items.remove': method(z.object({ id }), ['trainer'], WRITES).returns<CourseDetail>(),

  'training.learn.course': method(z.object({ courseId: id }), 'signedIn').returns<LearnerCourse>(),
  'training.learn.completeLesson': method(z.object({ itemId: id }), 'signedIn', WRITES).returns<LearnerCourse>(),
  'training.learn.startQuiz': method(z.object({ itemId: id }), 'signedIn', WRITES).returns<QuizStart>(),
  'training.learn.submitQuiz': method(
    z.object({ itemId: id, answers: z.record(z.string().max(20), z.array(z.string().max(20)).max(12)) }),
    'signedIn',
    WRITES,
  ).returns<QuizResult>(),
  'training.my': method(z.object({ personId: id.nullable().default(null) }), 'signedIn').returns<MyTrainingItem[]>(),

  'training.plans.list': method(z.object({}), ['manager', 'trainer']).returns<Plan[]>(),
  'training.plans.save': method(z.object({ id: id.optional(), data: planInput }), ['trainer'], WRITES).returns<PlanSaveResult>(),
  'training.assignments.list': method(
    z.object({
      status: z.enum(['not_started', 'in_progress', 'completed', 'overdue']).nullable().default(null),
      teamId: id.nullable().default(null),
      courseId: id.nullable().default(null),
      ...pageInput,
    }),
    ['rep', 'manager', 'trainer'],
  ).returns<Page<AssignmentRow>>(),
  'training.dashboard': method(z.object({ teamId: id.nullable().default(null) }), ['manager', 'trainer']).returns<Dashboard>(),
  'training.itemAnalysis': method(z.object({ itemId: id }), ['trainer']).returns<ItemAnalysis>(),
  /** A trainer allows one more attempt to someone who used them all. */
  'training.attempts.grant': method(z.object({ itemId: id, personId: id }), ['trainer'], WRITES).returns<ItemAnalysis>(),
  'training.certificates.list': method(z.object({ personId: id }), 'signedIn').returns<Certificate[]>(),
  'training.certificates.get': method(z.object({ id }), 'signedIn').returns<Certificate>(),

  'training.competence.profile': method(z.object({ personId: id }), ['rep', 'manager', 'trainer']).returns<CompetenceProfile>(),
  'training.competence.explain': method(z.object({ personId: id, competencyId: id, asOf: isoDate.optional() }), [
    'rep',
    'manager',
    'trainer',
  ]).returns<CompetenceExplanation>(),

  'training.drills.session': method(z.object({ limit: z.number().int().min(1).max(100).default(20) }), 'signedIn').returns<DrillSession>(),
  'training.drills.review': method(
    z.object({ cardId: id, rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), typed: text(4000).default('') }),
    'signedIn',
    WRITES,
  ).returns<{ nextDue: string }>(),
  'training.drills.settings': method(
    z.object({ desiredRetention: z.number().min(0.7).max(0.97).optional() }),
    'signedIn',
    (i) => i.desiredRetention !== undefined,
  ).returns<{ desiredRetention: number }>(),
};
