/**
 * The remote dispatcher (main/services/teamClient/remote.ts) between the local
 * host's `dispatch` and a REAL team server process: with a team workspace in
 * use the screens' calls go to the server as the signed-in rep (their answers
 * and their refusals unchanged), the computer's own methods stay local, and
 * with the server stopped the live-call methods answer from the offline cache
 * while other screens get one plain message; usage logged offline arrives once
 * after the server is back. Uploads and stored files through the desktop's
 * local host go to (and come from) the team server, Range included.
 */
import crypto from 'node:crypto';
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
import { createServer } from '../../main/server/server';
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
/** the rep's desktop as the loopback host (--client) */
let repHost: ReturnType<typeof createServer>;
let repBase = '';
let uploaded = '';
/** a text file over 0.5 MB (streamed in many chunks), under the server's 1 MB upload limit */
const PRICE_LIST = Buffer.from(
  Array.from({ length: 9000 }, (_, i) => `Price list line ${i}: volume discount ${i % 17}% for annual plans.`).join('\n'),
);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

const start = async () => {
  // a 1 MB upload limit: its refusal must come back through the desktop as the server words it
  server = await startServe(
    built.entry,
    ['--team', '--port', String(port), '--static', built.staticDir, '--upload-limit-mb', '1'],
    dataDir,
  );
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
  const files = await owner.call<{ rows: { id: number; sha256: string | null; size: number | null; status: string }[] }>('library.list', {
    kind: 'file',
    limit: 50,
  });
  const f = files.rows.find((r) => r.sha256 && r.status !== 'expired' && (r.size ?? 0) < 5_000_000)!;
  linked = { id: f.id, sha256: f.sha256! };
  const cards = await owner.call<{ rows: { id: number }[] }>('scripts.objections.list', { query: 'too expensive', limit: 5 });
  await owner.call('library.link', { targetKind: 'objection', targetId: cards.rows[0].id, itemId: linked.id });

  // "the desktop": an empty local workspace, the team connections and the remote dispatcher
  conns = new TeamConnections(path.join(tmp, 'desk', 'team-client'));
  remote = new RemoteDispatcher(conns, { timer: false, retryMs: 0 });
  ctx = createApp({ dataDir: path.join(tmp, 'desk'), demo: false, host: { kind: 'browser', teamClient: conns, remote } });
  await value('teamClient.connect', { url, email: repPerson.email, password: PW, trustFingerprint: null });
  repHost = createServer({ ctx, staticDir: tmp });
  repBase = `http://127.0.0.1:${(await repHost.listen()).port}`;
}, 180_000);

/** The rep's local host: a stored file, as the screens ask for it. */
const localFile = (sha: string, headers: Record<string, string> = {}) =>
  fetch(`${repBase}/files/${sha}?token=${repHost.token}`, { headers });

afterAll(async () => {
  await repHost?.close();
  remote?.close();
  conns?.close();
  owner?.close();
  ctx?.ws.close();
  await server?.stop();
  for (const d of [dataDir, built?.dir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('remote dispatcher against a real team server', () => {
  let scriptId = 0;

  it("keeps this computer's methods local", () => {
    for (const m of [
      'teamClient.state',
      'app.about',
      'workspace.info',
      'workspace.openNamed',
      'guidance.feed.poll',
      'auth.status',
      'files.pick',
    ])
      expect(staysLocal(m), m).toBe(true);
    for (const m of ['scripts.search', 'people.list', 'session.get', 'auth.signOut', 'sync.changes']) expect(staysLocal(m), m).toBe(false);
  });

  it("forwards the screens' calls to the team server in use, as the signed-in rep", async () => {
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

  it("passes the server's refusals through with their message (a rep may not edit scripts or see the team)", async () => {
    const create = await call('scripts.create', { title: 'Rep script', language: 'en', steps: [] });
    expect(create).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'access.forbidden', message: "You don't have permission to do this." },
    });
    const overview = await call('team.overview', {});
    expect(overview).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the server's validation message (with its field) comes back as it was sent
    const bad = await call('scripts.get', { id: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // and nothing was written locally
    expect(ctx.db.prepare('SELECT count(*) FROM scripts').pluck().get()).toBe(0);
  });

  it("an upload through a manager's local host is stored on the team server; another person gets it through their /files with Range", async () => {
    // the manager's desktop: its own local host and workspace, the team workspace in use
    const mConns = new TeamConnections(path.join(tmp, 'mgr', 'team-client'));
    const mRemote = new RemoteDispatcher(mConns, { timer: false, retryMs: 0 });
    const mCtx = createApp({ dataDir: path.join(tmp, 'mgr'), demo: false, host: { kind: 'browser', teamClient: mConns, remote: mRemote } });
    const mHost = createServer({ ctx: mCtx, staticDir: tmp });
    try {
      expect(
        await dispatch('teamClient.connect', { url, email: 'nina.orlova@example.com', password: PW, trustFingerprint: null }, mCtx),
      ).toMatchObject({ ok: true });
      const base = `http://127.0.0.1:${(await mHost.listen()).port}`;
      const bytes = PRICE_LIST;
      expect(bytes.length).toBeGreaterThan(500_000);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      const up = await fetch(`${base}/upload?name=price-list.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mHost.token}`, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      const ref = (await up.json()) as ApiResult<{ id: string; name: string; size: number }>;
      expect(ref).toMatchObject({ ok: true, value: { name: 'price-list.txt', size: bytes.length } });
      if (!ref.ok) return;
      // the id is the server's staged upload, not one of this computer's
      expect(() => mCtx.staging.get(ref.value.id)).toThrow();
      const added = await dispatch('library.addFile', { uploadId: ref.value.id, meta: { title: 'Price list 2027' } }, mCtx);
      expect(added).toMatchObject({ ok: true, value: { status: 'added', item: { title: 'Price list 2027', current: { sha256: sha } } } });
      expect(serverRows('SELECT count(*) AS n FROM library_versions WHERE sha256 = ?', sha)).toEqual([{ n: 1 }]);
      uploaded = sha;
      // nothing was staged on the manager's computer
      const mStaged = path.join(tmp, 'mgr', 'tmp', 'uploads');
      expect(fs.existsSync(mStaged) ? fs.readdirSync(mStaged) : []).toEqual([]);

      // the server's own limit and words, through the desktop (nothing staged anywhere)
      const big = await fetch(`${base}/upload?name=big.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mHost.token}` },
        body: Buffer.alloc(1_200_000, 97),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({
        ok: false,
        error: { code: 'too_large', key: 'tooLarge', message: '"big.txt" is larger than the 1 MB limit.' },
      });
    } finally {
      await mHost.close();
      mRemote.close();
      mConns.close();
      mCtx.ws.close();
    }

    // the rep (another signed-in person) gets it from the team server through their own local host, seeking with Range
    const part = await localFile(uploaded, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 100-199\/\d+$/);
    expect(await part.text()).toBe(PRICE_LIST.subarray(100, 200).toString());
    const whole = await localFile(uploaded);
    expect(whole.status).toBe(200);
    expect(
      crypto
        .createHash('sha256')
        .update(Buffer.from(await whole.arrayBuffer()))
        .digest('hex'),
    ).toBe(uploaded);
    // a file the rep may not read (or the server does not have): the server's refusal, not "offline"
    const refused = await localFile('1'.repeat(64));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: { key: 'access.fileForbidden' } });
  });

  it('with the server stopped, live-call methods answer from the offline cache in en/ru/zh', async () => {
    await server.stop();
    for (const [q, lang] of [
      ['too expensive', 'en'],
      ['дорого', 'ru'],
      ['太贵', 'zh'],
    ] as const) {
      const hits = await value<SearchHit[]>('scripts.search', {
        query: q,
        language: null,
        kinds: ['step', 'objection', 'library'],
        limit: 20,
      });
      const card = hits.find((h) => h.kind === 'objection' && h.language === lang);
      expect(card, `${q}: ${JSON.stringify(hits.map((h) => h.title))}`).toBeTruthy();
      expect(card!.responses.length).toBeGreaterThan(0);
    }
    expect(conns.client(url).status().state).toBe('offline');
    const script = await value<{ id: number; steps: { key: string }[]; status: string }>('scripts.get', {
      id: scriptId,
      view: 'published',
    });
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

  it('offline: an upload says plainly that it needs the team server and keeps nothing; files outside the copy say so', async () => {
    const up = await fetch(`${repBase}/upload?name=notes.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${repHost.token}` },
      body: Buffer.alloc(200_000, 98),
    });
    expect(up.status).toBe(503);
    expect(await up.json()).toMatchObject({
      ok: false,
      error: { code: 'unavailable', key: 'teamClient.uploadUnreachable', params: { server: url } },
    });
    const staged = path.join(tmp, 'desk', 'tmp', 'uploads');
    expect(fs.existsSync(staged) ? fs.readdirSync(staged) : []).toEqual([]);
    const gone = await localFile(uploaded);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ ok: false, error: { key: 'teamClient.notOffline' } });
    // the linked file: from the offline copy, seeking too
    const part = await localFile(linked.sha256, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
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
    expect(await value<{ active: string | null; servers: unknown[] }>('teamClient.state')).toEqual({ active: null, servers: [] });
    expect(fs.readdirSync(path.join(tmp, 'desk', 'team-client')).filter((f) => f.startsWith('cache-'))).toEqual([]);
    expect(await value<{ mode: string }>('session.get')).toMatchObject({ mode: 'solo' });
  });
});
