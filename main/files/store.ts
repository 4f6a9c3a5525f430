/**
 * Content-addressed file store: files/<first two hex>/<sha256>. A file is copied
 * to a temp name and renamed into place before any database row refers to it,
 * so a crash leaves at worst an orphan file (swept by `sweepOrphans`).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SHA256 = /^[0-9a-f]{64}$/;

export function blobPath(filesDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('Invalid content hash');
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

/** Puts a staged file into the store (idempotent: an existing blob is kept). */
export function putBlob(filesDir: string, srcPath: string, sha256: string): string {
  const dest = blobPath(filesDir, sha256);
  if (fs.existsSync(dest)) return dest;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
  fs.copyFileSync(srcPath, tmp);
  fs.renameSync(tmp, dest);
  return dest;
}

/** Removes blobs no database row refers to (and stale temp files). Returns how many were removed. */
export function sweepOrphans(filesDir: string, referenced: Set<string>): number {
  if (!fs.existsSync(filesDir)) return 0;
  let removed = 0;
  for (const prefix of fs.readdirSync(filesDir)) {
    const dir = path.join(filesDir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      if (SHA256.test(name) && referenced.has(name)) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
