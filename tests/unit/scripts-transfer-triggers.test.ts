/**
 * Objection cards' "what customers say" trigger phrases travel with script exports
 * (format 2): JSON library and Markdown script round-trips in English, Russian and
 * Chinese into a fresh workspace; format-1 files (no phrases) still import; a card
 * that already exists gains the phrases it lacks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptInput, type ScriptLanguage, type Triggers } from '../../shared/api/scripts';
import { FORMAT_VERSION } from '../../shared/domain/scriptsTransfer';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { createObjection, getObjection, listObjections } from '../../main/services/scripts/objections';
import * as store from '../../main/services/scripts/store';
import { exportLibrary, exportMarkdown, importScripts } from '../../main/services/scripts/transfer';

let dir: string;
let db: DB;
const extra: DB[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-triggers-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  for (const d of extra.splice(0)) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const fresh = (name: string) => {
  const d = openWorkspaceDb(path.join(dir, `${name}.sqlite`), { create: true }).db;
  extra.push(d);
  return d;
};

const CARDS: Record<ScriptLanguage, { objection: string; response: string; triggers: Triggers }> = {
  en: {
    objection: 'It is too expensive',
    response: 'Compare the cost per year',
    triggers: { en: ['too expensive', 'over our budget'], ru: ['слишком дорого'], zh: ['太贵了'] },
  },
  ru: {
    objection: 'Мы уже работаем с другим поставщиком',
    response: 'Что вам нравится в работе с ним?',
    triggers: { en: ['we already have a supplier'], ru: ['у нас уже есть поставщик', 'работаем с другими'], zh: [] },
  },
  zh: { objection: '我们需要再考虑一下', response: '您主要在考虑哪方面？', triggers: { en: [], ru: [], zh: ['再考虑一下', '跟老板商量'] } },
};

function scriptWith(language: ScriptLanguage, cardId: number) {
  return scriptInput.parse({
    title: `Call ${language}`,
    language,
    steps: [
      {
        key: 's1',
        stage: 'opening',
        title: 'Open',
        talkingPointsMd: '',
        sayIt: '',
        listenFor: '',
        mustSay: [],
        choices: [
          { label: 'Objection', toStepKey: null, toObjectionId: cardId },
          { label: 'Go on', toStepKey: 's2', toObjectionId: null },
        ],
      },
      { key: 's2', stage: 'closing', title: 'Close', talkingPointsMd: '', sayIt: '', listenFor: '', mustSay: [], choices: [] },
    ],
  });
}

function seed(target: DB) {
  const ids = {} as Record<ScriptLanguage, number>;
  for (const lang of ['en', 'ru', 'zh'] as const) {
    const c = CARDS[lang];
    ids[lang] = createObjection(target, {
      objection: c.objection,
      responses: [c.response],
      tags: [],
      language: lang,
      triggers: c.triggers,
    }).id;
    store.createScript(target, scriptWith(lang, ids[lang]));
  }
  return ids;
}

const listObjectionCards = (d: DB) =>
  listObjections(d, { query: '', language: null, offset: 0, limit: 100 }).rows.sort((a, b) => a.id - b.id);
const triggersByText = (d: DB) => Object.fromEntries(listObjectionCards(d).map((c) => [c.objection, c.triggers]));

describe('trigger phrases in script export / import', () => {
  it("JSON library export → import into an empty workspace keeps every card's phrases in en/ru/zh", () => {
    seed(db);
    const text = exportLibrary(db).text;
    const doc = JSON.parse(text) as { version: number; objections: { triggers: Triggers }[] };
    expect(doc.version).toBe(FORMAT_VERSION);
    expect(doc.objections.map((o) => o.triggers)).toEqual([CARDS.en.triggers, CARDS.ru.triggers, CARDS.zh.triggers]);
    const target = fresh('json');
    const res = importScripts(target, text);
    expect(res).toMatchObject({ objectionsCreated: 3, objectionsReused: 0 });
    expect(triggersByText(target)).toEqual(Object.fromEntries(Object.values(CARDS).map((c) => [c.objection, c.triggers])));
  });

  it("Markdown export of one script per language → import keeps its card's phrases", () => {
    const ids = seed(db);
    const scripts = db.prepare('SELECT id, language FROM scripts ORDER BY id').all() as { id: number; language: ScriptLanguage }[];
    for (const s of scripts) {
      const target = fresh(`md-${s.language}`);
      importScripts(target, exportMarkdown(db, s.id).text);
      const [card] = listObjectionCards(target);
      expect(card.objection).toBe(CARDS[s.language].objection);
      expect(card.triggers).toEqual(getObjection(db, ids[s.language]).triggers);
    }
  });

  it('a format-1 file (made before phrases were exported) still imports; its cards get no phrases', () => {
    seed(db);
    const doc = JSON.parse(exportLibrary(db).text) as { version: number; objections: Record<string, unknown>[] };
    doc.version = 1;
    for (const o of doc.objections) delete o.triggers;
    const target = fresh('v1');
    const res = importScripts(target, JSON.stringify(doc));
    expect(res.scripts).toHaveLength(3);
    expect(listObjectionCards(target).map((c) => c.triggers)).toEqual([
      { en: [], ru: [], zh: [] },
      { en: [], ru: [], zh: [] },
      { en: [], ru: [], zh: [] },
    ]);
    // and a format-1 Markdown header (no phrases in its card list)
    const md = exportMarkdown(db, 1)
      .text.replace(/"version":2/, '"version":1')
      .replace(/,"triggers":\{[^}]*\}/g, '');
    expect(md).not.toContain('triggers');
    const target2 = fresh('v1-md');
    expect(importScripts(target2, md).scripts).toHaveLength(1);
    expect(listObjectionCards(target2)[0].triggers).toEqual({ en: [], ru: [], zh: [] });
  });

  it('importing into a workspace that has the same card adds only the phrases it lacks', () => {
    seed(db);
    const text = exportLibrary(db).text;
    const target = fresh('merge');
    const existing = createObjection(target, {
      objection: 'it is TOO expensive ',
      responses: ['Our own answer'],
      tags: ['mine'],
      language: 'en',
      triggers: { en: ['Too expensive', 'costs a lot'], ru: [], zh: [] },
    });
    const res = importScripts(target, text);
    expect(res).toMatchObject({ objectionsCreated: 2, objectionsReused: 1 });
    const card = getObjection(target, existing.id);
    expect(card.responses).toEqual(['Our own answer']);
    expect(card.triggers).toEqual({ en: ['Too expensive', 'costs a lot', 'over our budget'], ru: ['слишком дорого'], zh: ['太贵了'] });
  });

  it('a file whose phrases break the card limits is refused whole, saving nothing', () => {
    seed(db);
    const doc = JSON.parse(exportLibrary(db).text) as { objections: { triggers: Triggers }[] };
    doc.objections[1].triggers.ru = Array.from({ length: 31 }, (_, i) => `фраза ${i}`);
    const target = fresh('bad');
    expect(() => importScripts(target, JSON.stringify(doc))).toThrow(/At most 30 phrases/);
    expect((target.prepare('SELECT count(*) AS n FROM objection_cards').get() as { n: number }).n).toBe(0);
  });
});
