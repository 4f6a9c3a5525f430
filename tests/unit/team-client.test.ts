/**
 * The desktop team client (main/services/teamClient) against a REAL team
 * server process that this test stops, kills and restarts mid-session: the
 * offline cache stays consistent (old or new version, never a mix), live-call
 * search works offline in en/ru/zh, queued usage arrives exactly once, an
 * ended session and another workspace's data are detected, library files come
 * on demand with a cap, and sign-out deletes the cache.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServe, startServe, type Running } from './helpers/teamServer';
import { keychainBox } from './helpers/secretBox';
import { RequestFailed, TeamClient } from '../../main/services/teamClient/client';
import { decodeCursor } from '../../main/services/sync/changes';
import { serverOrigin, TeamConnections } from '../../main/services/teamClient/connections';

const PW = 'violet tram seventeen';
let built: Awaited<ReturnType<typeof buildServe>>;
let server: Running;
let port = 0;
let dataDir = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-client-'));
let owner: TeamClient;
let rep: TeamClient;
let repEmail = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function start() {
  server = await startServe(built.entry, ['--team', '--port', String(port), '--static', built.staticDir], dataDir);
}

function workspaceFile(): string {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.sqlite')) found.push(path.join(d, e.name));
    }
  };
  walk(dataDir);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every cached row belongs to a consistent version: cursor, scripts, steps, cards and their index agree. */
function assertConsistent(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const cursor = db.prepare("SELECT value FROM meta WHERE key = 'cursor'").pluck().get() as string | undefined;
    const scripts = db.prepare('SELECT id, revision FROM scripts ORDER BY id').all() as { id: number; revision: number }[];
    const cards = db.prepare('SELECT count(*) FROM objections').pluck().get() as number;
    if (!cursor) {
      expect(scripts.length + cards).toBe(0);
      return 'old';
    }
    const c = decodeCursor(cursor);
    expect(Object.fromEntries(scripts.map((s) => [String(s.id), s.revision]))).toEqual(c.s);
    expect(db.prepare('SELECT count(*) FROM steps WHERE script_id NOT IN (SELECT id FROM scripts)').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM steps_fts').pluck().get()).toBe(db.prepare('SELECT count(*) FROM steps').pluck().get());
    expect(db.prepare('SELECT count(*) FROM objections_fts').pluck().get()).toBe(cards);
    expect(db.prepare('SELECT count(*) FROM library').pluck().get()).toBe(c.li.length);
    return 'new';
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  built = await buildServe();
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-team-'));
  await start();
  owner = new TeamClient({ file: path.join(tmp, 'owner.sqlite') });
  owner.setServer(`http://127.0.0.1:${port}`);
  const info = await owner.call<{ people: { id: number; name: string; email: string }[] }>('auth.setupInfo', { code: server.setupCode() });
  const admin = info.people.find((p) => p.email === 'nina.orlova@example.com')!;
  const ownerIn = await owner.call<{ token: string }>('auth.completeSetup', {
    code: server.setupCode(),
    personId: admin.id,
    password: PW,
    client: 'bearer',
  });
  await owner.signIn(admin.email, PW);
  expect(ownerIn.token).toBeTruthy();
  // a rep with an account of their own
  const repPerson = info.people.find((p) => p.email === 'ivan.sokolov@example.com')!;
  repEmail = repPerson.email;
  const inv = await owner.call<{ code: string }>('team.invite', { personId: repPerson.id });
  rep = new TeamClient({ file: path.join(tmp, 'rep', 'cache.sqlite'), timeoutMs: 15_000 });
  rep.setServer(`http://127.0.0.1:${port}`);
  await rep.call('auth.acceptInvitation', { code: inv.code, password: PW, client: 'bearer' });
  await rep.signIn(repEmail, PW);
}, 180_000);

afterAll(async () => {
  owner?.close();
  rep?.close();
  await server?.stop();
  for (const d of [dataDir, built?.dir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('team client against a real team server', () => {
  let fileItem: { id: number; sha256: string; size: number };

  it('the first refresh caches published scripts, the objection bank and linked library items', async () => {
    // a manager links a stored file to an objection card: reps get its metadata, the file on demand
    const files = await owner.call<{ rows: { id: number; sha256: string | null; size: number | null; status: string }[] }>('library.list', {
      kind: 'file',
      limit: 50,
    });
    const f = files.rows.find((r) => r.sha256 && r.status !== 'expired')!;
    fileItem = { id: f.id, sha256: f.sha256!, size: f.size! };
    const cards = await owner.call<{ rows: { id: number; objection: string }[] }>('scripts.objections.list', {
      query: 'too expensive',
      limit: 5,
    });
    await owner.call('library.link', { targetKind: 'objection', targetId: cards.rows[0].id, itemId: fileItem.id });

    const r = await rep.refresh();
    expect(r.scripts).toBeGreaterThan(0);
    expect(r.objections).toBeGreaterThan(5);
    expect(rep.library().map((i) => i.id)).toEqual([fileItem.id]);
    expect(rep.status()).toMatchObject({ state: 'online', person: { name: 'Ivan Sokolov' } });
    expect(assertConsistent(path.join(tmp, 'rep', 'cache.sqlite'))).toBe('new');
  });

  it('refreshes incrementally: only what changed since the cursor comes back', async () => {
    const none = await rep.refresh();
    expect(none.scripts).toBe(0);
    // only the cards at the newest stamp are sent again (an equal stamp may be newer than the last read)
    const atNewest = () => {
      const ws = new Database(workspaceFile(), { readonly: true });
      const n = ws
        .prepare('SELECT count(*) FROM objection_cards WHERE updated_at = (SELECT max(updated_at) FROM objection_cards)')
        .pluck()
        .get() as number;
      ws.close();
      return n;
    };
    expect(none.objections).toBe(atNewest());
    expect(none.objections).toBeLessThan(rep.objections().length);
    const before = rep.objections().length;
    await owner.call('scripts.objections.create', {
      objection: 'We signed with a competitor',
      responses: ['What made them the better choice for you?'],
      tags: ['competition'],
      language: 'en',
      triggers: { en: ['went with another vendor'], ru: ['ушли к конкуренту'], zh: ['选了别家'] },
    });
    const one = await rep.refresh();
    // the new card, plus the ones at the previous cursor's stamp
    expect(one.objections).toBe(none.objections + 1);
    expect(rep.objections()).toHaveLength(before + 1);
    expect(rep.search('ушли к конкуренту').map((h) => h.kind)).toContain('objection');
  });

  it('deletions arrive: a removed card and an unpublished script leave the cache and its search', async () => {
    const card = rep.objections().find((o) => o.objection === 'We signed with a competitor')!;
    await owner.call('scripts.objections.remove', { id: card.id });
    const script = rep.scripts()[0];
    await owner.call('scripts.unpublish', { id: script.id });
    const r = await rep.refresh();
    expect(r.scripts).toBe(0);
    expect(rep.objections().some((o) => o.id === card.id)).toBe(false);
    expect(rep.search('ушли к конкуренту').filter((h) => h.kind === 'objection' && h.id === card.id)).toEqual([]);
    expect(rep.scripts().some((s) => s.id === script.id)).toBe(false);
    const stepIds = new Set(script.steps.map((s) => s.id));
    expect(rep.search(script.steps[0].title).filter((h) => h.kind === 'step' && stepIds.has(h.id))).toEqual([]);
    // published again: it comes back whole
    await owner.call('scripts.publish', { id: script.id });
    expect((await rep.refresh()).scripts).toBe(1);
    expect(rep.scripts().find((s) => s.id === script.id)?.steps.length).toBe(script.steps.length);
  });

  it('with the server gone: search still finds "дорого", "太贵" and "too expensive", and the status says offline', async () => {
    await server.stop();
    await expect(rep.refresh()).rejects.toBeInstanceOf(RequestFailed);
    const st = rep.status();
    expect(st.state).toBe('offline');
    expect(st.line).toMatch(/^Offline — last updated \d\d:\d\d$/);
    for (const q of ['дорого', '太贵', 'too expensive', 'pricey']) {
      const hits = rep.search(q);
      expect(hits.filter((h) => h.kind === 'objection').length, q).toBeGreaterThan(0);
    }
    expect(rep.search('太贵', { language: 'zh' }).every((h) => h.language === 'zh')).toBe(true);
  });

  it('usage queued offline arrives exactly once after the server comes back, even when an upload is repeated', async () => {
    const card = rep.objections()[0];
    const script = rep.scripts()[0];
    const ids = [
      rep.logUsage({ sessionKey: 'call-offline-1', action: 'start', scriptId: script.id }),
      rep.logUsage({ sessionKey: 'call-offline-1', action: 'open_step', scriptId: script.id, stepId: script.steps[0].id }),
      rep.logUsage({ sessionKey: 'call-offline-1', action: 'open_card', objectionId: card.id }),
    ];
    expect(new Set(ids).size).toBe(3);
    await expect(rep.flushUsage()).rejects.toBeInstanceOf(RequestFailed);
    expect(rep.status().queued).toBe(3);
    const pending = new Database(path.join(tmp, 'rep', 'cache.sqlite'), { readonly: true });
    const events = (pending.prepare('SELECT data FROM usage_queue').pluck().all() as string[]).map((d) => JSON.parse(d) as unknown);
    pending.close();

    await start();
    await rep.refresh(); // sends the queue on reconnect
    expect(rep.status()).toMatchObject({ state: 'online', queued: 0 });
    // an answer lost on the way back: the client sends the same events again
    const again = await rep.call<{ stored: number; duplicates: number }>('sync.uploadUsage', { events });
    expect(again).toEqual({ stored: 0, duplicates: 3 });
    const ws = new Database(workspaceFile(), { readonly: true });
    const rows = ws.prepare("SELECT action FROM script_usage_events WHERE session_key = 'call-offline-1' ORDER BY id").pluck().all();
    ws.close();
    expect(rows).toEqual(['start', 'open_step', 'open_card']);
  });

  it('a server killed during a sync leaves the cache either old or new, never a mix', async () => {
    const seen = new Set<string>();
    for (const delay of [0, 3, 8, 20]) {
      const file = path.join(tmp, `fresh-${delay}.sqlite`);
      const c = new TeamClient({ file, timeoutMs: 15_000 });
      c.setServer(`http://127.0.0.1:${port}`);
      await c.signIn(repEmail, PW);
      const p = c.refresh().then(
        () => 'ok',
        () => 'failed',
      );
      await new Promise((r) => setTimeout(r, delay));
      server.proc.kill('SIGKILL');
      await p;
      await server.stop();
      seen.add(assertConsistent(file));
      // the cache is usable and the next sync completes it
      await start();
      await c.refresh();
      expect(assertConsistent(file)).toBe('new');
      expect(c.search('too expensive').length).toBeGreaterThan(0);
      c.close();
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 120_000);

  it('library files come on demand, within the size cap', async () => {
    const small = new TeamClient({ file: path.join(tmp, 'rep', 'cache.sqlite'), fileCap: Math.max(1, fileItem.size - 1) });
    await expect(small.libraryFile(fileItem.id)).rejects.toMatchObject({ status: 413 });
    small.close();
    const file = await rep.libraryFile(fileItem.id);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(fileItem.sha256);
  });

  it('an ended session is detected; the cache stays readable; signing in again resumes', async () => {
    const me = rep.status().person!;
    await owner.call('team.revokePersonSessions', { personId: me.id });
    await expect(rep.refresh()).rejects.toMatchObject({ status: 401 });
    expect(rep.status().state).toBe('expired');
    expect(rep.search('дорого').length).toBeGreaterThan(0);
    await rep.signIn(repEmail, PW);
    await rep.refresh();
    expect(rep.status().state).toBe('online');
  });

  it('a server answering with another workspace is refused: nothing applied, cache readable, state otherWorkspace', async () => {
    const file = path.join(tmp, 'rep', 'cache.sqlite');
    const cardsBefore = rep.objections().length;
    await server.stop();
    // the server's workspace is replaced by another one at the same address
    const ws = new Database(workspaceFile());
    ws.prepare("UPDATE meta SET value = 'another-workspace' WHERE key = 'workspace_id'").run();
    ws.close();
    await start();
    await expect(rep.refresh()).rejects.toMatchObject({ status: 409 });
    expect(rep.status().state).toBe('otherWorkspace');
    expect(rep.objections()).toHaveLength(cardsBefore);
    expect(rep.search('太贵').length).toBeGreaterThan(0);
    // the refusal survives a restart of the app
    rep.close();
    rep = new TeamClient({ file });
    expect(rep.status().state).toBe('otherWorkspace');
  });

  it('remembered servers: connect, one click between local and team, sign-out forgets the server and its cache', async () => {
    const dir = path.join(tmp, 'connections');
    // the desktop app seals the token with the OS keychain: one keychain across both starts
    const keychain = keychainBox();
    const conns = new TeamConnections(dir, { secretBox: keychain });
    const url = `http://127.0.0.1:${port}`;
    expect(await conns.probe(url)).toMatchObject({ url, tls: false });
    await expect(conns.connect({ url, email: repEmail, password: 'wrong password!!', trustFingerprint: null })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const st = await conns.connect({ url, email: repEmail, password: PW, trustFingerprint: null });
    expect(st.active).toBe(url);
    expect(st.servers).toMatchObject([{ url, state: 'online', person: 'Ivan Sokolov' }]);
    expect(conns.client(url).search('太贵').length).toBeGreaterThan(0);
    expect(conns.use(null).active).toBeNull();
    expect(conns.use(url).active).toBe(url);
    conns.close();
    // remembered across restarts of the app (offline until the first refresh of this run)
    const again = new TeamConnections(dir, { secretBox: keychain });
    expect(again.state()).toMatchObject({ active: url, servers: [{ url, state: 'offline', person: 'Ivan Sokolov' }] });
    await again.client(url).refresh();
    expect(again.state().servers[0].state).toBe('online');
    const out = await again.signOut(url);
    expect(out).toEqual({ active: null, servers: [] });
    expect(fs.readdirSync(dir).filter((f) => f.includes('cache'))).toEqual([]);
    again.close();
  });

  it('server addresses: https by default, plain http only on this computer', () => {
    expect(serverOrigin('team.example.com')).toBe('https://team.example.com');
    expect(serverOrigin('https://team.example.com:8443/x')).toBe('https://team.example.com:8443');
    expect(serverOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(() => serverOrigin('http://team.example.com')).toThrow(/https/);
    expect(() => serverOrigin('ftp://x')).toThrow();
  });

  it('signing out deletes the cache file and downloaded files', async () => {
    const file = path.join(tmp, 'rep', 'cache.sqlite');
    expect(fs.existsSync(file)).toBe(true);
    await rep.signOut();
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});
