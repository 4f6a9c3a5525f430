/**
 * Reps' words: trigger phrases ("what customers say") on objection cards, Russian stems on
 * both sides, Chinese particles, workspace synonyms, and library items in live search.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemMetaInput } from '../../shared/api/library';
import { objectionInput } from '../../shared/api/scripts';
import { indexText, parseQuery, stemWord } from '../../shared/search/text';
import { createFtsTable, ftsWriter } from '../../main/db/fts';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { migrations } from '../../main/db/migrations';
import { migrate } from '../../main/db/migrate';
import { APPLICATION_ID } from '../../main/db/open';
import { insertItem } from '../../main/services/library/items';
import { createObjection, getObjection, listObjections, triggerBank, updateObjection } from '../../main/services/scripts/objections';
import { searchScripts } from '../../main/services/scripts/search';
import { loadSynonyms, saveSynonyms } from '../../main/services/scripts/synonyms';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reps-words-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (query: string, kinds: ('step' | 'objection' | 'library')[] = ['objection']) =>
  searchScripts(db, { query, language: null, kinds, limit: 20 });
const titles = (query: string) => search(query).map((h) => h.title.map((s) => s.text).join(''));

describe('stems on both sides', () => {
  it('strips the Russian softening suffix so "дороговато" meets "дорого"', () => {
    expect(stemWord('дороговато')).toBe('дорог');
    expect(stemWord('тяжеловато')).toBe('тяжел');
    expect(stemWord('цены')).toBe(stemWord('цена'));
  });
  it('indexes Russian stems beside the words; English and Chinese are unchanged', () => {
    expect(indexText('Цены выросли')).toBe('цены цен выросли выросл');
    expect(indexText('Prices 价格')).toBe('prices 价格 格');
  });
  it('a short Russian stem matches other forms exactly, not every word that starts like it', () => {
    const mem = new Database(':memory:');
    createFtsTable(mem, 'f', ['body']);
    const w = ftsWriter(mem, 'f', ['body']);
    ['Цены выросли', 'Цензура', 'Это дорого', 'Дорогой клиент'].forEach((t, i) => w.put(i + 1, [t]));
    const find = (q: string) =>
      (mem.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').all(parseQuery(q).match) as { rowid: number }[]).map(
        (r) => r.rowid,
      );
    expect(find('цена')).toEqual([1]);
    expect(find('дороговато')).toEqual([3, 4]);
    expect(find('дорого')).toEqual([3, 4]);
  });
  it('drops Chinese sentence-final particles from the query', () => {
    expect(parseQuery('太贵了').match).toBe(parseQuery('太贵').match);
    expect(parseQuery('太贵了吧').match).toBe(parseQuery('太贵').match);
    expect(parseQuery('了').match).toBe('"了"*');
  });
});

describe('trigger phrases', () => {
  let zh: number;
  let ru: number;
  let en: number;
  beforeEach(() => {
    zh = createObjection(db, {
      objection: '你们的价格太高了',
      responses: ['我们的价格包含两年保修'],
      tags: ['价格'],
      language: 'zh',
      triggers: { en: [], ru: [], zh: ['太贵', '价格太高'] },
    }).id;
    ru = createObjection(db, {
      objection: 'Это слишком дорого',
      responses: ['Давайте посчитаем стоимость владения'],
      tags: ['цена'],
      language: 'ru',
      triggers: { en: [], ru: ['не по карману'], zh: [] },
    }).id;
    en = createObjection(db, {
      objection: 'It is too expensive',
      responses: ['Compare the cost per year'],
      tags: ['price'],
      language: 'en',
    }).id;
    createObjection(db, { objection: '交货期太长了', responses: ['我们有现货'], tags: ['交货'], language: 'zh' });
  });

  it('are stored per language and returned with the card; missing languages default to empty', () => {
    expect(getObjection(db, zh).triggers).toEqual({ en: [], ru: [], zh: ['太贵', '价格太高'] });
    expect(getObjection(db, en).triggers).toEqual({ en: [], ru: [], zh: [] });
    expect(
      triggerBank(db)
        .map((c) => c.id)
        .sort(),
    ).toEqual([zh, ru].sort());
  });
  it('"太贵", "太贵了" and "贵" find the card whose text says "价格太高"', () => {
    for (const q of ['太贵', '太贵了', '贵']) {
      const hits = search(q);
      expect(hits[0]?.id, q).toBe(zh);
      expect(
        hits[0].snippet.some((s) => s.hit),
        q,
      ).toBe(true);
    }
    expect(search('交货').map((h) => h.id)).not.toContain(zh);
  });
  it('"дороговато" finds the "дорого" card; a trigger phrase in another form finds its card', () => {
    expect(search('дороговато')[0]?.id).toBe(ru);
    expect(search('по карману')[0]?.id).toBe(ru);
  });
  it('editing triggers re-indexes the card (old phrase no longer finds it)', () => {
    updateObjection(db, zh, { ...getObjection(db, zh), triggers: { en: ['pricey'], ru: [], zh: [] } });
    expect(search('太贵').map((h) => h.id)).not.toContain(zh);
    expect(search('pricey')[0]?.id).toBe(zh);
    expect(listObjections(db, { query: 'pricey', language: null, offset: 0, limit: 10 }).rows.map((c) => c.id)).toEqual([zh]);
  });
  it('are validated: blank phrases and too many are refused', () => {
    expect(
      objectionInput.safeParse({ objection: 'x', responses: ['y'], language: 'en', triggers: { en: ['  '], ru: [], zh: [] } }).success,
    ).toBe(false);
    expect(
      objectionInput.safeParse({ objection: 'x', responses: ['y'], language: 'en', triggers: { en: Array(31).fill('a'), ru: [], zh: [] } })
        .success,
    ).toBe(false);
  });
  it('a workspace from before triggers migrates: cards keep being found and get empty triggers', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(
      old,
      null,
      migrations.filter((m) => m.version <= 7),
    );
    old.prepare(`INSERT INTO objection_cards(objection, responses, tags, language) VALUES ('Цены выросли', '["Да"]', '[]', 'ru')`).run();
    old.close();
    const opened = openWorkspaceDb(file).db;
    try {
      expect(getObjection(opened, 1).triggers).toEqual({ en: [], ru: [], zh: [] });
      expect(searchScripts(opened, { query: 'цена', language: null, kinds: ['objection'], limit: 5 }).map((h) => h.id)).toEqual([1]);
    } finally {
      opened.close();
    }
  });
});

describe('synonyms', () => {
  beforeEach(() => {
    createObjection(db, { objection: 'It is too expensive', responses: ['Compare the cost per year'], tags: ['price'], language: 'en' });
    createObjection(db, { objection: 'Send me an e-mail', responses: ['Sure'], tags: ['email'], language: 'en' });
  });
  it('are applied at query time, single words and phrases alike', () => {
    expect(titles('pricey')).toEqual([]);
    saveSynonyms(db, [
      ['pricey', 'too expensive'],
      ['letter', 'e-mail'],
    ]);
    expect(titles('pricey')).toEqual(['It is too expensive']);
    expect(titles('letter')).toEqual(['Send me an e-mail']);
    // a phrase of the group in the query is replaced as a whole
    expect(titles('too expensive')).toEqual(['It is too expensive']);
  });
  it('are cleaned (trimmed, de-duplicated by folding) and a group needs two different entries', () => {
    expect(saveSynonyms(db, [[' Pricey ', 'pricey', 'costly']])).toEqual([['Pricey', 'costly']]);
    expect(() =>
      saveSynonyms(db, [
        ['a', 'b'],
        ['same', 'SAME'],
      ]),
    ).toThrow(/group 2/);
    // nothing half-written: the earlier list is still there
    expect(loadSynonyms(db)).toEqual([['Pricey', 'costly']]);
  });
  it('word forms of a synonym match (stems)', () => {
    saveSynonyms(db, [['дорого', 'expensive']]);
    expect(titles('дороговато')).toEqual(['It is too expensive']);
  });
});

describe('library in live search', () => {
  const meta = (m: Record<string, unknown>) => itemMetaInput.parse(m);
  it('finds non-expired items by title, description and tags, after cards of equal standing', () => {
    const price = insertItem(
      db,
      'note',
      meta({ title: 'Price sheet 2026', description: 'All list prices', tags: ['pricing'] }),
      { bodyMd: 'secret words inside' },
      null,
    );
    insertItem(db, 'note', meta({ title: 'Old price sheet', validUntil: '2020-01-01' }), { bodyMd: '' }, null);
    const pilot = insertItem(db, 'note', meta({ title: 'Pilot rules', tags: ['trial'] }), { bodyMd: '' }, null);
    createObjection(db, { objection: 'The price is too high', responses: ['Compare'], tags: [], language: 'en' });
    const hits = search('price', ['objection', 'library']);
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['objection', 1],
      ['library', price],
    ]);
    expect(search('trial', ['library']).map((h) => h.id)).toEqual([pilot]);
    // the body is not searched live
    expect(search('secret', ['library'])).toEqual([]);
  });
});
