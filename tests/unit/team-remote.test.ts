/**
 * The remote dispatcher (main/services/teamClient/remote.ts) between the local
 * host's `dispatch` and a REAL team server process: with a team workspace in
 * use the screens' calls go to the server as the signed-in rep (their answers
 * and their refusals unchanged), the computer's own methods stay local, and
 * with the server stopped the live-call methods answer from the offline cache
 * while other screens get one plain message; usage logged offline arrives once
 * after the server is back.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServe, startServe, type Running } from './helpers/teamServer';
import { TeamClient } from '../../main/services/teamClient/client';
import { TeamConnections } from '../../main/services/teamClient/connections';
import { RemoteDispatcher, staysLocal } from '../../main/services/teamClient/remote';
import { createApp } from '../../main/app';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/context';
import type { ApiResult } from '../../shared/api/contract';
import type { SearchHit } from '../../shared/api/scripts';

const PW = 'violet tram seventeen';
let built: Awaited<ReturnType<typeof buildServe>>;
let server: Running;
let port = 0;
let dataDir = '';
let url = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-remote-'));
let owner: TeamClient;
let conns: TeamConnections;
let remote: RemoteDispatcher;
let ctx: ApiContext;
let linked: { id: number; sha256: string };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

const start = async () => {
  server = await startServe(built.entry, ['--team', '--port', String(port), '--static', built.staticDir], dataDir);
};

async function call<T>(method: string, input: unknown = {}): Promise<ApiResult<T>> {
  return (await dispatch(method, input, ctx)) as ApiResult<T>;
}
async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

function serverRows(sql: string, ...args: unknown[]): unknown[] {
  const file = fs.readdirSync(path.join(dataDir, 'workspaces')).find((f) => f.endsWith('.sqlite'))!;
  const db = new Database(path.join(dataDir, 'workspaces', file), { readonly: true });
  try {
    return db.prepare(sql).all(...args);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  built = await buildServe();
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-team-'));
  await start();
  owner = new TeamClient({ file: path.join(tmp, 'owner.sqlite') });
  owner.setServer(url);
  const info = await owner.call<{ people: { id: number; email: string }[] }>('auth.setupInfo', { code: server.setupCode() });
  const admin = info.people.find((p) => p.email === 'nina.orlova@example.com')!;
  await owner.call('auth.completeSetup', { code: server.setupCode(), personId: admin.id, password: PW, client: 'bearer' });
  await owner.signIn(admin.email, PW);
  const repPerson = info.people.find((p) => p.email === 'ivan.sokolov@example.com')!;
  const inv = await owner.call<{ code: string }>('team.invite', { personId: repPerson.id });
  const accept = new TeamClient({ file: path.join(tmp, 'accept.sqlite') });
  accept.setServer(url);
  await accept.call('auth.acceptInvitation', { code: inv.code, password: PW, client: 'bearer' });
  accept.close();
  // a manager links a stored file to the price objection: reps get it for calls
  const files = await owner.call<{ rows: { id: number; sha256: string | null; size: number | null; status: string }[] }>('library.list', { kind: 'file', limit: 50 });
  const f = files.rows.find((r) => r.sha256 && r.status !== 'expired' && (r.size ?? 0) < 5_000_000)!;
  linked = { id: f.id, sha256: f.sha256! };
  const cards = await owner.call<{ rows: { id: number }[] }>('scripts.objections.list', { query: 'too expensive', limit: 5 });
  await owner.call('library.link', { targetKind: 'objection', targetId: cards.rows[0].id, itemId: linked.id });

  // "the desktop": an empty local workspace, the team connections and the remote dispatcher
  conns = new TeamConnections(path.join(tmp, 'desk', 'team-client'));
  remote = new RemoteDispatcher(conns, { timer: false, retryMs: 0 });
  ctx = createApp({ dataDir: path.join(tmp, 'desk'), demo: false, host: { kind: 'browser', teamClient: conns, remote } });
  await value('teamClient.connect', { url, email: repPerson.email, password: PW, trustFingerprint: null });
}, 180_000);

afterAll(async () => {
  remote?.close();
  conns?.close();
  owner?.close();
  ctx?.ws.close();
  await server?.stop();
  for (const d of [dataDir, built?.dir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('remote dispatcher against a real team server', () => {
  let scriptId = 0;

  it('keeps this computer\'s methods local', () => {
    for (const m of ['teamClient.state', 'app.about', 'workspace.info', 'workspace.openNamed', 'guidance.feed.poll', 'auth.status', 'files.pick']) expect(staysLocal(m), m).toBe(true);
    for (const m of ['scripts.search', 'people.list', 'session.get', 'auth.signOut', 'sync.changes']) expect(staysLocal(m), m).toBe(false);
  });

  it('forwards the screens\' calls to the team server in use, as the signed-in rep', async () => {
    // a linked library file: downloaded into the offline copy on first open
    const f = await remote.file(linked.sha256);
    expect(f?.path).toContain(path.join(tmp, 'desk', 'team-client'));
    await expect(remote.file('0'.repeat(64))).rejects.toMatchObject({ code: 'not_found' });
    const local = await value<{ rows: unknown[] }>('scripts.list', { status: 'published' });
    // connect() made the team workspace the one in use: the local (empty) workspace is not asked
    const team = await owner.call<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 100 });
    expect(team.rows.length).toBeGreaterThan(0);
    expect(local.rows.length).toBe(Math.min(team.rows.length, 50));
    scriptId = team.rows[0].id;
    const session = await value<{ mode: string; person: { name: string }; roles: string[] }>('session.get');
    expect(session).toMatchObject({ mode: 'team', person: { name: 'Ivan Sokolov' }, roles: ['rep'] });
    // the local ones stay local
    expect(await value<{ mode: string }>('auth.status')).toMatchObject({ mode: 'solo' });
    expect((await value<{ active: string | null }>('teamClient.state')).active).toBe(url);

    await value('teamClient.use', { url: null });
    expect((await value<{ rows: unknown[] }>('scripts.list', { status: 'published' })).rows).toHaveLength(0);
    expect(await value<{ mode: string }>('session.get')).toMatchObject({ mode: 'solo' });
    await value('teamClient.use', { url });
  });

  it('passes the server\'s refusals through with their message (a rep may not edit scripts or see the team)', async () => {
    const create = await call('scripts.create', { title: 'Rep script', language: 'en', steps: [] });
    expect(create).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'access.forbidden', message: "You don't have permission to do this." } });
    const overview = await call('team.overview', {});
    expect(overview).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the server's validation message (with its field) comes back as it was sent
    const bad = await call('scripts.get', { id: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // and nothing was written locally
    expect(ctx.db.prepare('SELECT count(*) FROM scripts').pluck().get()).toBe(0);
  });

  it('with the server stopped, live-call methods answer from the offline cache in en/ru/zh', async () => {
    await server.stop();
    for (const [q, lang] of [['too expensive', 'en'], ['дорого', 'ru'], ['太贵', 'zh']] as const) {
      const hits = await value<SearchHit[]>('scripts.search', { query: q, language: null, kinds: ['step', 'objection', 'library'], limit: 20 });
      const card = hits.find((h) => h.kind === 'objection' && h.language === lang);
      expect(card, `${q}: ${JSON.stringify(hits.map((h) => h.title))}`).toBeTruthy();
      expect(card!.responses.length).toBeGreaterThan(0);
    }
    expect(conns.client(url).status().state).toBe('offline');
    const script = await value<{ id: number; steps: { key: string }[]; status: string }>('scripts.get', { id: scriptId, view: 'published' });
    expect(script).toMatchObject({ id: scriptId, status: 'published' });
    expect(script.steps.length).toBeGreaterThan(0);
    const list = await value<{ rows: { id: number }[] }>('scripts.list', { status: 'published' });
    expect(list.rows.map((r) => r.id)).toContain(scriptId);
    // the header still knows who is signed in
    expect(await value<{ person: { name: string } }>('session.get')).toMatchObject({ person: { name: 'Ivan Sokolov' } });
    expect(await value('scripts.logUsage', { sessionKey: 'remote-offline-1', action: 'start', scriptId })).toEqual({ logged: true });
    expect(conns.client(url).status().queued).toBe(1);
    // the linked file opens from the copy downloaded while online (the hosts' /files/ route)
    const f = await remote.file(linked.sha256);
    expect(f && fs.statSync(f.path).size).toBeGreaterThan(0);
    expect(await value('library.get', { id: linked.id })).toMatchObject({ id: linked.id, current: { sha256: linked.sha256 } });
  });

  it('other screens get the plain "can\'t be reached" message, not a raw error', async () => {
    const r = await call('people.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'teamClient.serverUnreachable', params: { server: url } } });
    if (!r.ok) expect(r.error.message).not.toMatch(/ECONNREFUSED/);
    // something not in the offline copy: said plainly too
    expect(await call('scripts.get', { id: 999999 })).toMatchObject({ ok: false, error: { key: 'teamClient.notOffline' } });
  });

  it('after the server is back, the next call reconnects and the offline usage arrives once', async () => {
    await start();
    // the next call of a screen tries the server again (retryMs 0 in this test) and goes through
    const people = await value<{ rows: unknown[] }>('people.list', {});
    expect(people.rows.length).toBeGreaterThan(0);
    expect(conns.client(url).status()).toMatchObject({ state: 'online', queued: 0 });
    await remote.reconnect(url, conns.client(url));
    expect(serverRows("SELECT action FROM script_usage_events WHERE session_key = 'remote-offline-1'")).toEqual([{ action: 'start' }]);
  });

  it('an ended session: a plain message, and the live-call cache stays readable', async () => {
    // the rep's sessions are ended on the server (as an admin does from Settings → Team)
    const repId = (await value<{ person: { id: number } }>('session.get')).person.id;
    const sessions = await owner.call<{ id: string }[]>('team.sessions', { personId: repId });
    for (const s of sessions) await owner.call('team.revokeSession', { id: s.id });
    const r = await call('people.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized', key: 'teamClient.sessionEnded' } });
    expect(conns.client(url).status().state).toBe('expired');
    const hits = await value<SearchHit[]>('scripts.search', { query: 'too expensive', language: null, kinds: ['objection'], limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
  });

  it('Sign out in the header signs out of the team workspace and deletes its offline copy', async () => {
    expect(await call('auth.signOut', {})).toEqual({ ok: true, value: null });
    expect((await value<{ active: string | null; servers: unknown[] }>('teamClient.state'))).toEqual({ active: null, servers: [] });
    expect(fs.readdirSync(path.join(tmp, 'desk', 'team-client')).filter((f) => f.startsWith('cache-'))).toEqual([]);
    expect(await value<{ mode: string }>('session.get')).toMatchObject({ mode: 'solo' });
  });
});
