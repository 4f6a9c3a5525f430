/**
 * Demo calls and scorecards: the default template (en/ru/zh), the two sample
 * recordings with transcripts, a year of call metadata (no audio) for every
 * rep, evaluations by the team managers derived from each rep's hidden skill
 * with noise and grader leniency, one finished calibration session, coaching
 * notes and a few disputes. Plain prepared statements: runs well under 3 s.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { definitionInput } from '../../../shared/api/scorecards';
import { allCriteria, scaleRange, scoreEvaluation, type TemplateDef } from '../../../shared/domain/scoring';
import { parseTranscript } from '../../../shared/domain/transcript';
import type { AnswerData as _A } from '../../../shared/api/scorecards';
import { putBlob } from '../../files/store';
import { ftsWriter } from '../../db/fts';
import { callSearchText } from '../scorecards/calls';
import { DEFAULT_TEMPLATE_NAME, defaultDefinition } from '../scorecards/defaultTemplate';
import { createTemplate, publishVersion } from '../scorecards/templates';
import type { DemoContext } from './context';

/** Where resources/ is, from source (tests), from dist/main (hosts) or from a packaged app. */
export function resourcesDir(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  // Packaged: electron-builder's extraResources puts resources/demo at <resources>/demo, so <resources> plays the part of resources/.
  const packaged = (process as { resourcesPath?: string }).resourcesPath ?? '';
  const candidates = [
    process.env.SWB_RESOURCES ?? '',
    packaged,
    path.join(here, '..', '..', 'resources'),
    path.join(here, '..', '..', '..', 'resources'),
    path.join(process.cwd(), 'resources'),
  ];
  return candidates.find((c) => c && fs.existsSync(path.join(c, 'demo', 'calls'))) ?? null;
}

const CUSTOMERS = {
  en: [
    'Northwind Supplies',
    'Contoso Retail',
    'Fabrikam Logistics',
    'Tailspin Toys',
    'Adventure Works',
    'Litware Inc.',
    'Proseware Clinics',
    'Wide World Importers',
    'Blue Yonder Airlines',
    'Coho Winery',
    'Alpine Ski House',
    "Margie's Travel",
  ],
  ru: [
    'ООО «Вектор»',
    'АО «Северсталь-Сервис»',
    'ООО «Технопарк»',
    'ИП Смирнова',
    'ООО «СтройМаркет»',
    'ГК «Альфа-Логистик»',
    'ООО «Медицина плюс»',
    'АО «Уралмебель»',
    'ООО «Агроинвест»',
    'ООО «Ромашка»',
  ],
  zh: ['华信科技', '东方物流', '长城建材', '金桥贸易', '海天医疗', '新远家具', '瑞丰食品', '天宇电子'],
};
const OUTCOMES = ['meeting', 'proposal', 'sale', 'no_interest', 'callback', 'proposal', 'meeting', 'callback'] as const;
/** How each criterion sits relative to overall skill (some things are harder for everyone). */
const CRITERION_OFFSET: Record<string, number> = {
  greeting: 0.15,
  listening: -0.05,
  discovery: -0.1,
  product: 0.02,
  politeness: 0.12,
  objections: -0.12,
  holds: 0.1,
  next_step: -0.08,
  summary: -0.05,
  compliance: 0.3,
  extra_mile: -0.35,
};
const COMMENTS: Record<string, { en: string; ru: string }> = {
  listening: {
    en: 'Talked over the customer twice while they explained the delivery problem.',
    ru: 'Дважды перебил клиента, пока тот объяснял проблему с доставкой.',
  },
  discovery: {
    en: 'Went to the price before asking how many workplaces they need.',
    ru: 'Перешёл к цене, не спросив, сколько рабочих мест нужно.',
  },
  objections: { en: 'Good comparison with the warranty when price came up.', ru: 'Хорошо сравнил гарантию, когда речь зашла о цене.' },
  next_step: { en: 'No date agreed for the follow-up call.', ru: 'Не договорились о дате следующего звонка.' },
  product: { en: 'Delivery time quoted wrong (said 5 days, it is 10).', ru: 'Неверно назвал срок доставки (5 дней вместо 10).' },
};

function sha256File(file: string) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function seedScorecards(ctx: DemoContext) {
  const { db, rng, now } = ctx;
  const comp = new Map((db.prepare('SELECT id, key FROM competencies').all() as { id: number; key: string }[]).map((r) => [r.key, r.id]));
  const manager = ctx.managers[0] ?? null;
  const v = createTemplate(
    db,
    {
      name: DEFAULT_TEMPLATE_NAME,
      description: 'Default call-quality scorecard (en/ru/zh)',
      definition: definitionInput.parse(defaultDefinition(comp)),
    },
    manager?.id ?? null,
  );
  publishVersion(db, v.id, manager?.id ?? null);
  const def: TemplateDef = v.definition;
  const criteria = allCriteria(def);
  const keyOf = new Map<number, string>();
  // Criterion keys by position in the default definition (ids are allocated at creation).
  const keys = [
    'greeting',
    'listening',
    'discovery',
    'product',
    'politeness',
    'objections',
    'holds',
    'next_step',
    'summary',
    'compliance',
    'extra_mile',
  ];
  criteria.forEach((c, i) => keyOf.set(c.id, keys[i]));

  const teamManager = new Map<number, number>();
  for (const t of db.prepare('SELECT id, manager_id FROM teams').all() as { id: number; manager_id: number | null }[])
    if (t.manager_id) teamManager.set(t.id, t.manager_id);
  const leniency = new Map<number, number>(ctx.managers.map((m, i) => [m.id, [0.06, -0.07, 0.0][i % 3]]));

  const insCall = db.prepare(
    `INSERT INTO calls(rep_id, team_id, at, customer, channel, direction, duration_ms, outcome, language, audio_sha, audio_type, audio_name, audio_size, audio_codec, transcript, transcript_format, search_text)
     VALUES (?, (SELECT team_id FROM people WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = ftsWriter(db, 'calls_fts', ['body']);
  const insEval = db.prepare(
    `INSERT INTO evaluations(call_id, version_id, grader_id, rep_id, call_at, status, score, auto_failed, fail_reason, calibration_id, created_at, updated_at, submitted_at)
     VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAns = db.prepare(
    'INSERT INTO evaluation_answers(evaluation_id, criterion_id, competency_id, value, na, scale_max, comment, evidence_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insLog = db.prepare("INSERT INTO evaluation_log(evaluation_id, actor_id, at, action, detail) VALUES (?, ?, ?, 'submitted', ?)");
  const updCall = db.prepare('UPDATE calls SET score = ?, evaluations = evaluations + 1 WHERE id = ?');

  /** Scores one call as a grader would: skill + criterion difficulty + grader leniency + noise. */
  const grade = (repId: number, graderId: number, durationMs: number, growth: number, callNoise: number) => {
    const skill = (ctx.skill.get(repId) ?? 0.6) + growth;
    const answers: Record<number, _A> = {};
    for (const c of criteria) {
      const key = keyOf.get(c.id)!;
      const { min, max } = scaleRange(c.scale);
      if (c.naAllowed && rng.chance(key === 'objections' ? 0.2 : 0.35)) {
        answers[c.id] = { value: null, na: true, comment: '', evidenceMs: null };
        continue;
      }
      const p = clamp01(skill + (CRITERION_OFFSET[key] ?? 0) + (leniency.get(graderId) ?? 0) + callNoise + rng.normal(0, 0.14));
      let value = c.scale === 'yes_no' ? (rng.next() < p ? 1 : 0) : Math.round(min + p * (max - min));
      if (key === 'compliance') value = rng.chance(0.025 * (1.4 - skill)) ? 0 : 1;
      const note = COMMENTS[key];
      const comment = note && value <= min + 1 && rng.chance(0.5) ? (rng.chance(0.5) ? note.en : note.ru) : '';
      answers[c.id] = {
        value,
        na: false,
        comment,
        evidenceMs:
          value === min && c.critical
            ? rng.int(5_000, Math.max(6_000, durationMs - 5_000))
            : comment
              ? rng.int(5_000, Math.max(6_000, durationMs - 5_000))
              : null,
      };
    }
    return answers;
  };
  const storeEval = (
    callId: number,
    repId: number,
    graderId: number,
    at: string,
    answers: Record<number, _A>,
    calibrationId: number | null,
  ) => {
    const r = scoreEvaluation(def, answers);
    const submitted = new Date(Date.parse(at) + rng.int(1, 9) * 86_400_000 * 0.5).toISOString();
    const reason = r.failedBy.map((f) => `Critical: ${f.prompt.en}`).join('; ');
    const eid = Number(
      insEval.run(callId, v.id, graderId, repId, at, r.score, r.autoFailed ? 1 : 0, reason, calibrationId, submitted, submitted, submitted)
        .lastInsertRowid,
    );
    for (const c of criteria) {
      const a = answers[c.id];
      insAns.run(eid, c.id, c.competencyId, a.value, a.na ? 1 : 0, scaleRange(c.scale).max, a.comment, a.evidenceMs);
    }
    insLog.run(eid, graderId, submitted, JSON.stringify({ score: r.score }));
    if (!calibrationId) updCall.run(r.score, callId);
    return { eid, score: r.score };
  };

  // 1. The two sample recordings with transcripts.
  const res = resourcesDir();
  const samples = [
    {
      file: 'call-en-northwind',
      rep: 'anna.petrova@example.com',
      customer: 'Northwind Supplies',
      lang: 'en',
      daysAgo: 2,
      script: 'Inbound price request',
    },
    {
      file: 'call-ru-vektor',
      rep: 'ivan.sokolov@example.com',
      customer: 'ООО «Вектор»',
      lang: 'ru',
      daysAgo: 3,
      script: 'Входящий звонок: запрос цены',
    },
  ];
  // The sample calls follow the demo's price-request scripts, so script coverage has something to show.
  const scriptId = (title: string) =>
    (db.prepare('SELECT id FROM scripts WHERE title = ?').get(title) as { id: number } | undefined)?.id ?? null;
  const sampleCallIds: number[] = [];
  for (const s of samples) {
    const rep = ctx.reps.find((r) => r.email === s.rep) ?? ctx.reps[0];
    const at = new Date(now.getTime() - s.daysAgo * 86_400_000).toISOString();
    let audio: [string | null, string, string, number | null, string] = [null, '', '', null, ''];
    let transcript: string | null = null;
    let durationMs: number | null = null;
    if (res) {
      const mp3 = path.join(res, 'demo', 'calls', `${s.file}.mp3`);
      const vtt = path.join(res, 'demo', 'calls', `${s.file}.vtt`);
      if (fs.existsSync(mp3)) {
        const sha = sha256File(mp3);
        putBlob(ctx.filesDir, mp3, sha);
        audio = [sha, 'audio/mpeg', `${s.file}.mp3`, fs.statSync(mp3).size, 'MPEG / MPEG 2 Layer 3'];
      }
      if (fs.existsSync(vtt)) {
        const segs = parseTranscript(fs.readFileSync(vtt, 'utf8')).segments;
        transcript = JSON.stringify(segs);
        durationMs = segs[segs.length - 1].endMs + 600;
      }
    }
    const id = Number(
      insCall.run(
        rep.id,
        rep.id,
        at,
        s.customer,
        'phone',
        'outbound',
        durationMs,
        'proposal',
        s.lang,
        ...audio,
        transcript,
        transcript ? 'vtt' : null,
        callSearchText(s.customer, 'proposal'),
      ).lastInsertRowid,
    );
    fts.put(id, [`${s.customer} proposal`]);
    db.prepare('UPDATE calls SET script_id = ? WHERE id = ?').run(scriptId(s.script), id);
    sampleCallIds.push(id);
  }

  // 2. A year of calls (metadata only) and the managers' evaluations: ~4 scored calls per rep per month.
  const yearMs = 365 * 86_400_000;
  const callsByRep = new Map<number, { id: number; at: string; dur: number; scored: boolean }[]>();
  for (const rep of ctx.reps) {
    const grader = (rep.teamId && teamManager.get(rep.teamId)) || manager?.id;
    const list: { id: number; at: string; dur: number; scored: boolean }[] = [];
    const hired = rep.hiredAt ? Date.parse(rep.hiredAt) : 0;
    const n = rng.int(70, 95);
    for (let k = 0; k < n; k++) {
      const t = now.getTime() - 5 * 86_400_000 - rng.next() * yearMs;
      if (t < hired) continue;
      const d = new Date(t);
      d.setUTCHours(rng.int(7, 15), rng.int(0, 59), 0, 0);
      const at = d.toISOString();
      const lang = rep.teamId === ctx.teams.North ? 'ru' : rep.teamId === ctx.teams.East && rng.chance(0.6) ? 'zh' : 'en';
      const customer = rng.pick(CUSTOMERS[lang]);
      const dur = Math.round(Math.max(40, rng.normal(360, 180))) * 1000;
      const outcome = rng.pick(OUTCOMES);
      const id = Number(
        insCall.run(
          rep.id,
          rep.id,
          at,
          customer,
          rng.chance(0.85) ? 'phone' : 'video',
          rng.chance(0.6) ? 'outbound' : 'inbound',
          dur,
          outcome,
          lang,
          null,
          '',
          '',
          null,
          '',
          null,
          null,
          callSearchText(customer, outcome),
        ).lastInsertRowid,
      );
      fts.put(id, [`${customer} ${outcome.replace(/_/g, ' ')}`]);
      list.push({ id, at, dur, scored: false });
    }
    callsByRep.set(rep.id, list);
    if (!grader) continue;
    const scoredShare = 0.45;
    for (const c of list) {
      if (!rng.chance(scoredShare)) continue;
      const growth = 0.06 * (1 - (now.getTime() - Date.parse(c.at)) / yearMs);
      storeEval(c.id, rep.id, grader, c.at, grade(rep.id, grader, c.dur, growth, rng.normal(0, 0.05)), null);
      c.scored = true;
    }
  }

  // 3. A finished calibration session: the three managers blind-score five recent calls.
  if (ctx.managers.length >= 2) {
    const pool = [...callsByRep.values()].flat().filter((c) => Date.parse(c.at) > now.getTime() - 60 * 86_400_000);
    const chosen = rng.shuffle(pool).slice(0, 5);
    const created = new Date(now.getTime() - 20 * 86_400_000).toISOString();
    const sid = Number(
      db
        .prepare(
          "INSERT INTO calibration_sessions(title, version_id, deadline, reference_grader_id, status, created_by, created_at) VALUES (?, ?, ?, ?, 'closed', ?, ?)",
        )
        .run('Q3 calibration: North, East and West managers', v.id, created.slice(0, 10), null, manager?.id ?? null, created)
        .lastInsertRowid,
    );
    for (const c of chosen) db.prepare('INSERT INTO calibration_calls(session_id, call_id) VALUES (?, ?)').run(sid, c.id);
    for (const m of ctx.managers) db.prepare('INSERT INTO calibration_graders(session_id, grader_id) VALUES (?, ?)').run(sid, m.id);
    for (const c of chosen) {
      const repId = (db.prepare('SELECT rep_id FROM calls WHERE id = ?').get(c.id) as { rep_id: number }).rep_id;
      const shared = rng.normal(0, 0.06);
      for (const m of ctx.managers) storeEval(c.id, repId, m.id, c.at, grade(repId, m.id, c.dur, 0, shared), sid);
    }
  }

  // 4. Coaching notes and disputes on recent evaluations.
  const recent = db
    .prepare(
      "SELECT e.id, e.rep_id, e.grader_id FROM evaluations e WHERE e.calibration_id IS NULL AND e.status = 'submitted' ORDER BY e.call_at DESC LIMIT 60",
    )
    .all() as { id: number; rep_id: number; grader_id: number }[];
  const listening = criteria.find((c) => keyOf.get(c.id) === 'listening')!;
  const discovery = criteria.find((c) => keyOf.get(c.id) === 'discovery')!;
  const nextStep = criteria.find((c) => keyOf.get(c.id) === 'next_step')!;
  const insNote = db.prepare(
    'INSERT INTO coaching_notes(rep_id, author_id, evaluation_id, criterion_ids, body, action, due, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const notes = [
    {
      crit: [listening.id],
      body: 'You interrupted the customer three times while they described the problem. Let them finish, then repeat back what you heard.',
      action: 'Practise the "pause and paraphrase" drill before Friday.',
      ru: false,
    },
    {
      crit: [discovery.id],
      body: 'Ask at least two open questions about volume and timing before you quote a price.',
      action: 'Prepare five discovery questions for the furniture line.',
      ru: false,
    },
    {
      crit: [nextStep.id],
      body: 'Звонок закончился без следующего шага. Всегда договаривайтесь о дате следующего контакта.',
      action: 'Завершать каждый звонок конкретной датой.',
      ru: true,
    },
  ];
  const seenRep = new Set<number>();
  let n = 0;
  for (const e of recent) {
    if (seenRep.has(e.rep_id) || n >= 8) continue;
    seenRep.add(e.rep_id);
    const note = notes[n % notes.length];
    const due = new Date(now.getTime() + rng.int(3, 14) * 86_400_000).toISOString().slice(0, 10);
    insNote.run(
      e.rep_id,
      e.grader_id,
      e.id,
      JSON.stringify(note.crit),
      note.body,
      note.action,
      due,
      new Date(now.getTime() - rng.int(1, 6) * 86_400_000).toISOString(),
    );
    n++;
  }
  const insFb = db.prepare(
    'INSERT INTO evaluation_feedback(evaluation_id, criterion_id, rep_id, kind, reason, status, resolution, old_value, new_value, resolved_by, resolved_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const reasons = [
    'The customer asked me to hold while they checked with procurement, the pause was theirs.',
    'I did let him finish — the overlap at 2:10 is him agreeing, not me interrupting.',
    'Клиент сам попросил перезвонить позже, дату он назначить отказался.',
    'I offered a follow-up demo at the end, it is just after the part you listened to.',
  ];
  recent.slice(0, 4).forEach((e, i) => {
    const cid = [listening.id, listening.id, nextStep.id, nextStep.id][i];
    const old =
      (
        db.prepare('SELECT value FROM evaluation_answers WHERE evaluation_id = ? AND criterion_id = ?').get(e.id, cid) as
          { value: number | null } | undefined
      )?.value ?? null;
    const created = new Date(now.getTime() - (4 - i) * 86_400_000).toISOString();
    if (i < 2) insFb.run(e.id, cid, e.rep_id, 'dispute', reasons[i], 'open', '', old, null, null, null, created);
    else
      insFb.run(
        e.id,
        cid,
        e.rep_id,
        'dispute',
        reasons[i],
        i === 2 ? 'rejected' : 'partly',
        i === 2 ? 'No date was agreed; the scorecard asks for one.' : 'Fair point, the demo offer counts partly.',
        old,
        i === 2 ? null : Math.min(5, (old ?? 1) + 1),
        e.grader_id,
        created,
        created,
      );
  });
  if (recent[4])
    insFb.run(
      recent[4].id,
      listening.id,
      recent[4].rep_id,
      'acknowledge',
      '',
      'acknowledged',
      '',
      null,
      null,
      null,
      null,
      now.toISOString(),
    );
  void sampleCallIds;
}
