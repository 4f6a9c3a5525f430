import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './open';

/** A consistent copy of a live workspace through SQLite's online backup API. */
export async function backupTo(db: DB, dest: string): Promise<number> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.partial`;
  if (fs.existsSync(tmp)) fs.rmSync(tmp);
  await db.backup(tmp);
  fs.renameSync(tmp, dest);
  return fs.statSync(dest).size;
}
