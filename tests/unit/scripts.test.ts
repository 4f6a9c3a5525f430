import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptInput, type ScriptData } from '../../shared/api/scripts';
import { validateFlow } from '../../shared/domain/scriptFlow';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { createObjection, listObjections, removeObjection } from '../../main/services/scripts/objections';
import { getPublishedScript, listObjectionCards, listPublishedScripts } from '../../main/services/scripts/published';
import { searchScripts } from '../../main/services/scripts/search';
import * as store from '../../main/services/scripts/store';
import { exportLibrary, exportMarkdown, importScripts } from '../../main/services/scripts/transfer';
import { logUsage, setPinned, usageSummary } from '../../main/services/scripts/usage';
import { generateDemo } from '../../main/services/demo';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-test-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const step = (key: string, title: string, extra: Partial<ScriptData['steps'][number]> = {}) => ({
  key,
  stage: 'discovery' as const,
  title,
  talkingPointsMd: '',
  sayIt: '',
  listenFor: '',
  mustSay: [],
  choices: [],
  ...extra,
});

function priceScript(objectionId: number | null): ScriptData {
  return scriptInput.parse({
    title: 'Inbound price request',
    language: 'en',
    tags: { products: ['Pumps'], channels: ['phone'], funnelStages: ['qualification'], segments: ['new'] },
    steps: [
      step('s1', 'Greeting', {
        stage: 'opening',
        talkingPointsMd: '**Thank** the customer for calling',
        mustSay: ['Your name', 'Company name'],
      }),
      step('s2', 'Ask about the volume', {
        talkingPointsMd: 'Ask how many units per month and the delivery address',
        choices: [
          { label: 'Too expensive', toStepKey: null, toObjectionId: objectionId },
          { label: 'Tell me more', toStepKey: 's3', toObjectionId: null },
          { label: 'Send me an e-mail', toStepKey: 's4', toObjectionId: null },
        ],
      }),
      step('s3', 'Present the offer', { stage: 'presentation', talkingPointsMd: 'Delivery in two weeks, warranty included' }),
      step('s4', 'Agree on the follow-up', { stage: 'follow_up', sayIt: 'I will send the offer today and call you on Thursday' }),
    ],
  });
}

describe('branch validation', () => {
  it('flags empty scripts, broken links, self loops and loops with no exit', () => {
    expect(validateFlow([])[0].code).toBe('empty_script');
    const issues = validateFlow([
      {
        key: 'a',
        title: 'A',
        choices: [
          { label: 'x', toStepKey: 'gone', toObjectionId: null },
          { label: 'me', toStepKey: 'a', toObjectionId: null },
        ],
      },
      { key: 'b', title: 'B', choices: [{ label: 'to c', toStepKey: 'c', toObjectionId: null }] },
      { key: 'c', title: 'C', choices: [{ label: 'to b', toStepKey: 'b', toObjectionId: null }] },
    ]);
    const codes = issues.map((i) => `${i.code}:${i.stepKey}`);
    expect(codes).toContain('missing_step:a');
    expect(codes).toContain('self_loop:a');
    expect(codes).toContain('unreachable:b');
    expect(issues.find((i) => i.code === 'missing_step')!.severity).toBe('error');
    // b <-> c is unreachable, so no "no exit" warning; make it reachable:
    const loop = validateFlow([
      { key: 'a', title: 'A', choices: [{ label: 'go', toStepKey: 'b', toObjectionId: null }] },
      { key: 'b', title: 'B', choices: [{ label: 'to c', toStepKey: 'c', toObjectionId: null }] },
      { key: 'c', title: 'C', choices: [{ label: 'to b', toStepKey: 'b', toObjectionId: null }] },
    ]);
    expect(
      loop
        .filter((i) => i.code === 'no_exit')
        .map((i) => i.stepKey)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(
      validateFlow([
        { key: 'a', title: 'A', choices: [] },
        { key: 'b', title: 'B', choices: [] },
      ]),
    ).toEqual([]);
  });

  it('refuses to save a broken link with a field-addressed message and keeps the saved version', () => {
    const s = store.createScript(db, priceScript(null));
    const broken = priceScript(null);
    broken.steps.splice(2, 1); // delete "Present the offer"; step 2 still links to it
    expect(() => store.saveScript(db, s.id, broken, null)).toThrow(/no longer exists/);
    try {
      store.saveScript(db, s.id, broken, null);
    } catch (e) {
      expect((e as { field?: string }).field).toBe('steps.1.choices.1.toStepKey');
    }
    expect(store.getScript(db, s.id, 'draft').steps).toHaveLength(4);
    const loop = priceScript(null);
    loop.steps[1].choices[1].toStepKey = 's2';
    expect(() => store.saveScript(db, s.id, loop, null)).toThrow(/same step/);
    expect(() => store.createScript(db, { ...priceScript(null), steps: [] })).toThrow(/no steps/);
  });

  it('refuses 1 MB of pasted text naming the field', () => {
    const big = { ...priceScript(null) };
    big.steps[0] = { ...big.steps[0], talkingPointsMd: 'x'.repeat(1_000_000) };
    expect(() => store.createScript(db, big)).toThrow(/at most 20000/);
  });
});

describe('revisions', () => {
  it('keeps a revision per save, diffs two and restores an old one as a new revision', () => {
    const s = store.createScript(db, priceScript(null), null);
    const v2 = priceScript(null);
    v2.steps[0].talkingPointsMd = 'Greet warmly and say your name';
    v2.steps.push(step('s5', 'Close the call', { stage: 'closing' }));
    const saved = store.saveScript(db, s.id, v2, s.revision);
    expect(saved.revision).toBe(2);
    // unchanged save: no new revision
    expect(store.saveScript(db, s.id, v2, 2).revision).toBe(2);
    // stale revision = conflict
    expect(() => store.saveScript(db, s.id, v2, 1)).toThrow(/after you opened it/);
    const diff = store.diffRevisions(db, s.id, 1, 2);
    expect(
      diff
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('Greet warmly');
    expect(
      diff
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('Close the call');
    expect(
      diff
        .filter((p) => p.removed)
        .map((p) => p.value)
        .join(''),
    ).toContain('**Thank** the customer');
    const restored = store.restoreRevision(db, s.id, 1);
    expect(restored.revision).toBe(3);
    expect(restored.steps.map((x) => x.title)).toEqual(['Greeting', 'Ask about the volume', 'Present the offer', 'Agree on the follow-up']);
    const revs = store.listRevisions(db, s.id);
    expect(revs.map((r) => [r.rev, r.kind])).toEqual([
      [3, 'restore'],
      [2, 'save'],
      [1, 'create'],
    ]);
  });

  it('reps see the published version until the draft is published again', () => {
    const card = createObjection(db, {
      objection: 'It is too expensive',
      responses: ['Compare the cost per year'],
      tags: ['price'],
      language: 'en',
    });
    const s = store.createScript(db, priceScript(card.id));
    expect(listPublishedScripts(db)).toEqual([]);
    expect(() => store.getScript(db, s.id, 'published')).toThrow(/not published/);
    store.publishScript(db, s.id);
    const v2 = priceScript(card.id);
    v2.title = 'Inbound price request v2';
    v2.steps[0].title = 'Hello';
    const draft = store.saveScript(db, s.id, v2, null);
    expect(draft.status).toBe('changed');
    const pub = store.getScript(db, s.id, 'published');
    expect(pub.title).toBe('Inbound price request');
    expect(pub.steps[0].title).toBe('Greeting');
    expect(getPublishedScript(db, s.id)!.steps).toHaveLength(4);
    expect(getPublishedScript(db, s.id)!.steps[0].mustSay).toEqual(['Your name', 'Company name']);
    expect(listObjectionCards(db)[0]).toMatchObject({
      objection: 'It is too expensive',
      responses: ['Compare the cost per year'],
      tags: ['price'],
    });
    expect(() => removeObjection(db, card.id)).toThrow(/used by 1 script/);
    store.publishScript(db, s.id);
    expect(store.getScript(db, s.id, 'published').steps[0].title).toBe('Hello');
    store.unpublishScript(db, s.id);
    expect(getPublishedScript(db, s.id)).toBeNull();
  });
});

describe('search', () => {
  beforeEach(() => {
    const ru = createObjection(db, {
      objection: 'Это слишком дорого',
      responses: ['Давайте посчитаем стоимость владения за год'],
      tags: ['цена'],
      language: 'ru',
    });
    createObjection(db, { objection: '你们的价格太高了', responses: ['我们的价格包含两年保修和免费交货'], tags: ['价格'], language: 'zh' });
    createObjection(db, {
      objection: 'Send me an e-mail',
      responses: ['Sure — what should the e-mail answer for you?'],
      tags: ['email'],
      language: 'en',
    });
    createObjection(db, {
      objection: 'Delivery takes too long',
      responses: ['We keep stock of the popular models'],
      tags: ['delivery'],
      language: 'en',
    });
    const s = store.createScript(
      db,
      scriptInput.parse({
        title: 'Входящий звонок: запрос цены',
        language: 'ru',
        steps: [
          step('a', 'Приветствие', { talkingPointsMd: 'Назовите себя и компанию' }),
          step('b', 'Цена', {
            talkingPointsMd: 'Если клиент говорит «дорогое оборудование», спросите, с чем он сравнивает',
            choices: [{ label: 'Дорого', toStepKey: null, toObjectionId: ru.id }],
          }),
        ],
      }),
    );
    store.publishScript(db, s.id);
    const zh = store.createScript(
      db,
      scriptInput.parse({
        title: '价格咨询',
        language: 'zh',
        steps: [step('a', '交货时间', { talkingPointsMd: '说明交货时间为两周，价格包含运费' })],
      }),
    );
    store.publishScript(db, zh.id);
    // a draft (unpublished) step must never be found
    store.createScript(
      db,
      scriptInput.parse({ title: 'Draft', language: 'en', steps: [step('a', 'Secret pricing draft', { talkingPointsMd: 'дорого 价格' })] }),
    );
  });

  const run = (query: string, language: 'en' | 'ru' | 'zh' | null = null) =>
    searchScripts(db, { query, language, kinds: ['step', 'objection'], limit: 20 });
  const titles = (hits: ReturnType<typeof run>) => hits.map((h) => h.title.map((s) => s.text).join(''));

  it('finds Russian word forms case-insensitively, objection card first', () => {
    const hits = run('ДОРОГО');
    expect(titles(hits)[0]).toBe('Это слишком дорого');
    expect(titles(hits)).toContain('Цена'); // "дорогое" in the talking points
    expect(titles(hits)).not.toContain('Secret pricing draft');
    expect(hits[0].title.some((s) => s.hit && s.text === 'дорого')).toBe(true);
    expect(hits[0].responses[0]).toMatch(/стоимость владения/);
    expect(titles(run('дор'))).toContain('Это слишком дорого');
  });
  it('finds 2-character Chinese words', () => {
    expect(titles(run('价格'))).toEqual(expect.arrayContaining(['你们的价格太高了', '交货时间']));
    expect(titles(run('交货'))).toContain('交货时间');
    expect(titles(run('交货'))[0]).toBe('交货时间'); // title hit ranks first
    expect(run('价').length).toBeGreaterThan(0);
  });
  it('ranks title hits above body hits and filters by language', () => {
    const hits = run('delivery');
    expect(titles(hits)[0]).toBe('Delivery takes too long');
    expect(run('дорого', 'zh')).toEqual([]);
    expect(titles(run('e-mail', 'en'))[0]).toBe('Send me an e-mail');
    expect(run('   ')).toEqual([]);
    expect(run('"NEAR(')).toEqual([]);
  });
  it('objection list search uses the same index', () => {
    expect(listObjections(db, { query: 'цен', language: null, offset: 0, limit: 10 }).rows.map((r) => r.objection)).toEqual([
      'Это слишком дорого',
    ]);
  });
});

describe('import / export', () => {
  it('Markdown export of a script imports back exactly (with its objection card)', () => {
    const card = createObjection(db, {
      objection: 'It is too expensive',
      responses: ['Compare -- the cost per year', 'Offer the basic model'],
      tags: ['price'],
      language: 'en',
    });
    const data = priceScript(card.id);
    data.steps[2].talkingPointsMd = '## Key facts\n\n- Delivery in **two weeks**\n- <img src=x onerror=alert(1)>\n\n```\ncode -->\n```';
    data.description = 'For inbound calls from the website';
    const s = store.createScript(db, data);
    store.publishScript(db, s.id);
    const md = exportMarkdown(db, s.id);
    expect(md.fileName).toBe('Inbound-price-request.md');
    expect(md.text).toContain('## Present the offer');
    const res = importScripts(db, md.text);
    expect(res.objectionsReused).toBe(1);
    const copy = store.readDraft(db, res.scripts[0].id).data;
    expect(copy).toEqual(store.readDraft(db, s.id).data);
    expect(store.getScript(db, res.scripts[0].id, 'draft').status).toBe('published');
  });

  it('JSON library export round-trips into an empty workspace', () => {
    const card = createObjection(db, {
      objection: 'Мы уже работаем с другим поставщиком',
      responses: ['Что вам нравится в работе с ним?'],
      tags: ['конкурент'],
      language: 'ru',
    });
    const s = store.createScript(db, priceScript(card.id));
    const lib = exportLibrary(db);
    const db2 = openWorkspaceDb(path.join(dir, 'w2.sqlite'), { create: true }).db;
    try {
      const res = importScripts(db2, lib.text);
      expect(res).toMatchObject({ objectionsCreated: 1, objectionsReused: 0 });
      const copy = store.readDraft(db2, res.scripts[0].id).data;
      const orig = store.readDraft(db, s.id).data;
      const newCard = listObjectionCards(db2)[0];
      expect(newCard.objection).toBe(card.objection);
      expect(copy).toEqual({
        ...orig,
        steps: orig.steps.map((st) => ({
          ...st,
          choices: st.choices.map((c) => ({ ...c, toObjectionId: c.toObjectionId == null ? null : newCard.id })),
        })),
      });
    } finally {
      db2.close();
    }
  });

  it('rejects foreign files, newer versions and damaged files with clear messages, saving nothing', () => {
    const before = (db.prepare('SELECT count(*) AS n FROM scripts').get() as { n: number }).n;
    expect(() => importScripts(db, 'name,email\nAnna,a@x.ru')).toThrow(/not a Sales Workbench scripts export/);
    expect(() => importScripts(db, '{"hello": 1}')).toThrow(/not a Sales Workbench scripts export/);
    expect(() => importScripts(db, '{"format":"sales-workbench/scripts","version":7,"scripts":[],"objections":[]}')).toThrow(
      /newer version.*format 7/,
    );
    expect(() => importScripts(db, '{"format":"sales-workbench/scripts",')).toThrow(/not valid JSON/);
    const lib = JSON.parse(exportLibrary(db).text) as { scripts: unknown[] };
    lib.scripts.push({
      ...priceScript(null),
      published: false,
      steps: [step('a', 'A', { choices: [{ label: 'me', toStepKey: 'a', toObjection: null } as never] })],
    });
    lib.scripts.unshift({
      ...priceScript(null),
      published: false,
      steps: priceScript(null).steps.map((st) => ({
        ...st,
        choices: st.choices.map((c) => ({ label: c.label, toStepKey: c.toStepKey, toObjection: null })),
      })),
    });
    expect(() => importScripts(db, JSON.stringify(lib))).toThrow(/Script 2 .*same step/);
    expect((db.prepare('SELECT count(*) AS n FROM scripts').get() as { n: number }).n).toBe(before);
  });
});

describe('usage', () => {
  it('pins, logs usage events and lists recently used published scripts', () => {
    const s = store.createScript(db, priceScript(null));
    store.publishScript(db, s.id);
    const pid = Number(db.prepare("INSERT INTO people(name, email) VALUES ('Rep', 'rep@x.ru')").run().lastInsertRowid);
    setPinned(db, pid, s.id, true);
    logUsage(db, pid, { sessionKey: 'call-1', action: 'open_step', scriptId: s.id, stepId: s.steps[1].id, objectionId: null });
    const u = usageSummary(db, pid);
    expect(u.pinned.map((p) => p.id)).toEqual([s.id]);
    expect(u.recent.map((p) => p.id)).toEqual([s.id]);
    expect(store.listScripts(db, { query: '', language: null, status: 'all', offset: 0, limit: 10 }, pid).rows[0].pinned).toBe(true);
    const ev = db.prepare('SELECT person_id, session_key, action, script_id, step_id FROM script_usage_events').all();
    expect(ev).toEqual([{ person_id: pid, session_key: 'call-1', action: 'open_step', script_id: s.id, step_id: s.steps[1].id }]);
  });
});

describe('demo', () => {
  it('seeds 8+ published scripts with branches and 30+ objection cards', () => {
    generateDemo(db, { filesDir: dir, now: new Date('2026-11-20T10:00:00Z') });
    const pub = listPublishedScripts(db);
    expect(pub.length).toBeGreaterThanOrEqual(8);
    expect(new Set(pub.map((p) => p.language))).toEqual(new Set(['en', 'ru', 'zh']));
    expect(listObjectionCards(db).length).toBeGreaterThanOrEqual(30);
    const branched = (
      db.prepare('SELECT count(DISTINCT st.script_id) AS n FROM script_choices c JOIN script_steps st ON st.id = c.step_id').get() as {
        n: number;
      }
    ).n;
    expect(branched).toBeGreaterThanOrEqual(8);
    expect(titlesOf(searchScripts(db, { query: 'дорого', language: null, kinds: ['objection'], limit: 5 })).length).toBeGreaterThan(0);
    expect(titlesOf(searchScripts(db, { query: '价格', language: null, kinds: ['objection', 'step'], limit: 5 })).length).toBeGreaterThan(
      0,
    );
    const usage = (db.prepare('SELECT count(*) AS n FROM script_usage_events').get() as { n: number }).n;
    expect(usage).toBeGreaterThan(50);
  });
});
const titlesOf = (hits: { title: { text: string }[] }[]) => hits.map((h) => h.title.map((s) => s.text).join(''));
