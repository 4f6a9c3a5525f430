import { describe, expect, it } from 'vitest';
import {
  HALF_LIFE_DAYS,
  SOURCE_WEIGHTS,
  blendCompetence,
  decayFactor,
  explainCompetence,
  levelToScore,
  overallCompetence,
  type Evidence,
} from '../../shared/domain/competence';
import { gradeQuiz, isAnswerCorrect, seededShuffle, validateQuiz, type QuizQuestion } from '../../shared/domain/quiz';
import { addMonths, assignmentStatus, isPastDue } from '../../shared/domain/assignment';
import { newCardState, scheduleReview } from '../../shared/domain/drills';

describe('competence blend', () => {
  const asOf = '2026-06-30';
  it('halves the weight of evidence every 90 days', () => {
    expect(HALF_LIFE_DAYS).toBe(90);
    expect(decayFactor(0)).toBe(1);
    expect(decayFactor(90)).toBeCloseTo(0.5, 10);
    expect(decayFactor(180)).toBeCloseTo(0.25, 10);
  });
  it('maps assessment levels 1..5 to 0..100', () => {
    expect([1, 2, 3, 4, 5].map(levelToScore)).toEqual([0, 25, 50, 75, 100]);
  });
  it('averages one source with decay weights (worked example)', () => {
    // 80 today (weight 1), 40 ninety days ago (weight 0.5), 100 today (weight 1): (80 + 20 + 100) / 2.5 = 80
    const ev: Evidence[] = [
      { source: 'quiz', value: 80, at: '2026-06-30' },
      { source: 'quiz', value: 40, at: '2026-04-01' },
      { source: 'quiz', value: 100, at: '2026-06-30' },
    ];
    const r = blendCompetence(ev, asOf);
    expect(r.rawScore).toBeCloseTo(80, 6);
    expect(r.n).toBe(3);
    expect(r.effective).toBeCloseTo(2.5, 6);
    expect(r.sufficient).toBe(false); // 2.5 fresh-equivalent pieces < 3
    expect(r.score).toBeNull();
  });
  it('blends sources by their weights once each is saturated (two fresh pieces)', () => {
    const ev: Evidence[] = [
      { source: 'call', value: 90, at: asOf },
      { source: 'call', value: 90, at: asOf },
      { source: 'quiz', value: 40, at: asOf },
      { source: 'quiz', value: 40, at: asOf },
    ];
    const r = blendCompetence(ev, asOf);
    const expected = (SOURCE_WEIGHTS.call * 90 + SOURCE_WEIGHTS.quiz * 40) / (SOURCE_WEIGHTS.call + SOURCE_WEIGHTS.quiz);
    expect(r.score).toBeCloseTo(expected, 6); // (0.4·90 + 0.2·40) / 0.6 = 73.33
    expect(r.sufficient).toBe(true);
    expect(r.sources.map((s) => s.source)).toEqual(['call', 'quiz']);
    expect(r.sources[0].share).toBeCloseTo(2 / 3, 6);
  });
  it('gives a thin source proportionally less weight', () => {
    const ev: Evidence[] = [
      { source: 'call', value: 100, at: asOf },
      { source: 'call', value: 100, at: asOf },
      { source: 'call', value: 100, at: asOf },
      { source: 'assessment', value: 0, at: asOf },
    ];
    const r = blendCompetence(ev, asOf);
    // assessment confidence = 1/2 → weight 0.125 vs call 0.4: 40 / 0.525
    expect(r.score).toBeCloseTo(40 / 0.525, 6);
  });
  it('ignores evidence after asOf and reports too little evidence honestly', () => {
    const r = blendCompetence([{ source: 'quiz', value: 100, at: '2026-07-15' }], asOf);
    expect(r.n).toBe(0);
    expect(r.rawScore).toBeNull();
    const one = blendCompetence([{ source: 'assessment', value: 75, at: asOf }], asOf);
    expect(one.sufficient).toBe(false);
    expect(one.score).toBeNull();
    expect(one.rawScore).toBe(75);
  });
  it('explains every piece; shares sum to 1 and newer pieces carry more', () => {
    const ev: Evidence[] = [
      { source: 'quiz', value: 60, at: '2026-06-29', label: 'new' },
      { source: 'quiz', value: 60, at: '2026-01-01', label: 'old' },
      { source: 'drill', value: 85, at: '2026-06-20' },
      { source: 'drill', value: 85, at: '2026-06-21' },
    ];
    const { items } = explainCompetence(ev, asOf);
    expect(items.reduce((a, i) => a + i.share, 0)).toBeCloseTo(1, 8);
    const nw = items.find((i) => i.label === 'new')!;
    const old = items.find((i) => i.label === 'old')!;
    expect(nw.share).toBeGreaterThan(old.share);
    expect(old.decay).toBeLessThan(0.35);
  });
  it('overall = mean of sufficient competencies', () => {
    expect(
      overallCompetence([
        { score: 80, sufficient: true, n: 5 },
        { score: 60, sufficient: true, n: 4 },
        { score: null, sufficient: false, n: 1 },
      ]),
    ).toEqual({ score: 70, n: 10, sufficient: true });
    expect(overallCompetence([{ score: null, sufficient: false, n: 1 }]).score).toBeNull();
  });
});

describe('quiz grading and validation', () => {
  const qs: QuizQuestion[] = [
    {
      id: 1,
      kind: 'single',
      prompt: 'Warranty?',
      options: [
        { id: 'a', text: '1 year' },
        { id: 'b', text: '2 years' },
      ],
      correct: ['b'],
      explanation: '',
    },
    {
      id: 2,
      kind: 'multiple',
      prompt: 'Open questions?',
      options: [
        { id: 'a', text: 'What…' },
        { id: 'b', text: 'Do you…' },
        { id: 'c', text: 'How…' },
      ],
      correct: ['a', 'c'],
      explanation: '',
    },
    {
      id: 3,
      kind: 'truefalse',
      prompt: 'Interrupt?',
      options: [
        { id: 't', text: 'True' },
        { id: 'f', text: 'False' },
      ],
      correct: ['f'],
      explanation: '',
    },
    {
      id: 4,
      kind: 'ordering',
      prompt: 'Order',
      options: [
        { id: 'x', text: 'Greet' },
        { id: 'y', text: 'Ask' },
        { id: 'z', text: 'Close' },
      ],
      correct: ['x', 'y', 'z'],
      explanation: '',
    },
  ];
  it('grades each kind all-or-nothing', () => {
    expect(isAnswerCorrect(qs[1], ['c', 'a'])).toBe(true);
    expect(isAnswerCorrect(qs[1], ['a'])).toBe(false);
    expect(isAnswerCorrect(qs[1], ['a', 'b', 'c'])).toBe(false);
    expect(isAnswerCorrect(qs[3], ['x', 'z', 'y'])).toBe(false);
    expect(isAnswerCorrect(qs[0], undefined)).toBe(false);
    const g = gradeQuiz(qs, { '1': ['b'], '2': ['a', 'c'], '3': ['t'], '4': ['x', 'y', 'z'] }, 80);
    expect(g).toMatchObject({ score: 75, correctCount: 3, total: 4, passed: false });
    expect(gradeQuiz(qs, { '1': ['b'], '2': ['a', 'c'], '3': ['f'], '4': ['x', 'y', 'z'] }, 80).passed).toBe(true);
  });
  it('refuses a question without a correct answer and a pass mark over 100', () => {
    const bad = validateQuiz({ passMark: 120, attemptsAllowed: 3, questions: [{ ...qs[0], correct: [] }] });
    expect(bad.map((p) => p.code).sort()).toEqual(['no_correct', 'pass_mark_range']);
    expect(bad.find((p) => p.code === 'no_correct')!.message).toMatch(/Question 1 has no correct answer/);
    expect(validateQuiz({ passMark: 80, attemptsAllowed: 3, questions: [{ ...qs[0], correct: ['a', 'b'] }] })[0].code).toBe(
      'several_correct',
    );
    expect(validateQuiz({ passMark: 80, attemptsAllowed: 3, questions: qs })).toEqual([]);
  });
  it('shuffles deterministically', () => {
    const a = seededShuffle([1, 2, 3, 4, 5, 6], 42);
    expect(seededShuffle([1, 2, 3, 4, 5, 6], 42)).toEqual(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('assignment status', () => {
  const base = { assignedAt: '2026-01-10', recurrenceMonths: null, completedAt: null, lastActivityAt: null };
  it('moves not started → in progress → completed, and overdue after the due date', () => {
    expect(assignmentStatus({ ...base, dueDate: '2026-02-01', today: '2026-01-15' }).status).toBe('not_started');
    expect(assignmentStatus({ ...base, dueDate: '2026-02-01', lastActivityAt: '2026-01-20T10:00:00Z', today: '2026-01-25' }).status).toBe(
      'in_progress',
    );
    expect(assignmentStatus({ ...base, dueDate: '2026-02-01', lastActivityAt: '2026-01-20', today: '2026-02-02' }).status).toBe('overdue');
    expect(assignmentStatus({ ...base, dueDate: '2026-02-01', today: '2026-02-01' }).status).toBe('not_started'); // due today is not overdue
    expect(assignmentStatus({ ...base, dueDate: '2026-02-01', completedAt: '2026-02-05T09:00:00Z', today: '2026-03-01' }).status).toBe(
      'completed',
    );
    expect(assignmentStatus({ ...base, dueDate: null, today: '2030-01-01' }).status).toBe('not_started');
  });
  it('recurs: a yearly completion holds until the next cycle, then a new due date applies', () => {
    const y = { ...base, dueDate: '2026-03-01', recurrenceMonths: 12 };
    expect(assignmentStatus({ ...y, completedAt: '2026-02-20', today: '2026-06-01' })).toMatchObject({
      status: 'completed',
      dueDate: '2027-02-20',
    });
    expect(assignmentStatus({ ...y, completedAt: '2026-02-20', today: '2027-01-25' })).toMatchObject({
      status: 'not_started',
      dueDate: '2027-02-20',
    });
    expect(assignmentStatus({ ...y, completedAt: '2026-02-20', lastActivityAt: '2027-02-01', today: '2027-02-05' })).toMatchObject({
      status: 'in_progress',
    });
    expect(assignmentStatus({ ...y, completedAt: '2026-02-20', today: '2027-02-21' })).toMatchObject({
      status: 'overdue',
      dueDate: '2027-02-20',
    });
    expect(assignmentStatus({ ...y, completedAt: '2027-02-10', today: '2027-02-21' })).toMatchObject({
      status: 'completed',
      dueDate: '2028-02-10',
    });
    expect(assignmentStatus({ ...y, today: '2026-04-01' })).toMatchObject({ status: 'overdue', dueDate: '2026-03-01' });
    expect(
      assignmentStatus({ ...y, dueDate: '2026-03-01', recurrenceMonths: 1, completedAt: '2026-03-01', today: '2026-03-20' }).status,
    ).toBe('not_started');
  });
  it('adds months at month ends and warns on past due dates', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(isPastDue('2026-01-01', '2026-01-02')).toBe(true);
    expect(isPastDue('2026-01-02', '2026-01-02')).toBe(false);
  });
});

describe('FSRS drills', () => {
  it('schedules Again sooner than Good sooner than Easy, and lapses count', () => {
    const now = new Date('2026-05-01T09:00:00Z');
    const s = newCardState(now);
    const again = scheduleReview(s, 1, now);
    const good = scheduleReview(s, 3, now);
    const easy = scheduleReview(s, 4, now);
    expect(Date.parse(again.due)).toBeLessThan(Date.parse(good.due));
    expect(Date.parse(good.due)).toBeLessThan(Date.parse(easy.due));
    // A learned card reviewed well grows its interval; forgetting it is a lapse.
    let c = easy;
    let t = new Date(c.due);
    c = scheduleReview(c, 3, t);
    const interval1 = Date.parse(c.due) - t.getTime();
    t = new Date(c.due);
    const c2 = scheduleReview(c, 3, t);
    expect(Date.parse(c2.due) - t.getTime()).toBeGreaterThan(interval1);
    expect(scheduleReview(c2, 1, new Date(c2.due)).lapses).toBe(c2.lapses + 1);
  });
  it('higher desired retention means shorter intervals', () => {
    const now = new Date('2026-05-01T09:00:00Z');
    const learned = scheduleReview(newCardState(now), 4, now);
    const at = new Date(learned.due);
    const low = scheduleReview(learned, 3, at, 0.8);
    const high = scheduleReview(learned, 3, at, 0.95);
    expect(Date.parse(high.due)).toBeLessThan(Date.parse(low.due));
  });
});

describe('blend fast path = explanation', () => {
  it('gives the same numbers as explainCompetence on varied evidence', () => {
    const sources = ['call', 'quiz', 'assessment', 'drill'] as const;
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 50; k++) {
      const ev: Evidence[] = Array.from({ length: Math.floor(rnd() * 12) }, () => ({
        source: sources[Math.floor(rnd() * 4)],
        value: rnd() * 110 - 5,
        at: new Date(Date.parse('2026-06-30T12:00:00Z') - rnd() * 400 * 86_400_000 + rnd() * 20 * 86_400_000).toISOString(),
      }));
      const a = blendCompetence(ev, '2026-06-30');
      const b = explainCompetence(ev, '2026-06-30').result;
      expect(a.n).toBe(b.n);
      expect(a.sufficient).toBe(b.sufficient);
      if (b.rawScore == null) expect(a.rawScore).toBeNull();
      else expect(a.rawScore).toBeCloseTo(b.rawScore, 8);
    }
  });
});
