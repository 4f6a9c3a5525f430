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
