/**
 * Quizzes: question kinds, validation (a question must have a correct answer…)
 * and grading. Pure: the main side grades, the renderer previews with the same code.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse', 'ordering'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuizOption {
  id: string;
  text: string;
}

export interface QuizQuestion {
  id: number | string;
  kind: QuestionKind;
  prompt: string;
  options: QuizOption[];
  /** Option ids: the right one(s); for ordering, all ids in the right order. */
  correct: string[];
  explanation: string;
}

export interface QuizProblem {
  /** 0-based question index, or -1 for the quiz itself. */
  question: number;
  field: 'correct' | 'options' | 'prompt' | 'passMark' | 'attemptsAllowed' | 'questions';
  code:
    | 'no_correct'
    | 'several_correct'
    | 'too_few_options'
    | 'unknown_option'
    | 'empty_prompt'
    | 'pass_mark_range'
    | 'attempts_range'
    | 'no_questions'
    | 'duplicate_option'
    | 'bad_order';
  message: string;
}

export function validateQuiz(q: { passMark: number; attemptsAllowed: number; questions: QuizQuestion[] }): QuizProblem[] {
  const out: QuizProblem[] = [];
  if (!Number.isFinite(q.passMark) || q.passMark < 0 || q.passMark > 100)
    out.push({ question: -1, field: 'passMark', code: 'pass_mark_range', message: 'The pass mark must be between 0 and 100 %.' });
  if (!Number.isInteger(q.attemptsAllowed) || q.attemptsAllowed < 0 || q.attemptsAllowed > 100)
    out.push({ question: -1, field: 'attemptsAllowed', code: 'attempts_range', message: 'Attempts allowed must be 0 (unlimited) to 100.' });
  if (!q.questions.length)
    out.push({ question: -1, field: 'questions', code: 'no_questions', message: 'A quiz needs at least one question.' });
  q.questions.forEach((qq, i) => {
    const n = i + 1;
    if (!qq.prompt.trim()) out.push({ question: i, field: 'prompt', code: 'empty_prompt', message: `Question ${n} has no text.` });
    const ids = qq.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length)
      out.push({ question: i, field: 'options', code: 'duplicate_option', message: `Question ${n} has two options with the same id.` });
    const minOptions = qq.kind === 'truefalse' ? 2 : 2;
    if (qq.options.filter((o) => o.text.trim()).length < minOptions)
      out.push({ question: i, field: 'options', code: 'too_few_options', message: `Question ${n} needs at least two answer options.` });
    if (qq.correct.some((c) => !ids.includes(c)))
      out.push({
        question: i,
        field: 'correct',
        code: 'unknown_option',
        message: `Question ${n} marks an answer that is not among its options.`,
      });
    if (qq.kind === 'ordering') {
      if (qq.correct.length !== ids.length || new Set(qq.correct).size !== ids.length)
        out.push({
          question: i,
          field: 'correct',
          code: 'bad_order',
          message: `Question ${n}: the correct order must list every option once.`,
        });
    } else if (qq.correct.length === 0) {
      out.push({
        question: i,
        field: 'correct',
        code: 'no_correct',
        message: `Question ${n} has no correct answer. Mark at least one option as correct.`,
      });
    } else if ((qq.kind === 'single' || qq.kind === 'truefalse') && qq.correct.length > 1) {
      out.push({
        question: i,
        field: 'correct',
        code: 'several_correct',
        message: `Question ${n} is single-choice but has ${qq.correct.length} correct answers.`,
      });
    }
  });
  return out;
}

/** Whether one answer is right: exact option for single/true-false, exact set for multiple, exact sequence for ordering. */
export function isAnswerCorrect(q: Pick<QuizQuestion, 'kind' | 'correct'>, answer: string[] | undefined): boolean {
  if (!answer || !answer.length) return false;
  if (q.kind === 'ordering') return answer.length === q.correct.length && answer.every((a, i) => a === q.correct[i]);
  if (q.kind === 'multiple') {
    const set = new Set(answer);
    return set.size === q.correct.length && q.correct.every((c) => set.has(c));
  }
  return answer.length === 1 && answer[0] === q.correct[0];
}

export interface GradedQuiz {
  score: number;
  correctCount: number;
  total: number;
  passed: boolean;
  perQuestion: { id: number | string; correct: boolean }[];
}

/** Score = % of questions answered exactly right (all-or-nothing per question); passed when score ≥ pass mark. */
export function gradeQuiz(
  questions: Pick<QuizQuestion, 'id' | 'kind' | 'correct'>[],
  answers: Record<string, string[]>,
  passMark: number,
): GradedQuiz {
  const perQuestion = questions.map((q) => ({ id: q.id, correct: isAnswerCorrect(q, answers[String(q.id)]) }));
  const correctCount = perQuestion.filter((p) => p.correct).length;
  const total = questions.length;
  const score = total ? Math.round((correctCount / total) * 1000) / 10 : 0;
  return { score, correctCount, total, passed: score >= passMark, perQuestion };
}

/** Deterministic shuffle (seeded), so a reloaded attempt shows the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0 || 1;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
