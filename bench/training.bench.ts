/**
 * Training at scale: 500 reps × 60 courses × 12 months of quiz attempts, plus
 * assessments and drill reviews. Targets (issue 6): trainer dashboard ≤ 100 ms;
 * competence for all reps × competencies ≤ 500 ms; one new attempt updating only
 * that rep ≤ 10 ms. Baselines: the bare SQL each step cannot avoid.
 */
import path from 'node:path';
import { createRng } from '../shared/domain/random';
import { openWorkspaceDb } from '../main/db/open';
import { seedDefaultCompetencies } from '../main/services/competencies';
import { createPerson, createTeam } from '../main/services/people';
import { ensureCompetencyModel } from '../main/services/training/model';
import { assignmentStates, dashboard, myTraining } from '../main/services/training/plans';
import { competenceScores, competenceSeries, loadEvidence } from '../main/services/training/competence';
import { blendCompetence } from '../shared/domain/competence';
import { submitQuiz } from '../main/services/training/learn';
import { DEMO_COURSES } from '../main/services/demo/training-content';
import { report, rssMb, timeEach, timeOnce, tmpDir, type Row } from './lib';

const REPS = 500;
const COURSES = 60;
const DAY = 86_400_000;
const rng = createRng(6);
const dir = tmpDir('training');
const { db } = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true });
seedDefaultCompetencies(db);
ensureCompetencyModel(db);
const comps = (db.prepare('SELECT id FROM competencies ORDER BY id').all() as { id: number }[]).map((r) => r.id);
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();

const t0 = performance.now();
// People: 20 teams of 25 reps.
const FIRST = [
  'Anna',
  'Ivan',
  'Maria',
  'Dmitry',
  'Olga',
  'Sergey',
  'Li',
  'Wang',
  'Zhang',
  'Chen',
  'Elena',
  'Pavel',
  'James',
  'Emily',
  'Sophie',
  'Huang',
];
const LAST = [
  'Petrova',
  'Sokolov',
  'Ivanova',
  'Kuznetsov',
  'Smirnova',
  'Popov',
  'Wei',
  'Fang',
  'Min',
  'Jie',
  'Volkova',
  'Morozov',
  'Carter',
  'Johnson',
  'Martin',
  'Li',
];
const reps: number[] = [];
const skill = new Map<number, number>();
db.transaction(() => {
  const teams = Array.from({ length: 20 }, (_, i) => createTeam(db, { name: `Team ${i + 1}`, description: '', managerId: null }).id);
  for (let i = 0; i < REPS; i++) {
    const p = createPerson(db, {
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)} ${i}`,
      names: {},
      email: `rep${i}@bench.example`,
      teamId: teams[i % 20],
      roles: ['rep'],
      hiredAt: '2022-01-01',
    });
    reps.push(p.id);
    skill.set(p.id, Math.min(0.95, Math.max(0.15, rng.normal(0.6, 0.17))));
  }
})();

// Courses: realistic content cycled from the demo courses; 2 lessons + a quiz of 6–10 questions each.
interface Q {
  id: number;
  correct: string[];
  options: string[];
}
const courses: { id: number; quiz: number; lessons: number[]; qs: Q[] }[] = [];
db.transaction(() => {
  const insC = db.prepare("INSERT INTO courses(title, description, language, status) VALUES (?, ?, ?, 'published')");
  const insCC = db.prepare('INSERT OR IGNORE INTO course_competencies(course_id, competency_id) VALUES (?, ?)');
  const insM = db.prepare('INSERT INTO course_modules(course_id, position, title) VALUES (?, 0, ?)');
  const insI = db.prepare(
    'INSERT INTO course_items(course_id, module_id, position, kind, title, body_md, pass_mark, attempts_allowed) VALUES (?, ?, ?, ?, ?, ?, 80, 0)',
  );
  const insQ = db.prepare(
    'INSERT INTO quiz_questions(item_id, position, kind, prompt, options_json, correct_json, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (let c = 0; c < COURSES; c++) {
    const src = DEMO_COURSES[c % (DEMO_COURSES.length - 1)];
    const id = Number(insC.run(`${src.title} (${Math.floor(c / 11) + 1})`, src.description, src.language).lastInsertRowid);
    insCC.run(id, comps[c % comps.length]);
    if (c % 3 === 0) insCC.run(id, comps[(c + 2) % comps.length]);
    const mod = Number(insM.run(id, src.modules[0].title).lastInsertRowid);
    const lessons = src.modules.flatMap((m) => m.lessons).slice(0, 2);
    const lessonIds = lessons.map((l, i) => Number(insI.run(id, mod, i, 'lesson', l.title, l.md).lastInsertRowid));
    const quiz = Number(insI.run(id, mod, 9, 'quiz', `Quiz ${c + 1}`, '').lastInsertRowid);
    const pool = DEMO_COURSES.flatMap((d) => d.modules.flatMap((m) => m.quiz?.questions ?? []));
    const qs: Q[] = [];
    for (let k = 0; k < rng.int(6, 10); k++) {
      const q = pool[(c * 7 + k) % pool.length];
      const options = q.options.map((_, i) => String.fromCharCode(97 + i));
      const correct = q.kind === 'ordering' ? options : q.correct.map((i) => options[i]);
      const qid = Number(
        insQ.run(
          quiz,
          k,
          q.kind,
          q.prompt,
          JSON.stringify(q.options.map((text, i) => ({ id: options[i], text }))),
          JSON.stringify(correct),
          q.explanation,
        ).lastInsertRowid,
      );
      qs.push({ id: qid, correct, options });
    }
    courses.push({ id, quiz, lessons: lessonIds, qs });
  }
})();

// Plans: each team gets 12 courses (4 plans × 3 courses), due dates spread over the year.
db.transaction(() => {
  const insP = db.prepare('INSERT INTO training_plans(name, current_version) VALUES (?, 1)');
  const insV = db.prepare(
    "INSERT INTO plan_versions(plan_id, version, name, course_ids, target_json, due_date) VALUES (?, 1, ?, ?, '{}', ?)",
  );
  const insA = db.prepare(
    'INSERT INTO assignments(plan_id, plan_version, person_id, course_id, due_date, assigned_at) VALUES (?, 1, ?, ?, ?, ?)',
  );
  for (let team = 0; team < 20; team++)
    for (let p = 0; p < 4; p++) {
      const due = iso(now - rng.int(-60, 330) * DAY).slice(0, 10);
      const cs = [0, 1, 2].map((k) => courses[(team * 3 + p * 13 + k * 7) % COURSES].id);
      const plan = Number(insP.run(`Team ${team + 1} plan ${p + 1}`).lastInsertRowid);
      insV.run(plan, `Team ${team + 1} plan ${p + 1}`, JSON.stringify(cs), due);
      for (let r = team; r < REPS; r += 20) for (const c of cs) insA.run(plan, reps[r], c, due, iso(Date.parse(due) - 45 * DAY));
    }
})();

// A year of attempts (lessons, quizzes with per-question answers, completions), assessments and drill reviews.
let attempts = 0;
db.transaction(() => {
  const insL = db.prepare('INSERT OR IGNORE INTO lesson_progress(person_id, item_id, course_id, completed_at) VALUES (?, ?, ?, ?)');
  const insAt = db.prepare(
    'INSERT INTO quiz_attempts(person_id, item_id, course_id, attempt_no, submitted_at, score, passed, answers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insAns = db.prepare('INSERT INTO attempt_answers(attempt_id, question_id, correct) VALUES (?, ?, ?)');
  const upQP = db.prepare(
    `INSERT INTO quiz_person(person_id, item_id, course_id, attempts, best_score, passed, last_at) VALUES (?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT(person_id, item_id) DO UPDATE SET attempts = attempts + 1, best_score = max(best_score, excluded.best_score), passed = max(passed, excluded.passed), last_at = max(last_at, excluded.last_at)`,
  );
  const upQS = db.prepare(
    'INSERT INTO question_stats(question_id, answered, correct) VALUES (?, 1, ?) ON CONFLICT(question_id) DO UPDATE SET answered = answered + 1, correct = correct + excluded.correct',
  );
  const insComp = db.prepare(
    'INSERT INTO course_completions(person_id, course_id, completed_at, score, certificate_no) VALUES (?, ?, ?, ?, ?)',
  );
  const insAs = db.prepare('INSERT INTO competency_assessments(rep_id, competency_id, level, note, assessed_at) VALUES (?, ?, ?, ?, ?)');
  const insCard = db.prepare(
    "INSERT INTO drill_cards(source, source_ref, competency_id, prompt, answer) VALUES ('question', ?, ?, 'p', 'a')",
  );
  const cards = courses
    .slice(0, 20)
    .flatMap((c, i) =>
      c.qs
        .slice(0, 3)
        .map((q) => ({ id: Number(insCard.run(q.id, comps[i % comps.length]).lastInsertRowid), comp: comps[i % comps.length] })),
    );
  const insRev = db.prepare('INSERT INTO drill_reviews(person_id, card_id, competency_id, rating, reviewed_at) VALUES (?, ?, ?, ?, ?)');
  let cert = 0;
  for (const rep of reps) {
    const s = skill.get(rep)!;
    const taken = rng.shuffle([...courses]).slice(0, rng.int(15, 30));
    for (const c of taken) {
      let t = now - rng.int(1, 365) * DAY;
      for (const l of c.lessons) insL.run(rep, l, c.id, iso((t += 3600_000)));
      for (let a = 1; a <= 3; a++) {
        t += rng.int(1, 48) * 3600_000;
        if (t > now) break;
        const p = Math.min(0.97, Math.max(0.05, s + 0.08 * a + rng.normal(0, 0.12)));
        const right = c.qs.map(() => rng.chance(p));
        const score = Math.round((right.filter(Boolean).length / c.qs.length) * 1000) / 10;
        const passed = score >= 80;
        const id = Number(insAt.run(rep, c.quiz, c.id, a, iso(t), score, passed ? 1 : 0, '{}').lastInsertRowid);
        attempts++;
        c.qs.forEach((q, i) => {
          insAns.run(id, q.id, right[i] ? 1 : 0);
          upQS.run(q.id, right[i] ? 1 : 0);
        });
        upQP.run(rep, c.quiz, c.id, score, passed ? 1 : 0, iso(t));
        if (passed) {
          insComp.run(rep, c.id, iso(t), score, `B-${++cert}`);
          break;
        }
      }
    }
    for (const comp of comps)
      for (let k = 0; k < 4; k++)
        insAs.run(
          rep,
          comp,
          Math.min(5, Math.max(1, Math.round(1 + 4 * (s + rng.normal(0, 0.15))))),
          'Quarterly review',
          iso(now - (rng.int(3, 60) + k * 91) * DAY).slice(0, 10),
        );
    for (let k = 0; k < 150; k++) {
      const card = rng.pick(cards);
      const x = s + rng.normal(0, 0.15);
      insRev.run(
        rep,
        card.id,
        card.comp,
        x < 0.35 ? 1 : x < 0.55 ? 2 : x < 0.85 ? 3 : 4,
        iso(now - rng.int(0, 120) * DAY - rng.int(0, 86_399) * 1000),
      );
    }
  }
})();
// The summaries the services keep on every event (course_progress, drill_daily), built here in bulk.
db.exec(`
  INSERT INTO course_progress(person_id, course_id, done_items, last_activity, completed_at)
  SELECT person_id, course_id, sum(d), max(at), (SELECT max(completed_at) FROM course_completions c WHERE c.person_id = x.person_id AND c.course_id = x.course_id)
  FROM (SELECT person_id, course_id, 1 AS d, completed_at AS at FROM lesson_progress
        UNION ALL SELECT person_id, course_id, passed, last_at FROM quiz_person) x GROUP BY person_id, course_id;
  INSERT INTO drill_daily(person_id, competency_id, day, reviews, value_sum)
  SELECT person_id, competency_id, substr(reviewed_at, 1, 10), count(*), sum(CASE rating WHEN 1 THEN 0 WHEN 2 THEN 50 WHEN 3 THEN 85 ELSE 100 END)
  FROM drill_reviews GROUP BY 1, 2, 3;
`);
db.pragma('wal_checkpoint(TRUNCATE)');
db.exec('ANALYZE');
const genMs = performance.now() - t0;
const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
console.log(
  `generated in ${(genMs / 1000).toFixed(1)} s: reps ${REPS}, courses ${COURSES}, assignments ${count('assignments')}, attempts ${attempts}, answers ${count('attempt_answers')}, assessments ${count('competency_assessments')}, drill reviews ${count('drill_reviews')}`,
);

const rows: Row[] = [];
const runs = Array.from({ length: 30 }, (_, i) => i);

// Trainer dashboard.
const dash = timeEach(runs, () => dashboard(db, null), 3);
rows.push({ metric: 'dashboard (all teams) p95', value: dash.p95, unit: 'ms', target: 100, better: 'lower' });
rows.push({ metric: 'dashboard (all teams) p50', value: dash.p50, unit: 'ms', target: null, better: 'lower' });
const teamDash = timeEach(runs, (i) => dashboard(db, (i % 20) + 1), 3);
rows.push({ metric: 'dashboard (one team) p95', value: teamDash.p95, unit: 'ms', target: 100, better: 'lower' });
const bareAssign = timeEach(runs, () =>
  db
    .prepare(
      'SELECT a.id, a.person_id, a.course_id, a.due_date FROM assignments a JOIN people p ON p.id = a.person_id WHERE a.retired_at IS NULL AND p.active = 1',
    )
    .raw()
    .all(),
);
rows.push({ metric: 'baseline: bare assignments SELECT p50', value: bareAssign.p50, unit: 'ms', target: null, better: 'lower' });
const bareAgg = timeEach(runs, () =>
  db.prepare('SELECT person_id, course_id, sum(passed), max(last_at) FROM quiz_person GROUP BY person_id, course_id').raw().all(),
);
rows.push({ metric: 'baseline: bare progress aggregate SELECT p50', value: bareAgg.p50, unit: 'ms', target: null, better: 'lower' });
const my = timeEach(reps.slice(0, 100), (r) => myTraining(db, r));
rows.push({ metric: 'my training (one rep) p95', value: my.p95, unit: 'ms', target: null, better: 'lower' });

// Competence: full recompute (cache dropped) for all reps × competencies.
if (process.env.PROFILE) {
  const today = new Date().toISOString().slice(0, 10);
  console.log('loadEvidence all', timeOnce(() => loadEvidence(db, today)).toFixed(1));
  const ev = loadEvidence(db, today);
  console.log(
    'blend all',
    timeOnce(() => {
      for (const [, m] of ev) for (const [, list] of m) blendCompetence(list, today);
    }).toFixed(1),
  );
  for (let i = 0; i < 3; i++)
    console.log('dashboard', timeOnce(() => dashboard(db, null)).toFixed(1), 'states', timeOnce(() => assignmentStates(db, {})).toFixed(1));
  console.log(
    'stuck',
    timeOnce(() =>
      db
        .prepare(
          `SELECT q.item_id, count(*) AS n FROM quiz_person q JOIN course_items i ON i.id = q.item_id AND i.removed = 0 JOIN courses c ON c.id = i.course_id AND c.status = 'published' WHERE q.passed = 0 GROUP BY q.item_id ORDER BY n DESC LIMIT 8`,
        )
        .all(),
    ).toFixed(1),
  );
  console.log(
    'avg',
    timeOnce(() => db.prepare('SELECT course_id, avg(best_score) FROM quiz_person GROUP BY course_id').raw().all()).toFixed(1),
  );
  const r0 = reps[300];
  for (let i = 0; i < 3; i++)
    console.log(
      'one-rep',
      timeOnce(() => {
        db.prepare('DELETE FROM competence_cache WHERE rep_id = ?').run(r0);
        competenceScores(db, { repIds: [r0] });
      }).toFixed(2),
      'load',
      timeOnce(() => loadEvidence(db, today, [r0])).toFixed(2),
    );
}
const full = timeEach(
  [0, 1, 2, 3, 4],
  () => {
    db.prepare('DELETE FROM competence_cache').run();
    return competenceScores(db);
  },
  1,
);
rows.push({
  metric: `competence recompute all (${REPS} reps × ${comps.length}) p50`,
  value: full.p50,
  unit: 'ms',
  target: 500,
  better: 'lower',
});
rows.push({ metric: 'competence recompute all, max', value: full.p95, unit: 'ms', target: null, better: 'lower' });
const bareEvidence = timeEach([0, 1, 2, 3, 4], () =>
  db
    .prepare(
      'SELECT a.person_id, cc.competency_id, a.score, a.submitted_at FROM quiz_attempts a JOIN course_competencies cc ON cc.course_id = a.course_id',
    )
    .raw()
    .all(),
);
rows.push({
  metric: 'baseline: bare quiz-evidence SELECT (all reps) p50',
  value: bareEvidence.p50,
  unit: 'ms',
  target: null,
  better: 'lower',
});
const months = Array.from({ length: 12 }, (_, i) => new Date(now - (11 - i) * 30 * DAY).toISOString().slice(0, 10));
rows.push({
  metric: 'competence series: all reps × 12 monthly points',
  value: timeOnce(() => competenceSeries(db, { dates: months })),
  unit: 'ms',
  target: null,
  better: 'lower',
});
const cached = timeEach(runs, () => competenceScores(db));
rows.push({ metric: 'competence read all (cache warm) p50', value: cached.p50, unit: 'ms', target: null, better: 'lower' });

// Incremental: one new attempt drops only that rep's cache; the next read recomputes just that rep.
const sample = reps.slice(0, 60);
const inc = timeEach(
  sample,
  (rep) => {
    const c = courses[rep % COURSES];
    submitQuiz(db, c.quiz, Object.fromEntries(c.qs.map((q) => [String(q.id), q.correct])), rep);
    return competenceScores(db, { repIds: [rep] });
  },
  5,
);
rows.push({ metric: 'incremental: new attempt + that rep recomputed p95', value: inc.p95, unit: 'ms', target: 10, better: 'lower' });
competenceScores(db);
{
  const c = courses[0];
  submitQuiz(db, c.quiz, {}, reps[400]);
  const untouched = (db.prepare('SELECT count(DISTINCT rep_id) AS n FROM competence_cache').get() as { n: number }).n;
  rows.push({
    metric: `reps whose cache survives one new attempt (of ${REPS})`,
    value: untouched,
    unit: 'reps',
    target: REPS - 1,
    better: 'higher',
  });
}
const recompute1 = timeEach(reps.slice(100, 160), (rep) => {
  db.prepare('DELETE FROM competence_cache WHERE rep_id = ?').run(rep);
  return competenceScores(db, { repIds: [rep] });
});
rows.push({ metric: 'incremental: one rep recompute only p95', value: recompute1.p95, unit: 'ms', target: 10, better: 'lower' });
const bareOne = timeEach(reps.slice(100, 160), (rep) =>
  db
    .prepare(
      'SELECT cc.competency_id, a.score, a.submitted_at FROM quiz_attempts a JOIN course_competencies cc ON cc.course_id = a.course_id WHERE a.person_id = ?',
    )
    .raw()
    .all(rep),
);
rows.push({ metric: 'baseline: bare one-rep quiz-evidence SELECT p95', value: bareOne.p95, unit: 'ms', target: null, better: 'lower' });
rows.push({ metric: 'data generation', value: genMs / 1000, unit: 's', target: null, better: 'lower' });
rows.push({ metric: 'rss', value: rssMb(), unit: 'MB', target: null, better: 'lower' });
void timeOnce;
report('training', rows);
db.close();
