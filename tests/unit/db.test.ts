import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkspaceDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { LATEST_VERSION, migrations } from '../../main/db/migrations';
import { backupTo } from '../../main/db/backup';
import { tempDir } from './helpers/db';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('workspace database', () => {
  it('opens a fresh workspace with WAL, foreign keys and the latest schema', () => {
    const file = path.join(dir(), 'w.sqlite');
    const { db, migration } = openWorkspaceDb(file, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(migration).toMatchObject({ from: 0, to: LATEST_VERSION, copyPath: null });
    db.close();
  });

  it('migration versions are contiguous and start at 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  // From every earlier version: build the schema up to version k, put a row in, then open with the app.
  for (let i = 1; i < migrations.length; i++) {
    const k = migrations[i - 1].version;
    it(`migrates a workspace from version ${k} to ${LATEST_VERSION} and copies the file aside first`, () => {
      const file = path.join(dir(), 'old.sqlite');
      const db = new Database(file);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, null, migrations.slice(0, i));
      db.prepare("INSERT INTO people(name, email) VALUES ('Old Timer', 'old@example.com')").run();
      db.close();
      const opened = openWorkspaceDb(file);
      expect(opened.migration.from).toBe(k);
      expect(opened.migration.to).toBe(LATEST_VERSION);
      expect(opened.migration.copyPath && fs.existsSync(opened.migration.copyPath)).toBe(true);
      expect(opened.db.prepare('SELECT name FROM people').get()).toEqual({ name: 'Old Timer' });
      opened.db.close();
      const copy = new Database(opened.migration.copyPath!, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(k);
      copy.close();
    });
  }

  it('migration 7 records, for existing import batches, which earlier batches they changed', () => {
    const file = path.join(dir(), 'v6.sqlite');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(
      db,
      null,
      migrations.filter((m) => m.version <= 6),
    );
    db.exec(`INSERT INTO crm_import_batches(id, source) VALUES (1, 'zoho'), (2, 'zoho'), (3, 'hubspot');
      INSERT INTO crm_deal_history(batch_id, deal_id, prev) VALUES (2, 10, '{"id":10,"batch_id":1}'), (2, 11, '{"id":11,"batch_id":1}'), (2, 12, '{"id":12,"batch_id":null}');`);
    db.close();
    const opened = openWorkspaceDb(file);
    const touched = opened.db.prepare('SELECT id, touched FROM crm_import_batches ORDER BY id').all();
    expect(touched).toEqual([
      { id: 1, touched: '[]' },
      { id: 2, touched: '[1]' },
      { id: 3, touched: '[]' },
    ]);
    opened.db.close();
  });

  it('migration 9 rewrites stored deal currencies as ISO 4217 codes and adds the rates table', () => {
    const file = path.join(dir(), 'v7.sqlite');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(
      db,
      null,
      migrations.filter((m) => m.version < 9),
    );
    db.exec(`INSERT INTO people(id, name, email) VALUES (1, 'Anna', 'a@x.io');
      INSERT INTO crm_deals(source, external_id, rep_id, status, created_at, currency) VALUES
        ('f', '1', 1, 'open', '2025-01-01', '人民币'), ('f', '2', 1, 'open', '2025-01-01', 'руб.'), ('f', '3', 1, 'open', '2025-01-01', '$'),
        ('f', '4', 1, 'open', '2025-01-01', 'EUR'), ('f', '5', 1, 'open', '2025-01-01', ''), ('f', '6', 1, 'open', '2025-01-01', 'Bitcoin');`);
    db.close();
    const opened = openWorkspaceDb(file);
    expect(opened.db.prepare('SELECT currency FROM crm_deals ORDER BY external_id').pluck().all()).toEqual([
      'CNY',
      'RUB',
      'USD',
      'EUR',
      '',
      'Bitcoin',
    ]);
    opened.db.prepare("INSERT INTO crm_fx_rates(currency, quote, month, rate) VALUES ('EUR', 'USD', '2025-03', 1.1)").run();
    expect(() =>
      opened.db.prepare("INSERT INTO crm_fx_rates(currency, quote, month, rate) VALUES ('EUR', 'USD', '2025-04', 0)").run(),
    ).toThrow(/CHECK/);
    opened.db.close();
  });

  it('refuses a file that is not SQLite with a readable message', () => {
    const file = path.join(dir(), 'notes.sqlite');
    fs.writeFileSync(file, 'these are my meeting notes, not a database');
    expect(() => openWorkspaceDb(file)).toThrow(/not a Sales Workbench workspace: it is not an SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toContain('meeting notes');
  });

  it('refuses an SQLite database of another application', () => {
    const file = path.join(dir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices(id INTEGER PRIMARY KEY)');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openWorkspaceDb(file)).toThrow(/SQLite database, but not a Sales Workbench workspace/);
    // refused untouched: still in rollback-journal mode, same bytes, no WAL left beside it
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it("refuses another program's database in WAL mode byte-identical too", () => {
    const file = path.join(dir(), 'wal-other.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)');
    db.prepare('INSERT INTO notes(body) VALUES (?)').run('keep me');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openWorkspaceDb(file)).toThrow(/not a Sales Workbench workspace/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a workspace from a newer app version', () => {
    const file = path.join(dir(), 'w.sqlite');
    const { db } = openWorkspaceDb(file, { create: true });
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    // as a newer app might leave it: checkpointed, rollback-journal mode
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openWorkspaceDb(file)).toThrow(/newer version of Sales Workbench/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('reports a damaged file instead of crashing', () => {
    const file = path.join(dir(), 'w.sqlite');
    const { db } = openWorkspaceDb(file, { create: true });
    const ins = db.prepare('INSERT INTO people(name, email) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run('Person ' + i, `p${i}@example.com`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite a stretch of pages in the middle with garbage.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    fs.closeSync(fd);
    expect(() => openWorkspaceDb(file)).toThrow(/damaged|not a workspace/);
  });

  it('backs up a live workspace through the online backup API', async () => {
    const d = dir();
    const { db } = openWorkspaceDb(path.join(d, 'w.sqlite'), { create: true });
    db.prepare("INSERT INTO people(name, email) VALUES ('Anna', 'anna@example.com')").run();
    const size = await backupTo(db, path.join(d, 'b', 'copy.sqlite'));
    expect(size).toBeGreaterThan(0);
    db.close();
    const copy = openWorkspaceDb(path.join(d, 'b', 'copy.sqlite'));
    expect(copy.db.prepare('SELECT email FROM people').pluck().all()).toEqual(['anna@example.com']);
    copy.db.close();
  });
});
