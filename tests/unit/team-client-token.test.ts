/**
 * The desktop client's bearer token at rest, against a real team server
 * process: it is sealed by the injected SecretBox (the OS keychain in the
 * desktop app), never written in plain text — the cache file and its WAL are
 * searched for its bytes — an old plain token is sealed and scrubbed on first
 * open, a keychain that changed leaves the client signed out with a clear
 * message and the offline copy readable, and without a keychain the token
 * lives in memory only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServe, startServe, type Running } from './helpers/teamServer';
import { keychainBox } from './helpers/secretBox';
import * as cache from '../../main/services/teamClient/cache';
import { TeamClient } from '../../main/services/teamClient/client';
import { TeamConnections } from '../../main/services/teamClient/connections';

const PW = 'amber kettle nineteen';
const EMAIL = 'nina.orlova@example.com';
let built: Awaited<ReturnType<typeof buildServe>>;
let server: Running;
let base = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-token-'));

/** Whether the token's bytes appear anywhere in the cache file or beside it (-wal, -shm). */
function onDisk(file: string, token: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(token)));
}

/** A token the server issued (a bearer sign-in made outside the client under test). */
async function freshToken(): Promise<string> {
  const c = new TeamClient({ file: path.join(tmp, `issuer-${Math.random()}.sqlite`) });
  c.setServer(base);
  const r = await c.call<{ token: string }>('auth.signIn', { email: EMAIL, password: PW, client: 'bearer' });
  c.close();
  return r.token;
}

beforeAll(async () => {
  built = await buildServe();
  server = await startServe(built.entry, ['--team', '--static', built.staticDir]);
  base = `http://127.0.0.1:${server.port}`;
  const c = new TeamClient({ file: path.join(tmp, 'setup.sqlite') });
  c.setServer(base);
  const info = await c.call<{ people: { id: number; email: string }[] }>('auth.setupInfo', { code: server.setupCode() });
  await c.call('auth.completeSetup', {
    code: server.setupCode(),
    personId: info.people.find((p) => p.email === EMAIL)!.id,
    password: PW,
    client: 'bearer',
  });
  c.close();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const d of [server?.dataDir, built?.dir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('the bearer token at rest', () => {
  it('sign-in keeps only the sealed token: its bytes are in neither the cache file nor its WAL; a restart with the same keychain is signed in', async () => {
    const box = keychainBox();
    const file = path.join(tmp, 'sealed.sqlite');
    const c = new TeamClient({ file, secretBox: box });
    c.setServer(base);
    const r = await c.signIn(EMAIL, PW);
    await c.refresh();
    expect(onDisk(file, r.token!)).toEqual([]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0); // the WAL was searched while it held the writes
    c.close();
    expect(onDisk(file, r.token!)).toEqual([]);

    const again = new TeamClient({ file, secretBox: box });
    expect(again.status()).toMatchObject({ state: 'offline', notice: null, person: { name: 'Nina Orlova' } });
    await again.refresh();
    expect(again.status().state).toBe('online');
    expect((await again.call<{ person: { id: number } | null }>('session.get', {})).person?.id).toBe(r.personId);
    again.close();
  });

  it('an old plain token is sealed on first open and scrubbed from the file and the WAL (even one a crash left behind)', async () => {
    const token = await freshToken();
    const file = path.join(tmp, 'legacy.sqlite');
    // what an earlier version wrote, still in the WAL of a connection that never closed (a crash)
    const old = cache.openCache(file);
    cache.setMeta(old, 'server', base);
    cache.setMeta(old, 'token', token);
    cache.setMeta(old, 'person', JSON.stringify({ id: 1, name: 'Nina Orlova' }));
    expect(onDisk(file, token).length).toBeGreaterThan(0);

    const box = keychainBox();
    const c = new TeamClient({ file, secretBox: box });
    expect(cache.getMeta(old, 'token')).toBeNull();
    expect(cache.getMeta(old, 'token_sealed')).toBeTruthy();
    expect(onDisk(file, token)).toEqual([]);
    old.close();
    // the migrated token is the one the server knows
    c.setServer(base);
    await c.refresh();
    expect(c.status().state).toBe('online');
    c.close();
    expect(onDisk(file, token)).toEqual([]);
    expect(new TeamClient({ file, secretBox: box }).status().state).toBe('offline');
  });

  it('a keychain that changed: signed out with a clear message, the offline copy readable until sign-out; signing in again works', async () => {
    const dir = path.join(tmp, 'keychain-changed');
    const first = new TeamConnections(dir, { secretBox: keychainBox() });
    await first.connect({ url: base, email: EMAIL, password: PW, trustFingerprint: null });
    const hits = first.client(base).search('too expensive').length;
    expect(hits).toBeGreaterThan(0);
    first.close();

    const other = new TeamConnections(dir, { secretBox: keychainBox() });
    expect(other.state().servers).toMatchObject([{ url: base, state: 'signedOut', notice: 'tokenUnreadable', person: 'Nina Orlova' }]);
    const c = other.client(base);
    expect(c.status().line).toMatch(/could not be decrypted.*Sign in again/);
    expect(c.search('too expensive')).toHaveLength(hits);
    await expect(c.refresh()).rejects.toThrow(/not possible/);
    await other.connect({ url: base, email: EMAIL, password: PW, trustFingerprint: null });
    expect(other.state().servers).toMatchObject([{ state: 'online', notice: null }]);
    await other.signOut(base);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('cache-'))).toEqual([]);
    other.close();
  });

  it('without a keychain (plain Node, browser host) the token stays in memory: nothing sealed on disk, a restart asks to sign in again', async () => {
    const file = path.join(tmp, 'memory.sqlite');
    const c = new TeamClient({ file });
    c.setServer(base);
    const r = await c.signIn(EMAIL, PW);
    await c.refresh();
    expect(c.status().state).toBe('online');
    const db = cache.openCache(file);
    expect([cache.getMeta(db, 'token'), cache.getMeta(db, 'token_sealed')]).toEqual([null, null]);
    db.close();
    expect(onDisk(file, r.token!)).toEqual([]);
    c.close();
    const again = new TeamClient({ file });
    expect(again.status()).toMatchObject({ state: 'signedOut', notice: 'tokenNotKept' });
    expect(again.scripts().length).toBeGreaterThan(0);
    again.close();
  });
});
