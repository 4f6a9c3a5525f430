/**
 * Demo training data: the competency model with job roles, 12 courses, plans
 * with assignments in every status, a year of quiz attempts, drill history and
 * manager assessments. Results derive from each rep's hidden skill (ctx.skill)
 * plus a per-competency offset and noise, consistent with their call scores.
 */
import type { DemoContext } from './context';
import { DEMO_COURSES } from './training-content';
import { clock } from '../training/clock';
import { ensureCompetencyModel } from '../training/model';
import { createCourse, saveItem, setCourseStatus } from '../training/courses';
import { savePlan } from '../training/plans';
import { completeLesson, submitQuiz } from '../training/learn';
import { reviewCard, syncDrillCards } from '../training/drills';
import type { DrillRating } from '../../../shared/domain/drills';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function seedTraining(ctx: DemoContext) {
  const { db, rng, now } = ctx;
  const realNow = clock.now;
  const at = (d: Date) => (clock.now = () => d);
  const daysAgo = (n: number, hour = 10) => new Date(now.getTime() - n * DAY + (hour - 12) * 3600_000);
  try {
    at(daysAgo(400));
    ensureCompetencyModel(db);
    const comps = new Map(
      (db.prepare('SELECT id, key FROM competencies').all() as { id: number; key: string }[]).map((r) => [r.key, r.id]),
    );
    const trainer = ctx.trainers[0]?.id ?? null;

    // Job roles by tenure: under 3 years junior, over 5 years senior.
    const roles = new Map((db.prepare('SELECT id, key FROM job_roles').all() as { id: number; key: string }[]).map((r) => [r.key, r.id]));
    const setRole = db.prepare('INSERT OR REPLACE INTO job_role_members(person_id, job_role_id) VALUES (?, ?)');
    for (const r of ctx.reps) {
      const months = r.hiredAt ? (now.getTime() - Date.parse(r.hiredAt)) / (30.4 * DAY) : 24;
      setRole.run(r.id, roles.get(months < 36 ? 'junior_rep' : months > 60 ? 'senior_rep' : 'rep'));
    }

    // Per rep × competency skill = overall skill + a stable offset (some reps are better closers than listeners).
    const compSkill = new Map<string, number>();
    const skillOf = (repId: number, compKey: string) => {
      const k = `${repId}:${compKey}`;
      if (!compSkill.has(k)) compSkill.set(k, Math.min(0.98, Math.max(0.05, (ctx.skill.get(repId) ?? 0.5) + rng.normal(0, 0.12))));
      return compSkill.get(k)!;
    };

    // Courses.
    const courses: {
      key: string;
      id: number;
      quizzes: { id: number; questions: { id: number; kind: string; options: { id: string }[]; correct: string[] }[] }[];
      lessons: number[];
      comps: string[];
    }[] = [];
    for (const c of DEMO_COURSES) {
      const created = createCourse(
        db,
        {
          title: c.title,
          description: c.description,
          language: c.language,
          competencyIds: c.competencies.map((k) => comps.get(k)!).filter(Boolean),
        },
        trainer,
      );
      let moduleId = created.modules[0].id;
      c.modules.forEach((m, mi) => {
        if (mi === 0) db.prepare('UPDATE course_modules SET title = ? WHERE id = ?').run(m.title, moduleId);
        else
          moduleId = Number(
            db.prepare('INSERT INTO course_modules(course_id, position, title) VALUES (?, ?, ?)').run(created.id, mi, m.title)
              .lastInsertRowid,
          );
        for (const l of m.lessons)
          saveItem(
            db,
            { moduleId, kind: 'lesson', title: l.title, bodyMd: l.md, passMark: 80, attemptsAllowed: 0, shuffle: false, questions: [] },
            trainer,
          );
        if (m.quiz)
          saveItem(
            db,
            {
              moduleId,
              kind: 'quiz',
              title: m.quiz.title,
              bodyMd: '',
              passMark: m.quiz.passMark,
              attemptsAllowed: m.quiz.attempts,
              shuffle: true,
              questions: m.quiz.questions.map((q) => ({
                kind: q.kind,
                prompt: q.prompt,
                options: q.options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
                correct:
                  q.kind === 'ordering'
                    ? q.options.map((_, i) => String.fromCharCode(97 + i))
                    : q.correct.map((i) => String.fromCharCode(97 + i)),
                explanation: q.explanation,
              })),
            },
            trainer,
          );
      });
      if (c.status !== 'draft') setCourseStatus(db, created.id, 'published', trainer);
      const items = db
        .prepare('SELECT id, kind FROM course_items WHERE course_id = ? AND removed = 0 ORDER BY module_id, position')
        .all(created.id) as { id: number; kind: string }[];
      courses.push({
        key: c.key,
        id: created.id,
        comps: c.competencies,
        lessons: items.filter((i) => i.kind === 'lesson').map((i) => i.id),
        quizzes: items
          .filter((i) => i.kind === 'quiz')
          .map((i) => ({
            id: i.id,
            questions: (
              db.prepare('SELECT id, kind, options_json, correct_json FROM quiz_questions WHERE item_id = ? AND removed = 0').all(i.id) as {
                id: number;
                kind: string;
                options_json: string;
                correct_json: string;
              }[]
            ).map((q) => ({
              id: q.id,
              kind: q.kind,
              options: JSON.parse(q.options_json) as { id: string }[],
              correct: JSON.parse(q.correct_json) as string[],
            })),
          })),
      });
    }
    const byKey = new Map(courses.map((c) => [c.key, c]));

    /** One rep works through a course starting on `start`: lessons, then the quiz until passed or out of attempts. */
    // Some people test better than they sell: a stable per-rep quiz bias.
    const quizBias = new Map(ctx.reps.map((r) => [r.id, rng.normal(0, 0.12)]));
    const take = (repId: number, key: string, start: Date, opts: { finish: boolean }) => {
      const c = byKey.get(key)!;
      const s = c.comps.reduce((a, k) => a + skillOf(repId, k), 0) / c.comps.length + (quizBias.get(repId) ?? 0);
      let t = start.getTime();
      const step = () => (t += rng.int(2, 30) * 3600_000 + rng.int(0, 59) * 60_000);
      c.lessons.forEach((l, i) => {
        if (!opts.finish && i > 0 && rng.chance(0.5)) return;
        step();
        if (t > now.getTime()) return;
        at(new Date(t));
        completeLesson(db, l, repId);
      });
      if (!opts.finish && rng.chance(0.6)) return;
      for (const q of c.quizzes) {
        for (let attempt = 0; attempt < 4; attempt++) {
          step();
          if (t > now.getTime()) return;
          const p = Math.min(0.97, Math.max(0.08, s + 0.1 * attempt + rng.normal(0, 0.1)));
          const answers: Record<string, string[]> = {};
          for (const qq of q.questions) {
            const right = rng.chance(p);
            if (right) answers[String(qq.id)] = qq.correct;
            else if (qq.kind === 'ordering') answers[String(qq.id)] = rng.shuffle([...qq.correct]);
            else answers[String(qq.id)] = [rng.pick(qq.options.filter((o) => !qq.correct.includes(o.id))).id];
          }
          at(new Date(t));
          try {
            const r = submitQuiz(db, q.id, answers, repId, new Date(t).toISOString());
            if (r.passed || (!opts.finish && rng.chance(0.5))) break;
          } catch {
            break; // out of attempts: the trainer's dashboard shows them as stuck
          }
        }
      }
    };

    // Plans with assignments; due dates in the past, near and far, so every status occurs.
    const team = (name: string) => ctx.teams[name];
    const repsOf = (teamName: string) => ctx.reps.filter((r) => r.teamId === team(teamName));
    at(daysAgo(120));
    savePlan(
      db,
      undefined,
      {
        name: 'North onboarding',
        courseIds: ['product_en', 'listening_en', 'objections_en'].map((k) => byKey.get(k)!.id),
        target: { kind: 'team', teamIds: [team('North')], personIds: [], roles: [] },
        dueDate: iso(daysAgo(60)),
        recurrenceMonths: null,
      },
      trainer,
    );
    at(daysAgo(40));
    savePlan(
      db,
      undefined,
      {
        name: 'Возражения и сервис (Восток)',
        courseIds: ['objections_ru', 'service_ru', 'channels_zh'].map((k) => byKey.get(k)!.id),
        target: { kind: 'team', teamIds: [team('East')], personIds: [], roles: [] },
        dueDate: iso(daysAgo(-14)),
        recurrenceMonths: null,
      },
      trainer,
    );
    at(daysAgo(25));
    savePlan(
      db,
      undefined,
      {
        name: 'West: closing and CRM',
        courseIds: ['closing_en', 'crm_en'].map((k) => byKey.get(k)!.id),
        target: { kind: 'team', teamIds: [team('West')], personIds: [], roles: [] },
        dueDate: iso(daysAgo(5)),
        recurrenceMonths: null,
      },
      trainer,
    );
    at(daysAgo(200));
    savePlan(
      db,
      undefined,
      {
        name: 'Yearly compliance',
        courseIds: [byKey.get('compliance_en')!.id],
        target: { kind: 'role', roles: ['rep'], teamIds: [], personIds: [] },
        dueDate: iso(daysAgo(150)),
        recurrenceMonths: 12,
      },
      trainer,
    );

    for (const r of repsOf('North')) {
      const s = ctx.skill.get(r.id) ?? 0.5;
      for (const k of ['product_en', 'listening_en', 'objections_en'])
        take(r.id, k, daysAgo(rng.int(70, 118)), { finish: rng.chance(0.35 + s * 0.6) });
    }
    for (const r of repsOf('East'))
      for (const k of ['objections_ru', 'service_ru', 'channels_zh'])
        if (rng.chance(0.75)) take(r.id, k, daysAgo(rng.int(3, 38)), { finish: rng.chance(0.5) });
    for (const r of repsOf('West'))
      for (const k of ['closing_en', 'crm_en']) if (rng.chance(0.7)) take(r.id, k, daysAgo(rng.int(6, 24)), { finish: rng.chance(0.55) });
    for (const r of ctx.reps) if (rng.chance(0.85)) take(r.id, 'compliance_en', daysAgo(rng.int(155, 199)), { finish: true });
    // A year of self-paced learning: earlier runs of the product and listening courses in the other language.
    for (const r of ctx.reps)
      for (const k of ['product_ru', 'listening_ru', 'closing_en'])
        if (rng.chance(0.55) && !(k === 'closing_en' && r.teamId === team('West')))
          take(r.id, k, daysAgo(rng.int(150, 360)), { finish: true });

    // Manager assessments: quarterly (2–4 per competency), the latest within two months, from skill with noise.
    const managerOf = new Map<number | null, number>();
    for (const t of db.prepare('SELECT id, manager_id FROM teams').all() as { id: number; manager_id: number | null }[])
      if (t.manager_id) managerOf.set(t.id, t.manager_id);
    const insA = db.prepare(
      'INSERT INTO competency_assessments(rep_id, competency_id, level, note, assessed_at, assessor_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Managers differ in leniency.
    const leniency = new Map(ctx.managers.map((m) => [m.id, rng.normal(0, 0.1)]));
    const NOTES = ['Quarterly review', 'After call shadowing', 'Квартальная оценка', 'По итогам прослушивания звонков', ''];
    for (const r of ctx.reps)
      for (const [key, cid] of comps) {
        const n = rng.int(2, 4);
        for (let i = 0; i < n; i++) {
          const mgr = managerOf.get(r.teamId ?? null) ?? null;
          const level = Math.min(
            5,
            Math.max(1, Math.round(1 + 4 * (skillOf(r.id, key) + (mgr ? (leniency.get(mgr) ?? 0) : 0) + rng.normal(0, 0.18)))),
          );
          insA.run(r.id, cid, level, rng.pick(NOTES), iso(daysAgo(rng.int(3, 60) + i * 91)), mgr);
        }
      }

    // Drill history for the last three months: recall follows competency skill; FSRS schedules the next review.
    at(daysAgo(95));
    syncDrillCards(db);
    const deck = db.prepare(
      `SELECT DISTINCT d.id, d.competency_id FROM drill_cards d JOIN quiz_questions q ON q.id = d.source_ref AND d.source = 'question'
       JOIN course_items i ON i.id = q.item_id JOIN assignments a ON a.course_id = i.course_id AND a.person_id = ?`,
    );
    const keyOf = new Map([...comps].map(([k, id]) => [id, k]));
    for (const r of ctx.reps) {
      const cards = (deck.all(r.id) as { id: number; competency_id: number | null }[]).slice(0, 14);
      const sessions = [...new Set(Array.from({ length: rng.int(2, 9) }, () => rng.int(1, 90)))].sort((a, b) => b - a);
      for (const ago of sessions) {
        const when = daysAgo(ago, rng.int(8, 18));
        for (const c of cards.slice(0, rng.int(4, cards.length || 4))) {
          const sk = c.competency_id ? skillOf(r.id, keyOf.get(c.competency_id) ?? '') : 0.5;
          const x = sk + rng.normal(0, 0.15);
          const rating: DrillRating = x < 0.35 ? 1 : x < 0.55 ? 2 : x < 0.85 ? 3 : 4;
          reviewCard(db, r.id, c.id, rating, '', new Date(when.getTime() + rng.int(0, 600) * 1000));
        }
      }
    }
    db.prepare('DELETE FROM competence_cache').run();
  } finally {
    clock.now = realNow;
  }
}
