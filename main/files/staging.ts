/**
 * Upload staging: bytes arrive (HTTP upload in the browser host, a dialog path in
 * Electron) into a private temp folder and are referred to by a random id; the
 * services then take them into the content-addressed store. A file name from
 * input is never used as a path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../../shared/api/contract';
import type { UploadRef } from '../../shared/api/session';

export const DEFAULT_UPLOAD_LIMIT = 500 * 1024 * 1024;
/** A staged upload nobody used (a dialog closed, a duplicate not added, a failed import) is released after this. */
export const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

export interface StagedFile extends UploadRef {
  path: string;
  sha256: string;
  stagedAt: number;
}

export class Staging {
  private files = new Map<string, StagedFile>();
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private dir: string,
    private ttlMs = STAGED_TTL_MS,
  ) {}

  /**
   * At start: nothing staged survives a restart (ids live in memory), so every
   * file left in the folder is a crash leftover. Then expiry checks run hourly.
   */
  start(): number {
    let removed = 0;
    if (fs.existsSync(this.dir)) {
      for (const name of fs.readdirSync(this.dir)) {
        if (this.files.has(name)) continue;
        fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
        removed++;
      }
    }
    this.timer ??= setInterval(() => this.expire(), Math.min(this.ttlMs, 60 * 60 * 1000)).unref();
    return removed;
  }

  /** Releases staged files older than the time-to-live; returns how many. */
  expire(now = Date.now()): number {
    let n = 0;
    for (const f of [...this.files.values()]) {
      if (now - f.stagedAt > this.ttlMs) {
        this.release(f.id);
        n++;
      }
    }
    return n;
  }

  private newTarget() {
    fs.mkdirSync(this.dir, { recursive: true });
    const id = crypto.randomBytes(16).toString('hex');
    return { id, target: path.join(this.dir, id) };
  }

  /** Streams bytes to disk while hashing; refuses past maxBytes and leaves nothing behind. */
  async fromStream(stream: Readable, name: string, maxBytes = DEFAULT_UPLOAD_LIMIT): Promise<StagedFile> {
    this.expire();
    const { id, target } = this.newTarget();
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes)
          return cb(
            new AppError('too_large', `"${name}" is larger than the ${Math.round(maxBytes / 1048576)} MB limit.`, undefined, {
              key: 'tooLarge',
              params: { name, mb: Math.round(maxBytes / 1048576) },
            }),
          );
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(target, { flags: 'wx' }));
    } catch (e) {
      fs.rmSync(target, { force: true });
      throw e;
    }
    const staged: StagedFile = { id, name: safeDisplayName(name), size, path: target, sha256: hash.digest('hex'), stagedAt: Date.now() };
    this.files.set(id, staged);
    return staged;
  }

  async fromPath(src: string, maxBytes = DEFAULT_UPLOAD_LIMIT): Promise<StagedFile> {
    const st = fs.statSync(src);
    if (!st.isFile()) throw new AppError('bad_file', `"${path.basename(src)}" is not a file.`);
    if (st.size > maxBytes)
      throw new AppError('too_large', `"${path.basename(src)}" is larger than the ${Math.round(maxBytes / 1048576)} MB limit.`, undefined, {
        key: 'tooLarge',
        params: { name: path.basename(src), mb: Math.round(maxBytes / 1048576) },
      });
    return this.fromStream(fs.createReadStream(src), path.basename(src), maxBytes);
  }

  get(id: string): StagedFile {
    const f = this.files.get(id);
    if (!f) throw new AppError('not_found', 'The uploaded file is no longer available; upload it again.');
    return f;
  }

  release(id: string) {
    const f = this.files.get(id);
    if (f) fs.rmSync(f.path, { force: true });
    this.files.delete(id);
  }

  clear() {
    for (const id of [...this.files.keys()]) this.release(id);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Keeps a file name for display only: no folders, no control or reserved characters. */
export function safeDisplayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}
