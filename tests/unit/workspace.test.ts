import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceManager } from '../../main/services/workspace';
import { createPerson, listPeople } from '../../main/services/people';
import { tempDir } from './helpers/db';

let dir: string;
let ws: WorkspaceManager;
const count = () =>
  listPeople(ws.db, { query: '', teamId: null, role: null, includeInactive: true, sort: 'name', offset: 0, limit: 1 }).total;

beforeEach(() => {
  dir = tempDir();
  ws = new WorkspaceManager({ dataDir: dir, demo: true, host: 'browser' });
});
afterEach(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('workspaces', () => {
  it('creates the demo on first start: 3 teams, 24 reps, 3 managers, 2 trainers', () => {
    ws.init();
    expect(ws.info()).toMatchObject({ isDemo: true, name: 'Demo workspace' });
    const roles = Object.fromEntries(
      ws.db.prepare('SELECT role, count(*) n FROM person_roles GROUP BY role').raw().all() as [string, number][],
    );
    expect(roles).toMatchObject({ rep: 24, manager: 3, trainer: 2 });
    expect(ws.db.prepare('SELECT count(*) FROM teams').pluck().get()).toBe(3);
    // every demo person has a Russian and a Chinese name (person_names, migration 014)
    const people = listPeople(ws.db, {
      query: '',
      teamId: null,
      role: null,
      includeInactive: true,
      sort: 'name',
      offset: 0,
      limit: 500,
    }).rows;
    expect(people.length).toBe(29);
    expect(people.every((p) => /\p{Script=Cyrillic}/u.test(p.names.ru ?? '') && /\p{Script=Han}/u.test(p.names.zh ?? ''))).toBe(true);
  });

  it('starts empty with --no-demo, and reopens the last workspace', () => {
    const empty = new WorkspaceManager({ dataDir: dir, demo: false, host: 'browser' });
    empty.init();
    expect(empty.info().isDemo).toBe(false);
    expect(
      listPeople(empty.db, { query: '', teamId: null, role: null, includeInactive: true, sort: 'name', offset: 0, limit: 1 }).total,
    ).toBe(0);
    const p = empty.path;
    empty.close();
    ws.init();
    expect(ws.path).toBe(p);
  });

  it('switches between a new empty workspace and the demo, keeping both', () => {
    ws.init();
    const info = ws.createEmpty('Отдел продаж');
    expect(info).toMatchObject({ isDemo: false, name: 'Отдел продаж' });
    expect(count()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM competencies').pluck().get()).toBe(6);
    ws.openDemo(false);
    expect(count()).toBe(29);
    expect(
      ws
        .list()
        .map((w) => w.name)
        .sort(),
    ).toEqual(['demo', 'Отдел-продаж']);
  });

  it('backs up and restores, backing up the current state first', async () => {
    ws.init();
    const b = await ws.backup();
    createPerson(ws.db, { name: 'Added Later', names: {}, email: 'later@example.com', teamId: null, roles: ['rep'], hiredAt: null });
    expect(count()).toBe(30);
    await ws.restore(b.path);
    expect(count()).toBe(29);
    const backups = ws.listBackups();
    expect(backups.some((x) => x.name.includes('before-restore'))).toBe(true);
    // The pre-restore backup holds the person added after the first backup.
    await ws.restore(backups.find((x) => x.name.includes('before-restore'))!.path);
    expect(count()).toBe(30);
  });

  it('refuses to open or restore a file that is not a workspace, keeping the current one open', async () => {
    ws.init();
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'plain text');
    expect(() => ws.open(bad)).toThrow(/not a Sales Workbench workspace/);
    await expect(ws.restore(bad)).rejects.toThrow(/not a Sales Workbench workspace/);
    expect(count()).toBe(29);
  });

  it('shows a problem (with backups) when the last workspace is damaged, and recovers by restoring', async () => {
    ws.init();
    const b = await ws.backup();
    const file = ws.path;
    ws.close();
    fs.writeFileSync(file, 'garbage that replaced the workspace');
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const again = new WorkspaceManager({ dataDir: dir, demo: true, host: 'browser' });
    again.init();
    const problem = again.problem();
    expect(problem?.message).toMatch(/not a Sales Workbench workspace/);
    expect(problem?.backups.map((x) => x.path)).toContain(b.path);
    expect(() => again.db).toThrow(/not a Sales Workbench workspace/);
    await again.restore(b.path);
    expect(again.problem()).toBeNull();
    expect(again.info().isDemo).toBe(true);
    again.close();
  });
});
