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

/** Where unreferenced blobs wait before they are deleted (outside the two-hex prefix folders). */
export const trashDir = (filesDir: string) => path.join(filesDir, '.trash');

/** How long an unreferenced blob is kept in the trash (a restore within this time gets its files back). */
export const TRASH_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Moves a blob no row refers to any more into the trash (a backup may still refer to it). */
export function trashBlob(filesDir: string, sha256: string, now = Date.now()): boolean {
  const src = blobPath(filesDir, sha256);
  if (!fs.existsSync(src)) return false;
  fs.mkdirSync(trashDir(filesDir), { recursive: true });
  const dest = path.join(trashDir(filesDir), sha256);
  fs.renameSync(src, dest);
  // the retention clock starts when the blob is trashed, not when it was stored
  fs.utimesSync(dest, new Date(now), new Date(now));
  return true;
}

export interface SweepOptions {
  now?: number;
  retentionMs?: number;
  /** Hashes some kept backup refers to; such blobs never leave the trash. Called only when something is due. */
  keptByBackups?: () => Set<string>;
}

export interface SweepResult {
  /** Unreferenced blobs moved to the trash. */
  trashed: number;
  /** Referenced blobs brought back from the trash (e.g. after a restore). */
  recovered: number;
  /** Trashed blobs deleted after the retention period, referenced by no kept backup. */
  purged: number;
  /** Half-written temp copies removed (crash leftovers). */
  tempRemoved: number;
}

/**
 * Never deletes a blob that a database row might still want: a restore brings
 * back rows whose files the live workspace no longer referred to. So an
 * unreferenced blob goes to the trash first; a referenced one found in the
 * trash is moved back; the trash is emptied only after the retention period
 * and never of blobs a kept backup refers to.
 */
export function sweepOrphans(filesDir: string, referenced: Set<string>, opts: SweepOptions = {}): SweepResult {
  const res: SweepResult = { trashed: 0, recovered: 0, purged: 0, tempRemoved: 0 };
  if (!fs.existsSync(filesDir)) return res;
  const now = opts.now ?? Date.now();
  const trash = trashDir(filesDir);
  for (const prefix of fs.readdirSync(filesDir)) {
    const dir = path.join(filesDir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (!SHA256.test(name)) {
        fs.rmSync(file, { force: true });
        res.tempRemoved++;
        continue;
      }
      if (referenced.has(name)) continue;
      trashBlob(filesDir, name, now);
      res.trashed++;
    }
  }
  if (!fs.existsSync(trash)) return res;
  let kept: Set<string> | null = null;
  for (const name of fs.readdirSync(trash)) {
    const file = path.join(trash, name);
    if (!SHA256.test(name)) {
      fs.rmSync(file, { force: true });
      res.tempRemoved++;
      continue;
    }
    if (referenced.has(name)) {
      const dest = blobPath(filesDir, name);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (fs.existsSync(dest)) fs.rmSync(file, { force: true });
      else fs.renameSync(file, dest);
      res.recovered++;
      continue;
    }
    if (now - fs.statSync(file).mtimeMs < (opts.retentionMs ?? TRASH_RETENTION_MS)) continue;
    kept ??= opts.keptByBackups?.() ?? new Set();
    if (kept.has(name)) continue;
    fs.rmSync(file, { force: true });
    res.purged++;
  }
  return res;
}
