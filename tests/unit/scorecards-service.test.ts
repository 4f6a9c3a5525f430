import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { Staging } from '../../main/files/staging';
import { generateDemo } from '../../main/services/demo';
import {
  importCalls,
  getCall,
  listCalls,
  readManifest,
  getPeaks,
  savePeaks,
  addComment,
  callCoverage,
} from '../../main/services/scorecards/calls';
import {
  startEvaluation,
  saveEvaluation,
  submitEvaluation,
  getEvaluation,
  addFeedback,
  resolveFeedback,
  repTrend,
  listFeedback,
  addCoaching,
  listCoaching,
} from '../../main/services/scorecards/evaluations';
import { currentVersion, saveDraft, publishVersion, whatIf, getVersion, listTemplates } from '../../main/services/scorecards/templates';
import { assertCanSeeEvaluation, createCalibration, calibrationReport, getCalibration } from '../../main/services/scorecards/calibration';
import { scoringQueue } from '../../main/services/scorecards/queue';
import { resultsExport } from '../../main/services/scorecards/results';
import { disputeDashboard } from '../../main/services/scorecards/disputes';
import { SOLO_OWNER } from '../../shared/api/access';
import { listCallScores, listCriterionEvidence } from '../../main/services/scorecards/evidence';
import { allCriteria, scaleRange } from '../../shared/domain/scoring';
import { definitionInput } from '../../shared/api/scorecards';

const FIX = path.join(__dirname, '../fixtures/calls');
let dir: string;
let db: DB;
let staging: Staging;
let filesDir: string;
let managerId: number;
let manager2: number;
let repId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-sc-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
  filesDir = path.join(dir, 'files');
  staging = new Staging(path.join(dir, 'staging'));
  const ctx = generateDemo(db, { filesDir, now: new Date('2026-11-20T12:00:00Z') });
  managerId = ctx.managers[0].id;
  manager2 = ctx.managers[1].id;
  repId = ctx.reps.find((r) => r.email === 'maria.ivanova@example.com')!.id;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stage = async (f: string) => staging.fromPath(path.join(FIX, f));

describe('demo data', () => {
  it('seeds a published template, a year of calls, evaluations, calibration and disputes', () => {
    const v = currentVersion(db, null)!;
    expect(v.status).toBe('published');
    expect(allCriteria(v.definition).length).toBe(11);
    expect(v.definition.sections.map((s) => s.title.zh)).toContain('合规');
    const calls = listCalls(db, {
      repId: null,
      teamId: null,
      from: null,
      to: null,
      channel: null,
      scored: 'all',
      band: null,
      query: '',
      offset: 0,
      limit: 10,
    });
    expect(calls.total).toBeGreaterThan(1500);
    expect(calls.total).toBeLessThan(2600);
    const withAudio = db.prepare('SELECT count(*) AS n FROM calls WHERE audio_sha IS NOT NULL AND transcript IS NOT NULL').get() as {
      n: number;
    };
    expect(withAudio.n).toBe(2);
    expect(listFeedback(db, { status: 'open', repId: null, offset: 0, limit: 10 }).total).toBe(2);
    const cal = calibrationReport(db, 1, null);
    expect(cal.n).toMatchObject({ graders: 3, calls: 5, scores: 15 });
  });
  it('both sample calls get script coverage from their scripts, and every suggestion carries its transcript evidence', () => {
    const ids = db.prepare('SELECT id FROM calls WHERE transcript IS NOT NULL AND script_id IS NOT NULL ORDER BY id').all() as {
      id: number;
    }[];
    expect(ids.length).toBe(2);
    for (const { id } of ids) {
      const cov = callCoverage(db, id, null);
      expect(cov.reason).toBe('ok');
      const covered = cov.steps.flatMap((s) => s.items).filter((i) => i.covered);
      expect(covered.length).toBeGreaterThan(0);
      expect(cov.steps.some((s) => s.ratio > 0)).toBe(true);
      for (const sug of cov.suggestions) {
        expect(sug.evidence.length).toBeGreaterThan(0);
        for (const e of sug.evidence)
          expect(getCall(db, id).transcript!.some((seg) => seg.startMs === e.atMs && seg.text.length > 0)).toBe(true);
      }
    }
  });
  it('exports results per criterion and per rep; a manager gets only the teams they manage', () => {
    const all = resultsExport(db, { from: null, to: null }, SOLO_OWNER);
    expect(all.criteria.length).toBe(11);
    for (const c of all.criteria) {
      expect(c.avg).toBeGreaterThanOrEqual(0);
      expect(c.avg).toBeLessThanOrEqual(100);
      expect(c.avg! * 10).toBe(Math.round(c.avg! * 10));
    }
    const submitted = (
      db.prepare("SELECT count(*) AS n FROM evaluations WHERE status = 'submitted' AND calibration_id IS NULL").get() as { n: number }
    ).n;
    expect(all.reps.reduce((s, r) => s + r.n, 0)).toBe(submitted);
    const team = (db.prepare('SELECT team_id AS t FROM people WHERE id = ?').get(repId) as { t: number }).t;
    const mine = resultsExport(
      db,
      { from: null, to: null },
      { personId: managerId, roles: ['manager'], managedTeamIds: [team], teamId: null, owner: false },
    );
    expect(mine.reps.length).toBeGreaterThan(0);
    expect(mine.reps.length).toBeLessThan(all.reps.length);
    const teamOf = db.prepare('SELECT team_id AS t FROM people WHERE id = ?');
    for (const r of mine.reps) expect((teamOf.get(r.rep.id) as { t: number }).t).toBe(team);
    expect(
      resultsExport(
        db,
        { from: null, to: null },
        { personId: managerId, roles: ['manager'], managedTeamIds: [], teamId: null, owner: false },
      ).reps,
    ).toEqual([]);
    const lastMonth = resultsExport(db, { from: '2026-10-20', to: '2026-11-20' }, SOLO_OWNER);
    expect(lastMonth.reps.reduce((s, r) => s + r.n, 0)).toBeLessThan(submitted);
  });
  it('disputes dashboard: open by grader, by criterion and age; a manager sees only their teams', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const all = disputeDashboard(db, SOLO_OWNER, now);
    const rows = db
      .prepare(
        "SELECT f.status, f.created_at AS at, p.team_id AS team FROM evaluation_feedback f JOIN people p ON p.id = f.rep_id WHERE f.kind = 'dispute'",
      )
      .all() as { status: string; at: string; team: number }[];
    const open = rows.filter((r) => r.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(all.open).toBe(open.length);
    expect(all.resolved).toBe(rows.length - open.length);
    expect(all.changed).toBe(rows.filter((r) => r.status === 'accepted' || r.status === 'partly').length);
    expect(all.byGrader.reduce((s, g) => s + g.open, 0)).toBe(all.open);
    expect(all.byCriterion.reduce((s, c) => s + c.total, 0)).toBe(rows.length);
    expect(all.byCriterion.every((c) => c.label.en.length > 0)).toBe(true);
    expect(all.age.reduce((s, a) => s + a.n, 0)).toBe(all.open);
    // the demo opens its disputes 3 and 4 days before "now"
    const ages = open.map((r) => Math.floor((now.getTime() - Date.parse(r.at)) / 86_400_000));
    expect(all.oldestOpenDays).toBe(Math.max(...ages));
    expect(all.age.find((a) => a.bucket === '3-7')!.n).toBe(ages.filter((d) => d >= 3 && d <= 7).length);
    // a week later the same disputes are in the next bucket
    const later = disputeDashboard(db, SOLO_OWNER, new Date(now.getTime() + 7 * 86_400_000));
    expect(later.age.find((a) => a.bucket === '8-14')!.n).toBe(ages.filter((d) => d + 7 >= 8 && d + 7 <= 14).length);
    const team = open[0].team;
    const mine = disputeDashboard(db, { personId: managerId, roles: ['manager'], managedTeamIds: [team], teamId: null, owner: false }, now);
    expect(mine.open).toBe(open.filter((r) => r.team === team).length);
    expect(mine.open + mine.resolved).toBe(rows.filter((r) => r.team === team).length);
    const none = disputeDashboard(db, { personId: managerId, roles: ['manager'], managedTeamIds: [], teamId: null, owner: false }, now);
    expect([none.open, none.resolved, none.byGrader.length]).toEqual([0, 0, 0]);
  });
  it('scores follow the hidden skill (positive, imperfect correlation)', () => {
    const skill = new Map(
      JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'demo_skill'").get() as { value: string }).value) as [number, number][],
    );
    const rows = db
      .prepare("SELECT rep_id, avg(score) AS s FROM evaluations WHERE status='submitted' AND calibration_id IS NULL GROUP BY rep_id")
      .all() as { rep_id: number; s: number }[];
    const xs = rows.map((r) => skill.get(r.rep_id)!);
    const ys = rows.map((r) => r.s);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
    const r = cov / Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0));
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(0.995);
  });
});

describe('import', () => {
  it('imports valid recordings with transcripts and refuses corrupt / non-audio files, keeping the rest', async () => {
    const items = [
      {
        uploadId: (await stage('call-en-northwind.mp3')).id,
        fileName: 'call-en-northwind.mp3',
        repId,
        at: '2026-11-18T10:30',
        customer: 'Northwind',
        transcript: fs.readFileSync(path.join(FIX, 'call-en-northwind.vtt'), 'utf8'),
      },
      { uploadId: (await stage('corrupt-truncated.mp3')).id, fileName: 'corrupt-truncated.mp3', repId, at: '2026-11-18T11:00' },
      { uploadId: (await stage('not-audio.wav')).id, fileName: 'not-audio.wav', repId, at: '2026-11-18T11:30' },
      {
        uploadId: (await stage('call-ru-vektor.mp3')).id,
        fileName: 'call-ru-vektor.mp3',
        repId,
        at: '2026-11-18T12:00',
        customer: 'Вектор',
        transcript: fs.readFileSync(path.join(FIX, 'call-ru-vektor.vtt'), 'utf8'),
      },
    ];
    const r = await importCalls(db, staging, filesDir, items, managerId);
    expect(r.imported.map((x) => x.index)).toEqual([0, 3]);
    expect(r.errors.map((e) => e.index)).toEqual([1, 2]);
    expect(r.errors[0].message).toMatch(/cut off/);
    expect(r.errors[1].message).toMatch(/not an audio recording|cannot be read/);
    const call = getCall(db, r.imported[0].call.id);
    expect(call.durationMs).toBeGreaterThan(61_000);
    expect(call.audio!.type).toBe('audio/mpeg');
    expect(fs.existsSync(path.join(filesDir, call.audio!.sha256.slice(0, 2), call.audio!.sha256))).toBe(true);
    expect(call.transcript).toHaveLength(9);
    expect(call.metrics!.talkRatio!).toBeGreaterThan(0.5);
    // peaks are cached once
    expect(getPeaks(db, call.id)).toBeNull();
    savePeaks(db, call.id, [0, 0.5, 1]);
    expect(getPeaks(db, call.id)!.map((p) => Math.round(p * 100) / 100)).toEqual([0, 0.5, 1]);
    addComment(db, call.id, 12_000, 'Good opener <b>here</b>', managerId);
    expect(getCall(db, call.id).comments[0]).toMatchObject({ atMs: 12_000, body: 'Good opener <b>here</b>' });
    expect(callCoverage(db, call.id, null).reason).toBe('no_script');
  });
  it('searches calls by customer in Russian and Chinese and filters by team and score band', () => {
    const base = {
      repId: null,
      teamId: null,
      from: null,
      to: null,
      channel: null,
      scored: 'all' as const,
      band: null,
      query: '',
      offset: 0,
      limit: 50,
    };
    const ru = listCalls(db, { ...base, query: 'вектора' });
    expect(ru.total).toBeGreaterThan(0);
    expect(ru.rows.every((r) => /Вектор/.test(r.customer))).toBe(true);
    const zh = listCalls(db, { ...base, query: '华信' });
    expect(zh.total).toBeGreaterThan(0);
    expect(zh.rows.every((r) => r.customer.includes('华信'))).toBe(true);
    const low = listCalls(db, { ...base, band: 'low' });
    expect(low.rows.every((r) => r.score !== null && r.score < 60)).toBe(true);
    const team = db.prepare('SELECT team_id FROM people WHERE id = ?').get(repId) as { team_id: number };
    expect(listCalls(db, { ...base, teamId: team.team_id }).rows.every((r) => r.teamName === 'North')).toBe(true);
  });

  it('reads a transcript staged by the native picker (Electron) and refuses a broken one without importing', async () => {
    const ok = await importCalls(
      db,
      staging,
      filesDir,
      [
        {
          uploadId: (await stage('call-ru-vektor.mp3')).id,
          fileName: 'call-ru-vektor.mp3',
          repId,
          at: '2026-11-19T09:00',
          customer: 'Вектор (staged)',
          transcriptUploadId: (await stage('call-ru-vektor.vtt')).id,
        },
      ],
      managerId,
    );
    expect(getCall(db, ok.imported[0].call.id).transcript![0].speaker).toBe('rep');
    const before = listCalls(db, {
      repId,
      teamId: null,
      from: null,
      to: null,
      channel: null,
      scored: 'all',
      band: null,
      query: '',
      offset: 0,
      limit: 1,
    }).total;
    const bad = await importCalls(
      db,
      staging,
      filesDir,
      [
        {
          uploadId: (await stage('call-en-northwind.mp3')).id,
          fileName: 'x.mp3',
          repId,
          at: '2026-11-19T10:00',
          transcript: 'WEBVTT\n\n00:00:xx --> 00:00:02.000\n<v Rep>hi',
        },
      ],
      managerId,
    );
    expect(bad.errors[0]).toMatchObject({ field: 'transcript' });
    expect(
      listCalls(db, { repId, teamId: null, from: null, to: null, channel: null, scored: 'all', band: null, query: '', offset: 0, limit: 1 })
        .total,
    ).toBe(before);
  });

  it('reads a CSV manifest with row errors', () => {
    const csv =
      'file;rep;date;customer;direction\ncall-en-northwind.mp3;maria.ivanova@example.com;2026-03-05 14:30;Northwind;входящий\nx.mp3;nobody@example.com;2026-03-05;A;out\n';
    const m = readManifest(db, Buffer.from(csv));
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]).toMatchObject({ repId, direction: 'inbound', customer: 'Northwind' });
    expect(m.errors[0]).toMatchObject({ row: 3, field: 'rep' });
  });
});

describe('evaluation lifecycle', () => {
  it('drafts, refuses incomplete or evidence-less submits, scores, locks with a log, disputes and resolves', () => {
    const callId = (db.prepare("SELECT id FROM calls WHERE customer = 'Northwind' ORDER BY id DESC").get() as { id: number }).id;
    const ev = startEvaluation(db, callId, managerId, null, null);
    expect(ev.evaluation.status).toBe('draft');
    expect(startEvaluation(db, callId, managerId, null, null).evaluation.id).toBe(ev.evaluation.id);
    const crits = allCriteria(ev.version.definition);
    const answers: Record<string, { value: number | null; na: boolean; comment: string; evidenceMs: number | null }> = {};
    for (const c of crits) answers[String(c.id)] = { value: scaleRange(c.scale).max, na: false, comment: '', evidenceMs: null };
    const first = crits[0];
    saveEvaluation(db, ev.evaluation.id, { [first.id]: answers[first.id] }, '', managerId);
    expect(() => submitEvaluation(db, ev.evaluation.id, { [first.id]: answers[first.id] }, '', managerId)).toThrow(
      /Answer every criterion/,
    );
    const comp = crits.find((c) => c.critical)!;
    const failing: typeof answers = {
      ...answers,
      [comp.id]: { value: 0, na: false, comment: 'Promised delivery in 3 days', evidenceMs: null },
    };
    expect(() => submitEvaluation(db, ev.evaluation.id, failing, '', managerId)).toThrow(/evidence timestamp/);
    const done = submitEvaluation(
      db,
      ev.evaluation.id,
      { ...failing, [comp.id]: { ...failing[comp.id], evidenceMs: 41_000 } },
      'Good call apart from the promise',
      managerId,
    );
    expect(done.evaluation.status).toBe('submitted');
    expect(done.evaluation.score).toBe(0);
    expect(done.evaluation.failReason).toMatch(/Compliance/);
    expect(getCall(db, callId).score).toBe(0);
    // someone else cannot edit it; the grader's edit is logged
    expect(() => saveEvaluation(db, ev.evaluation.id, answers, '', manager2)).toThrow(/Only the grader/);
    const edited = saveEvaluation(db, ev.evaluation.id, answers, 'Re-listened: no promise', managerId);
    expect(edited.evaluation.score).toBe(100);
    expect(edited.log.map((l) => l.action)).toEqual(['submitted', 'edited']);
    // rep disputes a criterion, manager partly accepts
    const listen = crits[1];
    const low = saveEvaluation(
      db,
      ev.evaluation.id,
      { ...answers, [listen.id]: { value: 2, na: false, comment: 'Interrupted at 0:20', evidenceMs: 20_000 } },
      '',
      managerId,
    );
    const before = low.evaluation.score!;
    expect(() => addFeedback(db, ev.evaluation.id, listen.id, 'dispute', '', repId)).toThrow(/Say why/);
    expect(() => addFeedback(db, ev.evaluation.id, listen.id, 'dispute', 'I did not', managerId)).toThrow(/Only the rep/);
    const d = addFeedback(db, ev.evaluation.id, listen.id, 'dispute', 'The customer had finished', repId);
    expect(d.status).toBe('open');
    expect(() => resolveFeedback(db, d.id, 'partly', 'ok', 4, repId)).toThrow(/cannot resolve/);
    const res = resolveFeedback(db, d.id, 'partly', 'Partly fair', 4, managerId);
    expect(res).toMatchObject({ status: 'partly', oldValue: 2, newValue: 4 });
    const after = getEvaluation(db, ev.evaluation.id);
    expect(after.evaluation.score!).toBeGreaterThan(before);
    expect(after.answers[listen.id].value).toBe(4);
    expect(after.feedback).toHaveLength(1);
    expect(after.log.map((l) => l.action)).toContain('dispute_partly');
    // coaching note shows for the rep
    addCoaching(
      db,
      { repId, evaluationId: ev.evaluation.id, criterionIds: [listen.id], body: 'Let them finish', action: 'Drill', due: null },
      managerId,
    );
    expect(listCoaching(db, repId, false)[0]).toMatchObject({ body: 'Let them finish', criteria: [{ id: listen.id }] });
    // evidence for other features: only submitted, non-calibration, normalised 0..100, N/A excluded
    const evd = listCriterionEvidence(db, { repId });
    expect(evd.length).toBeGreaterThan(0);
    expect(evd.every((e) => e.score >= 0 && e.score <= 100 && e.competencyId > 0)).toBe(true);
    const mine = evd.filter((e) => e.evaluationId === ev.evaluation.id);
    expect(mine.find((e) => e.criterionId === listen.id)!.score).toBe(80);
    expect(listCallScores(db, { repId }).some((s) => s.evaluationId === ev.evaluation.id)).toBe(true);
    const calibIds = new Set(
      (db.prepare('SELECT id FROM evaluations WHERE calibration_id IS NOT NULL').all() as { id: number }[]).map((r) => r.id),
    );
    expect(listCallScores(db).some((s) => calibIds.has(s.evaluationId))).toBe(false);
  });

  it('versions: editing a published template makes a new draft; old evaluations keep their version; what-if compares', () => {
    const v1 = currentVersion(db, null)!;
    const def = structuredClone(v1.definition);
    def.sections[0].criteria[0].weight = 5;
    def.sections[0].criteria[0].prompt.en = 'Greeting, name and company';
    const draft = saveDraft(db, v1.templateId, 'Call quality', definitionInput.parse(def), managerId);
    expect(draft.version).toBe(2);
    expect(draft.status).toBe('draft');
    expect(draft.definition.sections[0].criteria[0].id).toBe(v1.definition.sections[0].criteria[0].id);
    const wi = whatIf(db, draft.id, 200);
    expect(wi.n).toBe(200);
    expect(wi.before).not.toBeNull();
    publishVersion(db, draft.id, managerId);
    expect(getVersion(db, v1.id).status).toBe('archived');
    expect(currentVersion(db, null)!.id).toBe(draft.id);
    const old = db.prepare('SELECT id FROM evaluations WHERE version_id = ? LIMIT 1').get(v1.id) as { id: number };
    expect(getEvaluation(db, old.id).version.definition.sections[0].criteria[0].prompt.en).toBe('Greeting and identification');
    expect(listTemplates(db)[0].versions.map((v) => v.status)).toEqual(['published', 'archived']);
  });

  it('rep trend by month and criterion', () => {
    const t = repTrend(db, repId, 12, new Date('2026-11-20T12:00:00Z'));
    expect(t.totals).toHaveLength(12);
    expect(t.totals.reduce((s, p) => s + p.n, 0)).toBeGreaterThan(10);
    expect(t.criteria.length).toBeGreaterThanOrEqual(9);
  });

  it('scoring queue: a fair sample of unscored calls per rep per month', () => {
    const q = scoringQueue(db, { month: '2026-10', perRep: 4, mode: 'stratified', teamId: null });
    expect(q.reps.length).toBe(24);
    for (const r of q.reps) {
      expect(r.picks.length).toBeLessThanOrEqual(4);
      expect(r.picks.every((p) => p.score === null && p.at.startsWith('2026-10'))).toBe(true);
    }
    expect(scoringQueue(db, { month: '2026-10', perRep: 4, mode: 'random', teamId: null }).reps[0].picks.map((p) => p.id)).toEqual(
      scoringQueue(db, { month: '2026-10', perRep: 4, mode: 'random', teamId: null }).reps[0].picks.map((p) => p.id),
    );
  });

  it('calibration report: graders opposite on every yes/no answer show 0% agreement and "ambiguous", per scale, never pooled', () => {
    const callIds = (db.prepare('SELECT id FROM calls ORDER BY id DESC LIMIT 3').all() as { id: number }[]).map((r) => r.id);
    const s = createCalibration(
      db,
      { title: 'Opposite yes/no', versionId: null, callIds, graderIds: [managerId, manager2], deadline: null, referenceGraderId: null },
      managerId,
    );
    for (const g of [managerId, manager2]) {
      for (const cid of callIds) {
        const e = startEvaluation(db, cid, g, s.id, null);
        const ans: Record<string, { value: number | null; na: boolean; comment: string; evidenceMs: number | null }> = {};
        for (const c of allCriteria(e.version.definition)) {
          const r = scaleRange(c.scale);
          // yes/no: one grader always yes, the other always no (critical ones kept passing); point scales: identical answers
          const yesNo = c.critical ? 1 : g === managerId ? 1 : 0;
          ans[c.id] = { value: c.scale === 'yes_no' ? yesNo : r.max, na: false, comment: '', evidenceMs: null };
        }
        submitEvaluation(db, e.evaluation.id, ans, '', g);
      }
    }
    const rep = calibrationReport(db, s.id, managerId);
    const def = getVersion(
      db,
      rep.criteria.length ? (db.prepare('SELECT version_id FROM calibration_sessions WHERE id = ?').pluck().get(s.id) as number) : 0,
    ).definition;
    const critical = new Set(
      allCriteria(def)
        .filter((c) => c.critical)
        .map((c) => c.id),
    );
    const yesNo = rep.criteria.filter((c) => c.scale === 'yes_no' && !critical.has(c.criterionId));
    expect(yesNo.length).toBeGreaterThan(0);
    for (const c of yesNo) {
      expect(c.agreement).toMatchObject({ percent: 0, pairs: 3, agreeing: 0, rule: 'exact' });
      expect(c.ambiguous.ambiguous).toBe(true);
      expect(c.alpha.alpha ?? -1).toBeLessThanOrEqual(0);
    }
    for (const c of rep.criteria.filter((x) => x.scale !== 'yes_no')) expect(c.agreement).toMatchObject({ percent: 100, rule: 'within1' });
    // one summary per scale present in the template; yes/no pairs are not pooled with 1-5 pairs
    const scales = [...new Set(rep.criteria.map((c) => c.scale))].sort();
    expect(rep.byScale.map((b) => b.scale).sort()).toEqual(scales);
    const yn = rep.byScale.find((b) => b.scale === 'yes_no')!;
    expect(yn.metric).toBe('nominal');
    const ynCrit = rep.criteria.filter((c) => c.scale === 'yes_no');
    expect(yn.agreement.pairs).toBe(ynCrit.reduce((a, c) => a + c.agreement.pairs, 0));
    expect(yn.agreement.agreeing).toBe(ynCrit.reduce((a, c) => a + c.agreement.agreeing, 0));
    // every total stays within 0..100
    for (const t of rep.totals) for (const x of t.scores) expect(x.score ?? 0).toBeLessThanOrEqual(100);
  });

  it('calibration is blind until a grader has submitted all their calls', () => {
    const callIds = (db.prepare('SELECT id FROM calls ORDER BY id DESC LIMIT 2').all() as { id: number }[]).map((r) => r.id);
    const s = createCalibration(
      db,
      { title: 'Two graders', versionId: null, callIds, graderIds: [managerId, manager2], deadline: null, referenceGraderId: null },
      managerId,
    );
    expect(s.canSeeReport).toBe(false);
    expect(() => calibrationReport(db, s.id, managerId)).toThrow(/blind/);
    for (const [g, val] of [
      [managerId, 'max'],
      [manager2, 'min'],
    ] as const) {
      for (const cid of callIds) {
        const e = startEvaluation(db, cid, g, s.id, null);
        const ans: Record<string, { value: number | null; na: boolean; comment: string; evidenceMs: number | null }> = {};
        for (const c of allCriteria(e.version.definition)) {
          const r = scaleRange(c.scale);
          ans[c.id] = { value: c.critical ? 1 : val === 'max' ? r.max : r.min + 1, na: false, comment: '', evidenceMs: null };
        }
        submitEvaluation(db, e.evaluation.id, ans, '', g);
      }
    }
    expect(getCalibration(db, s.id, managerId).canSeeReport).toBe(true);
    // while the second grader has not submitted, the first grader's scores stay hidden from them (but not the other way)
    const other = createCalibration(
      db,
      {
        title: 'Blind',
        versionId: null,
        callIds: callIds.slice(0, 1),
        graderIds: [managerId, manager2],
        deadline: null,
        referenceGraderId: null,
      },
      managerId,
    );
    const first = startEvaluation(db, callIds[0], managerId, other.id, null);
    expect(() => assertCanSeeEvaluation(db, first.evaluation.id, manager2)).toThrow(/blind/);
    expect(() => assertCanSeeEvaluation(db, first.evaluation.id, managerId)).not.toThrow();
    const rep = calibrationReport(db, s.id, managerId);
    expect(rep.n).toMatchObject({ graders: 2, calls: 2, scores: 4 });
    expect(rep.bias.find((b) => b.person.id === managerId)!.label).toBe('lenient');
    expect(rep.bias.find((b) => b.person.id === manager2)!.label).toBe('harsh');
    expect(rep.criteria.some((c) => c.ambiguous.ambiguous)).toBe(true);
    // calibration scores do not touch the calls' own scores
    expect(listCallScores(db).some((x) => rep.totals.some((t) => t.callId === x.callId && x.score === t.scores[0].score && false))).toBe(
      false,
    );
  });
});
