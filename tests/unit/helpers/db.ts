import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { openWorkspaceDb, type DB } from '../../../main/db/open';

/** A fresh migrated workspace database in a temp folder. */
export function tempDb(): { db: DB; dir: string; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-unit-'));
  const file = path.join(dir, 'w.sqlite');
  const { db } = openWorkspaceDb(file, { create: true });
  return {
    db,
    dir,
    file,
    cleanup() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'swb-unit-'));
}

/**
 * A workspace file migrated only up to `version` (the schema an older app left), for migration tests:
 * the plain connection is handed back so the test can fill the old columns and then run `migrate(db, file)`.
 */
export function workspaceAtVersion(version: number): { db: Database.Database; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-unit-old-'));
  const file = path.join(dir, 'w.sqlite');
  const db = new Database(file);
  migrate(
    db,
    file,
    migrations.filter((m) => m.version <= version),
  );
  return {
    db,
    file,
    cleanup() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
