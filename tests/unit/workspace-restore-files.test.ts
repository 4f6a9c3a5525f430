/**
 * A restore must never lose stored files: the round trip that once deleted a
 * library file (back up, add a file, restore, restore "before-restore") ends
 * with the file served, and the trash is emptied only after its retention and
 * never of files a kept backup refers to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/context';
import { createServer } from '../../main/server/server';
import { blobPath, trashDir } from '../../main/files/store';
import { sweepLibrary } from '../../main/services/library/maintenance';
import { tempDir } from './helpers/db';

const TOKEN = 'restore-test-token';
let dir: string;
let ctx: ApiContext;
let srv: ReturnType<typeof createServer>;
let base: string;

beforeEach(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  ctx = createApp({ dataDir: path.join(dir, 'data'), demo: false, host: { kind: 'browser' } });
  srv = createServer({ ctx, token: TOKEN, staticDir });
  base = `http://127.0.0.1:${(await srv.listen()).port}`;
});
afterEach(async () => {
  await srv.close();
  ctx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const r = await dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function upload(file: string): Promise<string> {
  const res = await fetch(`${base}/upload?name=${encodeURIComponent(path.basename(file))}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}` },
    body: fs.readFileSync(file),
  });
  const body = (await res.json()) as { ok: boolean; value: { id: string } };
  expect(body.ok).toBe(true);
  return body.value.id;
}

const served = (sha: string) =>
  fetch(`${base}/files/${sha}?token=${TOKEN}&type=application/pdf`).then(async (r) => ({
    status: r.status,
    bytes: Buffer.from(await r.arrayBuffer()),
  }));

describe('backup and restore keep stored files', () => {
  it('back up, add a file, restore, restore "before-restore": the file is still served', async () => {
    const pdf = path.join(__dirname, '..', 'fixtures', 'library', 'kp-ru.pdf');
    const first = await call<{ path: string }>('workspace.backup');

    const added = await call<{ item: { id: number; current: { sha256: string } } }>('library.addFile', { uploadId: await upload(pdf) });
    const sha = added.item.current.sha256;
    expect((await served(sha)).status).toBe(200);

    await call('workspace.restore', { path: first.path });
    // the restored workspace has no library row; the file waits in the trash, not deleted
    expect((await call<{ total: number }>('library.list', {})).total).toBe(0);
    expect(fs.existsSync(path.join(trashDir(ctx.ws.filesDir), sha))).toBe(true);

    const backups = await call<{ name: string; path: string }[]>('workspace.listBackups');
    const beforeRestore = backups.find((b) => b.name.includes('before-restore'));
    expect(beforeRestore).toBeDefined();
    await call('workspace.restore', { path: beforeRestore!.path });

    const list = await call<{ total: number; rows: { id: number }[] }>('library.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([added.item.id]);
    const got = await served(sha);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(fs.readFileSync(pdf))).toBe(true);
    expect(fs.existsSync(path.join(trashDir(ctx.ws.filesDir), sha))).toBe(false);
  });

  it('empties the trash only after the retention period, and never of files a kept backup refers to', async () => {
    const pdf = path.join(__dirname, '..', 'fixtures', 'library', 'kp-ru.pdf');
    const docx = path.join(__dirname, '..', 'fixtures', 'library', 'guide-en.docx');
    const kept = await call<{ item: { id: number; current: { sha256: string } } }>('library.addFile', { uploadId: await upload(pdf) });
    await call('workspace.backup'); // this backup refers to the pdf
    await call('library.remove', { id: kept.item.id });
    const gone = await call<{ item: { id: number; current: { sha256: string } } }>('library.addFile', { uploadId: await upload(docx) });
    await call('library.remove', { id: gone.item.id }); // no backup ever referred to the docx

    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const filesDir = ctx.ws.filesDir;
    // removing an item moves its file to the trash, it does not delete it
    expect(fs.readdirSync(trashDir(filesDir)).sort()).toEqual([kept.item.current.sha256, gone.item.current.sha256].sort());
    let r = sweepLibrary(ctx.db, filesDir, ctx.ws.backupsDir, { now });
    expect(r).toMatchObject({ trashed: 0, purged: 0 });

    r = sweepLibrary(ctx.db, filesDir, ctx.ws.backupsDir, { now: now + 10 * day });
    expect(r.purged).toBe(0);
    expect(fs.readdirSync(trashDir(filesDir)).sort()).toEqual([kept.item.current.sha256, gone.item.current.sha256].sort());

    r = sweepLibrary(ctx.db, filesDir, ctx.ws.backupsDir, { now: now + 31 * day });
    expect(r.purged).toBe(1);
    expect(fs.readdirSync(trashDir(filesDir))).toEqual([kept.item.current.sha256]);
    expect(fs.existsSync(blobPath(filesDir, gone.item.current.sha256))).toBe(false);
  });
});
