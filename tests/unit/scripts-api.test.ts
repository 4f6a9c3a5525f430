import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptsHandlers } from '../../main/api/scripts';
import type { ApiContext } from '../../main/api/context';
import { SOLO_OWNER } from '../../shared/api/access';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { scriptInput } from '../../shared/api/scripts';
import { createScript, publishScript, saveScript } from '../../main/services/scripts/store';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scripts-api-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ctx(role: string, host: ApiContext['host'] = { kind: 'browser' }): ApiContext {
  const c: ApiContext = {
    ws: { getMeta: (k: string) => (k === 'session' ? JSON.stringify({ personId: null, role }) : null) } as unknown as ApiContext['ws'],
    db,
    actor: SOLO_OWNER,
    actorId: () => null,
    withActor: () => c,
    staging: {} as ApiContext['staging'],
    host,
  };
  return c;
}

const data = (title: string) =>
  scriptInput.parse({ title, language: 'en', steps: [{ key: 'a', stage: 'opening', title: 'Hello', talkingPointsMd: 'Greet' }] });

describe('scripts handlers', () => {
  it('reps only see published versions and cannot edit', async () => {
    const s = createScript(db, data('Published one'));
    publishScript(db, s.id);
    saveScript(db, s.id, data('Published one, edited draft'), null);
    createScript(db, data('Draft only'));
    const rep = ctx('rep');
    const list = await scriptsHandlers['scripts.list']({ query: '', language: null, status: 'all', offset: 0, limit: 50 }, rep);
    expect(list.rows.map((r) => r.id)).toEqual([s.id]);
    const got = await scriptsHandlers['scripts.get']({ id: s.id, view: 'draft' }, rep);
    expect(got.title).toBe('Published one');
    expect(() => scriptsHandlers['scripts.create'](data('x'), rep)).toThrow(/managers and trainers/);
    const mgr = await scriptsHandlers['scripts.list']({ query: '', language: null, status: 'all', offset: 0, limit: 50 }, ctx('manager'));
    expect(mgr.total).toBe(2);
  });

  it('openLiveWindow calls the Electron host, and says clearly when there is none', async () => {
    const open = vi.fn();
    expect(await scriptsHandlers['scripts.openLiveWindow']({}, ctx('rep', { kind: 'electron', openLiveCallWindow: open }))).toEqual({
      opened: true,
    });
    expect(open).toHaveBeenCalledOnce();
    expect(() => scriptsHandlers['scripts.openLiveWindow']({}, ctx('rep'))).toThrow(/only in the desktop app/);
  });
});
