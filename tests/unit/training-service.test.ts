import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { generateDemo } from '../../main/services/demo';
import { createPerson, createTeam, setPersonActive } from '../../main/services/people';
import { seedDefaultCompetencies } from '../../main/services/competencies';
import { clock } from '../../main/services/training/clock';
import { createCourse, getCourse, listCourses, removeCourse, saveItem, setCourseStatus } from '../../main/services/training/courses';
import { completeLesson, learnerCourse, startQuiz, submitQuiz } from '../../main/services/training/learn';
import { assignmentStates, dashboard, grantAttempt, itemAnalysis, myTraining, savePlan } from '../../main/services/training/plans';
import { competenceScores, competenceSeries } from '../../main/services/training/competence';
import { competenceExplanation, competenceProfile } from '../../main/services/training/profile';
import { assess, getModel, setTarget, updateCompetency } from '../../main/services/training/model';
import { drillSession, reviewCard, setDesiredRetention } from '../../main/services/training/drills';

let dir: string;
let db: DB;
const realNow = clock.now;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-training-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  clock.now = realNow;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function setup() {
  seedDefaultCompetencies(db);
  const team = createTeam(db, { name: 'North', description: '', managerId: null });
  const rep = createPerson(db, {
    name: 'Anna Petrova',
    names: { ru: 'Анна Петрова', zh: '' },
    email: 'anna@example.com',
    teamId: team.id,
    roles: ['rep'],
    hiredAt: null,
  });
  const rep2 = createPerson(db, {
    name: 'Ivan Sokolov',
    names: {},
    email: 'ivan@example.com',
    teamId: team.id,
    roles: ['rep'],
    hiredAt: null,
  });
  const trainer = createPerson(db, {
    name: 'Kate Lee',
    names: {},
    email: 'kate@example.com',
    teamId: null,
    roles: ['trainer'],
    hiredAt: null,
  });
  const objection = (db.prepare("SELECT id FROM competencies WHERE key = 'objection_handling'").get() as { id: number }).id;
  const course = createCourse(db, { title: 'Price objections', description: '', language: 'en', competencyIds: [objection] }, trainer.id);
  const moduleId = course.modules[0].id;
  saveItem(
    db,
    {
      moduleId,
      kind: 'lesson',
      title: 'Acknowledge first',
      bodyMd: '# Hi <script>alert(1)</script>',
      passMark: 80,
      attemptsAllowed: 0,
      shuffle: false,
      questions: [],
    },
    trainer.id,
  );
  const withQuiz = saveItem(
    db,
    {
      moduleId,
      kind: 'quiz',
      title: 'Check',
      bodyMd: '',
      passMark: 100,
      attemptsAllowed: 3,
      shuffle: true,
      questions: [
        {
          kind: 'single',
          prompt: 'First step?',
          options: [
            { id: 'a', text: 'Discount' },
            { id: 'b', text: 'Acknowledge' },
          ],
          correct: ['b'],
          explanation: 'Acknowledge first.',
        },
        {
          kind: 'truefalse',
          prompt: 'Argue?',
          options: [
            { id: 't', text: 'True' },
            { id: 'f', text: 'False' },
          ],
          correct: ['f'],
          explanation: '',
        },
      ],
    },
    trainer.id,
  );
  setCourseStatus(db, course.id, 'published', trainer.id);
  const quiz = withQuiz.modules[0].items.find((i) => i.kind === 'quiz')!;
  const lesson = withQuiz.modules[0].items.find((i) => i.kind === 'lesson')!;
  return { team, rep, rep2, trainer, course: withQuiz, quiz, lesson, objection };
}

describe('courses and quizzes', () => {
  it('refuses a quiz with no correct answer and a pass mark over 100, naming the question', () => {
    const { course, trainer } = setup();
    const base = { moduleId: course.modules[0].id, kind: 'quiz' as const, title: 'Bad', bodyMd: '', attemptsAllowed: 1, shuffle: false };
    expect(() =>
      saveItem(
        db,
        {
          ...base,
          passMark: 80,
          questions: [
            {
              kind: 'single',
              prompt: 'Q?',
              options: [
                { id: 'a', text: 'x' },
                { id: 'b', text: 'y' },
              ],
              correct: [],
              explanation: '',
            },
          ],
        },
        trainer.id,
      ),
    ).toThrow(/Question 1 has no correct answer/);
    expect(() =>
      saveItem(
        db,
        {
          ...base,
          passMark: 120,
          questions: [
            {
              kind: 'single',
              prompt: 'Q?',
              options: [
                { id: 'a', text: 'x' },
                { id: 'b', text: 'y' },
              ],
              correct: ['a'],
              explanation: '',
            },
          ],
        },
        trainer.id,
      ),
    ).toThrow(/pass mark/);
    expect(getCourse(db, course.id).quizCount).toBe(1); // nothing half-written
  });

  it('a rep fails once, passes on the second attempt, completes the course and gets a certificate; competence sees the quiz', () => {
    const { rep, quiz, lesson, course, team, trainer, objection } = setup();
    const r = savePlan(
      db,
      undefined,
      {
        name: 'Objections',
        courseIds: [course.id],
        target: { kind: 'team', teamIds: [team.id], personIds: [], roles: [] },
        dueDate: '2099-01-01',
        recurrenceMonths: null,
      },
      trainer.id,
    );
    expect(r.assigned).toBe(2);
    expect(myTraining(db, rep.id)[0].status).toBe('not_started');
    completeLesson(db, lesson.id, rep.id);
    expect(myTraining(db, rep.id)[0]).toMatchObject({ status: 'in_progress', progress: 0.5, nextItemTitle: 'Check' });
    const start = startQuiz(db, quiz.id, rep.id);
    expect(start.questions).toHaveLength(2);
    expect(JSON.stringify(start)).not.toContain('correct');
    const ids = course.modules[0].items.find((i) => i.kind === 'quiz')!.questions.map((q) => q.id);
    const fail = submitQuiz(db, quiz.id, { [ids[0]]: ['b'], [ids[1]]: ['t'] }, rep.id);
    expect(fail).toMatchObject({ score: 50, passed: false, attemptsLeft: 2, courseCompleted: false });
    expect(fail.questions[1].explanation).toBe('');
    const pass = submitQuiz(db, quiz.id, { [ids[0]]: ['b'], [ids[1]]: ['f'] }, rep.id);
    expect(pass).toMatchObject({ score: 100, passed: true, courseCompleted: true });
    expect(pass.certificateId).toBeGreaterThan(0);
    expect(learnerCourse(db, course.id, rep.id).progress).toBe(1);
    expect(myTraining(db, rep.id)[0].status).toBe('completed');
    const ia = itemAnalysis(db, quiz.id);
    expect(ia.attempts).toBe(2);
    expect(ia.questions.map((q) => q.pctCorrect)).toEqual([1, 0.5]);
    const ex = competenceExplanation(db, rep.id, objection);
    expect(
      ex.evidence
        .filter((e) => e.source === 'quiz')
        .map((e) => e.value)
        .sort(),
    ).toEqual([100, 50]);
    expect(ex.evidence[0].label).toContain('Price objections');
    expect(ex.sufficient).toBe(false); // two pieces are not enough
  });

  it('archives instead of deleting a course with attempts', () => {
    const { rep, quiz, course, trainer } = setup();
    submitQuiz(db, quiz.id, {}, rep.id);
    const r = removeCourse(db, course.id, trainer.id);
    expect(r).toMatchObject({ removed: false, archived: true });
    expect(getCourse(db, course.id).status).toBe('archived');
    const empty = createCourse(db, { title: 'Empty', description: '', language: 'en', competencyIds: [] }, trainer.id);
    expect(removeCourse(db, empty.id, trainer.id).removed).toBe(true);
  });

  it('stops at the attempts limit with a clear message', () => {
    const { rep, quiz } = setup();
    for (let i = 0; i < 3; i++) submitQuiz(db, quiz.id, {}, rep.id);
    expect(() => startQuiz(db, quiz.id, rep.id)).toThrow(/used all 3 attempts/);
    const ia = grantAttempt(db, quiz.id, rep.id, null);
    expect(ia.stuck[0]).toMatchObject({ personId: rep.id, attempts: 3, outOfAttempts: false });
    expect(startQuiz(db, quiz.id, rep.id).attemptsLeft).toBe(1);
    submitQuiz(db, quiz.id, {}, rep.id);
    expect(itemAnalysis(db, quiz.id).stuck[0].outOfAttempts).toBe(true);
  });
});

describe('plans and assignments', () => {
  it('warns on a past due date, skips inactive people, and versioning keeps progress', () => {
    const { rep, rep2, course, trainer, lesson } = setup();
    setPersonActive(db, rep2.id, false);
    expect(() =>
      savePlan(
        db,
        undefined,
        {
          name: 'X',
          courseIds: [course.id],
          target: { kind: 'people', personIds: [rep2.id], teamIds: [], roles: [] },
          dueDate: null,
          recurrenceMonths: null,
        },
        trainer.id,
      ),
    ).toThrow(/Ivan Sokolov is inactive/);
    const r = savePlan(
      db,
      undefined,
      {
        name: 'P',
        courseIds: [course.id],
        target: { kind: 'people', personIds: [rep.id, rep2.id], teamIds: [], roles: [] },
        dueDate: '2020-01-01',
        recurrenceMonths: null,
      },
      trainer.id,
    );
    expect(r.assigned).toBe(1);
    expect(r.skippedInactive.map((p) => p.name)).toEqual(['Ivan Sokolov']);
    expect(r.warnings.join(' ')).toMatch(/in the past/);
    expect(assignmentStates(db, { personId: rep.id })[0].status).toBe('overdue');
    completeLesson(db, lesson.id, rep.id);
    // v2 drops the course (assignment retired, progress kept); v3 brings it back with a new due date.
    const other = createCourse(db, { title: 'Other', description: '', language: 'en', competencyIds: [] }, trainer.id);
    saveItem(
      db,
      {
        moduleId: other.modules[0].id,
        kind: 'lesson',
        title: 'L',
        bodyMd: 'x',
        passMark: 80,
        attemptsAllowed: 0,
        shuffle: false,
        questions: [],
      },
      trainer.id,
    );
    setCourseStatus(db, other.id, 'published', trainer.id);
    const v2 = savePlan(
      db,
      r.plan.id,
      {
        name: 'P',
        courseIds: [other.id],
        target: { kind: 'people', personIds: [rep.id], teamIds: [], roles: [] },
        dueDate: '2099-01-01',
        recurrenceMonths: null,
      },
      trainer.id,
    );
    expect(v2).toMatchObject({ assigned: 1, retired: 1, kept: 0 });
    expect(v2.plan.version).toBe(2);
    const v3 = savePlan(
      db,
      r.plan.id,
      {
        name: 'P',
        courseIds: [course.id, other.id],
        target: { kind: 'people', personIds: [rep.id], teamIds: [], roles: [] },
        dueDate: '2099-01-01',
        recurrenceMonths: null,
      },
      trainer.id,
    );
    expect(v3).toMatchObject({ assigned: 0, kept: 2, retired: 0 });
    const a = assignmentStates(db, { personId: rep.id }).find((x) => x.courseId === course.id)!;
    expect(a).toMatchObject({ status: 'in_progress', progress: 0.5 });
    expect(db.prepare('SELECT count(*) AS n FROM plan_versions WHERE plan_id = ?').get(r.plan.id)).toEqual({ n: 3 });
  });

  it('refuses draft and archived courses', () => {
    const { rep, trainer } = setup();
    const d = createCourse(db, { title: 'Draft one', description: '', language: 'en', competencyIds: [] }, trainer.id);
    expect(() =>
      savePlan(
        db,
        undefined,
        {
          name: 'X',
          courseIds: [d.id],
          target: { kind: 'people', personIds: [rep.id], teamIds: [], roles: [] },
          dueDate: null,
          recurrenceMonths: null,
        },
        trainer.id,
      ),
    ).toThrow(/draft/);
  });
});

describe('competency model, competence cache and drills', () => {
  it('edits levels and targets; assessments feed an incremental cache', () => {
    const { rep, rep2, objection } = setup();
    const m = getModel(db);
    expect(m.competencies).toHaveLength(6);
    expect(m.competencies[0].levels[2].ru).not.toBe('');
    expect(m.jobRoles.map((r) => r.key)).toEqual(['junior_rep', 'rep', 'senior_rep']);
    const c = m.competencies.find((x) => x.id === objection)!;
    updateCompetency(
      db,
      c.id,
      {
        name: c.name,
        names: c.names,
        description: c.description,
        levels: c.levels.map((l, i) => (i === 4 ? { ...l, en: 'Writes the playbook' } : l)),
      },
      null,
    );
    expect(getModel(db).competencies.find((x) => x.id === objection)!.levels[4].en).toBe('Writes the playbook');
    setTarget(db, m.jobRoles[1].id, objection, 4, null);
    expect(getModel(db).targets[`${m.jobRoles[1].id}:${objection}`]).toBe(4);

    const before = competenceScores(db);
    expect(before.filter((s) => s.repId === rep.id)).toHaveLength(7); // 6 competencies + overall
    expect(before.every((s) => s.score === null && !s.sufficient)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    for (const level of [4, 4, 5]) assess(db, { repId: rep.id, competencyId: objection, level, note: '', date: today }, null);
    // Only Anna's cache rows were dropped; Ivan's stay.
    expect((db.prepare('SELECT count(*) AS n FROM competence_cache WHERE rep_id = ?').get(rep.id) as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM competence_cache WHERE rep_id = ?').get(rep2.id) as { n: number }).n).toBe(7);
    const after = competenceScores(db, { repIds: [rep.id] }).find((s) => s.competencyId === objection)!;
    expect(after.sufficient).toBe(true);
    expect(after.score).toBeCloseTo((75 + 75 + 100) / 3, 6);
    const p = competenceProfile(db, rep.id);
    const row = p.rows.find((r) => r.competencyId === objection)!;
    expect(row.targetLevel).toBe(4);
    expect(row.gap).toBeCloseTo(75 - 83.3, 0);
    expect(p.trend).toHaveLength(12);
  });

  it('schedules drill reviews with FSRS and feeds drill retention into competence', () => {
    const { rep, course, team, trainer, objection } = setup();
    savePlan(
      db,
      undefined,
      {
        name: 'P',
        courseIds: [course.id],
        target: { kind: 'team', teamIds: [team.id], personIds: [], roles: [] },
        dueDate: null,
        recurrenceMonths: null,
      },
      trainer.id,
    );
    setDesiredRetention(db, 0.85);
    const s = drillSession(db, rep.id, 20);
    expect(s.cards.map((c) => c.prompt).sort()).toEqual(['Argue?', 'First step?']);
    expect(s.cards[0].isNew).toBe(true);
    expect(s.desiredRetention).toBe(0.85);
    const card = s.cards[0];
    const { nextDue } = reviewCard(db, rep.id, card.id, 3, 'acknowledge');
    expect(Date.parse(nextDue)).toBeGreaterThan(Date.now());
    const again = drillSession(db, rep.id, 20);
    expect(again.cards.map((c) => c.id)).not.toContain(card.id); // not due yet
    expect(again.reviewedToday).toBe(1);
    const ex = competenceExplanation(db, rep.id, objection);
    expect(ex.evidence.find((e) => e.source === 'drill')!.value).toBe(85);
  });
});

describe('demo workspace', () => {
  it('seeds training with every assignment status and a dashboard', () => {
    const ctx = generateDemo(db, { filesDir: path.join(dir, 'files'), now: new Date('2026-11-20T10:00:00Z') });
    clock.now = () => new Date('2026-11-20T10:00:00Z');
    const d = dashboard(db, null);
    for (const s of ['not_started', 'in_progress', 'completed', 'overdue'] as const) expect(d.counts[s]).toBeGreaterThan(0);
    expect(d.stuck.length).toBeGreaterThan(0);
    expect((db.prepare('SELECT count(*) AS n FROM courses').get() as { n: number }).n).toBeGreaterThanOrEqual(8);
    const scores = competenceScores(db);
    const sufficient = scores.filter((s) => s.competencyId != null && s.sufficient);
    expect(sufficient.length).toBeGreaterThan(ctx.reps.length * 2);
    // Competence follows the hidden skill (with noise): positive correlation.
    const overall = scores.filter((s) => s.competencyId == null && s.score != null);
    const xs = overall.map((s) => ctx.skill.get(s.repId)!);
    const ys = overall.map((s) => s.score!);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const cov = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const r = cov / Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(0.99);
    // A series read once equals per-date reads.
    const dates = ['2026-05-31', '2026-08-31', '2026-11-20'];
    const series = competenceSeries(db, { dates, repIds: ctx.reps.slice(0, 5).map((r) => r.id) });
    for (const d of dates.slice(0, 2)) {
      const one = competenceScores(db, { asOf: d, repIds: ctx.reps.slice(0, 5).map((r) => r.id) });
      expect(series.filter((s) => s.asOf === d)).toEqual(one);
    }
    console.log(`competence~skill r=${r.toFixed(2)}`);
  });
  it('the Courses list, the course page and the dashboard count assigned/completed the same way', () => {
    generateDemo(db, { filesDir: path.join(dir, 'files'), now: new Date('2026-11-20T10:00:00Z') });
    clock.now = () => new Date('2026-11-20T10:00:00Z');
    const d = dashboard(db, null);
    const list = listCourses(db, { query: '', status: 'active', offset: 0, limit: 100 }).rows;
    expect(d.byCourse.length).toBeGreaterThan(0);
    for (const c of list) {
      const dash = d.byCourse.find((x) => x.courseId === c.id);
      expect([c.assignedCount, c.completedCount], c.title).toEqual([dash?.total ?? 0, dash?.completed ?? 0]);
      expect(c.completedCount).toBeLessThanOrEqual(c.assignedCount);
      const page = getCourse(db, c.id);
      expect([page.assignedCount, page.completedCount]).toEqual([c.assignedCount, c.completedCount]);
    }
    // the dashboard's totals are the same people × courses
    expect(d.counts.completed).toBe(d.byCourse.reduce((a, c) => a + c.completed, 0));
  });
  it('two plans giving one course to one person count once', () => {
    const { rep, course, team, trainer } = setup();
    const plan = {
      courseIds: [course.id],
      target: { kind: 'team' as const, teamIds: [team.id], personIds: [], roles: [] },
      dueDate: null,
      recurrenceMonths: null,
    };
    savePlan(db, undefined, { name: 'A', ...plan }, trainer.id);
    savePlan(
      db,
      undefined,
      { name: 'B', ...plan, target: { kind: 'people' as const, teamIds: [], personIds: [rep.id], roles: [] } },
      trainer.id,
    );
    expect(assignmentStates(db, { courseId: course.id }).length).toBe(3);
    expect(getCourse(db, course.id).assignedCount).toBe(2);
    expect(dashboard(db, null).byCourse.find((c) => c.courseId === course.id)!.total).toBe(2);
  });
});

describe('drills robustness', () => {
  it('accepts a review stamped before the previous one (clock skew) without breaking FSRS', () => {
    const { rep, course, team, trainer } = setup();
    savePlan(
      db,
      undefined,
      {
        name: 'P',
        courseIds: [course.id],
        target: { kind: 'team', teamIds: [team.id], personIds: [], roles: [] },
        dueDate: null,
        recurrenceMonths: null,
      },
      trainer.id,
    );
    const card = drillSession(db, rep.id, 5).cards[0];
    reviewCard(db, rep.id, card.id, 3, '', new Date('2026-05-02T10:00:00Z'));
    expect(() => reviewCard(db, rep.id, card.id, 3, '', new Date('2026-05-01T09:00:00Z'))).not.toThrow();
  });
  it('seeds the demo for any "now" (times of day around midnight)', () => {
    for (const now of ['2026-03-01T00:30:00Z', '2026-03-01T23:40:00Z']) {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-demo-'));
      const w = openWorkspaceDb(path.join(d, 'w.sqlite'), { create: true }).db;
      expect(() => generateDemo(w, { filesDir: path.join(d, 'files'), now: new Date(now) })).not.toThrow();
      w.close();
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
