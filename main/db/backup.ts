import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './open';

/** A consistent copy of a live workspace through SQLite's online backup API. */
export async function backupTo(db: DB, dest: string): Promise<number> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.partial`;
  if (fs.existsSync(tmp)) fs.rmSync(tmp);
  try {
    await db.backup(tmp);
  } catch (e) {
    // a full disk or any failure: no half-written copy is left behind
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, dest);
  return fs.statSync(dest).size;
}

/**
 * A consistent copy written by a connection of its own (a job's worker thread): VACUUM INTO
 * reads one snapshot, so writes through other connections meanwhile neither restart nor
 * enter it (the online backup API restarts on every write from another connection).
 * Written to `<dest>.partial` and renamed: an interrupted backup never looks finished.
 */
export function snapshotTo(db: DB, dest: string): number {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.partial`;
  fs.rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fs.renameSync(tmp, dest);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.statSync(dest).size;
}
