import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
