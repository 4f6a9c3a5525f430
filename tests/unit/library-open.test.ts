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
    const row = ctx.db.prepare("SELECT i.id, v.file_name AS name FROM library_items i JOIN library_versions v ON v.id = i.current_version_id WHERE v.file_name LIKE '%.pptx' LIMIT 1").get() as { id: number; name: string };
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
