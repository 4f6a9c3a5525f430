import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { DEFAULT_COMPETENCIES } from '../../main/services/competencies';
import { getModel } from '../../main/services/training/model';
import { namespace } from './locales';

const trainingStrings = { en: namespace('en', 'training'), ru: namespace('ru', 'training'), zh: namespace('zh', 'training') };

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
/** Plural forms differ by language (ru one/few/many/other, zh other): compare their base keys. */
const baseKeys = (o: object) => [...new Set(keys(o).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];

describe('training migration', () => {
  it('upgrades a foundation (v1) workspace with data to v5 and fills the model defaults', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-tmig-'));
    const file = path.join(dir, 'w.sqlite');
    const db = new Database(file);
    migrate(
      db,
      file,
      migrations.filter((m) => m.version === 1),
    );
    // the default model as a v1 workspace stored it (one column per language)
    const ins = db.prepare('INSERT INTO competencies(key, name_en, name_ru, name_zh, sort) VALUES (?, ?, ?, ?, ?)');
    DEFAULT_COMPETENCIES.forEach((c, i) => ins.run(c.key, c.en, c.ru, c.zh, i));
    db.prepare("INSERT INTO people(name, email) VALUES ('A', 'a@example.com')").run();
    const r = migrate(db, file);
    expect(r).toMatchObject({ from: 1, to: migrations[migrations.length - 1].version });
    expect(r.copyPath && fs.existsSync(r.copyPath)).toBeTruthy();
    const m = getModel(db);
    expect(m.competencies).toHaveLength(6);
    expect(m.competencies.every((c) => c.name && c.names.ru && c.names.zh)).toBe(true);
    expect(m.competencies.every((c) => c.levels.every((l) => l.en && l.ru && l.zh))).toBe(true);
    expect(Object.keys(m.targets).length).toBe(18);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('training strings', () => {
  it('en, ru and zh have the same keys and no empty values', () => {
    const en = baseKeys(trainingStrings.en).sort();
    expect(baseKeys(trainingStrings.ru).sort()).toEqual(en);
    expect(baseKeys(trainingStrings.zh).sort()).toEqual(en);
    expect(en.length).toBeGreaterThan(200);
  });
});
