import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { tempDir } from './helpers/db';

let dir: string;
let ctx: ApiContext;
const opened: string[] = [];

beforeAll(() => {
  dir = tempDir();
  ctx = createApp({ dataDir: dir, demo: true, host: { kind: 'electron', openPath: async (p) => (opened.push(p), '') } });
});
afterAll(() => {
  ctx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('open with the system app (desktop)', () => {
  it('hands a named copy of the current version to the system and records the open', async () => {
    const row = ctx.db
      .prepare(
        "SELECT i.id, v.file_name AS name FROM library_items i JOIN library_versions v ON v.id = i.current_version_id WHERE v.file_name LIKE '%.pptx' LIMIT 1",
      )
      .get() as { id: number; name: string };
    const before = ctx.db.prepare("SELECT count(*) FROM library_usage WHERE item_id = ? AND action = 'open'").pluck().get(row.id) as number;
    const r = await dispatch('library.openExternal', { id: row.id }, ctx);
    expect(r).toEqual({ ok: true, value: { opened: true } });
    expect(path.basename(opened[0])).toBe(row.name);
    expect(fs.existsSync(opened[0])).toBe(true);
    expect(ctx.db.prepare("SELECT count(*) FROM library_usage WHERE item_id = ? AND action = 'open'").pluck().get(row.id)).toBe(before + 1);
  });

  it('is refused clearly in the browser host', async () => {
    const browser = { ...ctx, host: { kind: 'browser' as const } } as ApiContext;
    Object.defineProperty(browser, 'db', { get: () => ctx.db });
    const r = await dispatch('library.openExternal', { id: 1 }, browser);
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('open with the system app: only known document and media kinds', () => {
  const stage = async (name: string, bytes: Buffer) => {
    const f = path.join(dir, 'incoming-' + name.replace(/[^\w.-]/g, '_'));
    fs.writeFileSync(f, bytes);
    const staged = await ctx.staging.fromPath(f);
    // the display name keeps the original name (fromPath takes the base name of the path)
    (staged as { name: string }).name = name;
    const r = await dispatch('library.addFile', { uploadId: staged.id, allowDuplicate: true, meta: { title: name } }, ctx);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    return (r as { ok: true; value: { item: { id: number } } }).value.item.id;
  };

  it.each([
    'shortcut.terminal',
    'app.desktop',
    'search.library-ms',
    'server.rdp',
    'addin.xll',
    'macro.docm',
    'sheet.slk',
    'query.iqy',
    'script.scpt',
    'install.appref-ms',
    'README',
  ])('refuses %s with a clear message and hands nothing to the system', async (name) => {
    const id = await stage(name, Buffer.from(`harmless bytes for ${name} ${Math.random()}\n`));
    const before = opened.length;
    const r = await dispatch('library.openExternal', { id }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'library.openNotAllowed', params: { name } } });
    expect((r as { ok: false; error: { message: string } }).error.message).toMatch(/Save a copy/);
    expect(opened.length).toBe(before);
  });

  it('refuses a macro document renamed .docx, opens a plain text file', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/vbaProject.bin', Buffer.from('macro'));
    const id = await stage('renamed.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await dispatch('library.openExternal', { id }, ctx)).toMatchObject({ ok: false, error: { key: 'library.openNotAllowed' } });

    const txt = await stage('notes.txt', Buffer.from('call notes ' + Math.random()));
    const before = opened.length;
    expect(await dispatch('library.openExternal', { id: txt }, ctx)).toEqual({ ok: true, value: { opened: true } });
    expect(opened.length).toBe(before + 1);
  });
});
