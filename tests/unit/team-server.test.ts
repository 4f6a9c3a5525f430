/**
 * The real team server process (built from main/server/cli.ts): sessions,
 * foreign cookies, cross-site writes, oversized sign-in bodies, invitations,
 * bearer clients, the trusted proxy, and TLS.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServe, startServe, type Running } from './helpers/teamServer';

const PW = 'violet tram seventeen';
let built: Awaited<ReturnType<typeof buildServe>>;
let a: Running;
let b: Running;
let ownerCookie: string;

interface Reply {
  status: number;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; key?: string; message: string } };
  headers: http.IncomingHttpHeaders;
  ms: number;
}

function call(
  s: { port: number },
  method: string,
  input: unknown,
  headers: Record<string, string> = {},
  opts: { raw?: Buffer; tls?: boolean; chunked?: boolean } = {},
): Promise<Reply> {
  const body = opts.raw ?? Buffer.from(JSON.stringify(input));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = (opts.tls ? https : http).request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: `/api/${method}`,
        method: 'POST',
        rejectUnauthorized: false,
        headers: {
          host: `127.0.0.1:${s.port}`,
          origin: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${s.port}`,
          'content-type': 'application/json',
          ...(opts.chunked ? {} : { 'content-length': String(body.length) }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: Reply['json'] = { ok: false };
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode!, body: text, json, headers: res.headers, ms: performance.now() - t0 });
        });
      },
    );
    req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
    if (opts.chunked) {
      // several writes: the body goes out chunked, with no declared length
      for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
      req.end();
    } else req.end(body);
  });
}

const cookieOf = (r: Reply) => String(r.headers['set-cookie']?.[0] ?? '').split(';')[0];

async function setUpOwner(s: Running, email: string) {
  const r = await call(s, 'auth.completeSetup', { code: s.setupCode(), personId: null, name: 'Olga Owner', email, password: PW });
  expect(r.json.ok).toBe(true);
  return cookieOf(r);
}

beforeAll(async () => {
  built = await buildServe();
  [a, b] = await Promise.all([
    startServe(built.entry, ['--team', '--no-demo', '--static', built.staticDir]),
    startServe(built.entry, ['--team', '--no-demo', '--static', built.staticDir]),
  ]);
  ownerCookie = await setUpOwner(a, 'olga@example.com');
  await setUpOwner(b, 'olga@example.com');
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const d of [a?.dataDir, b?.dataDir, built?.dir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('team server sessions', () => {
  it('the first start printed a one-time set-up link that worked once', async () => {
    expect(a.out()).toContain('one-time owner set-up link');
    expect(ownerCookie).toMatch(/^swb_session=[A-Za-z0-9_-]{43}$/);
    const again = await call(a, 'auth.completeSetup', {
      code: a.setupCode(),
      personId: null,
      name: 'Mallory',
      email: 'm@example.com',
      password: PW,
    });
    expect(again.json.error?.key).toBe('auth.setupInvalid');
  });

  it('signs in with the cookie: HttpOnly, SameSite=Strict, no token in the body', async () => {
    const r = await call(a, 'auth.signIn', { email: 'olga@example.com', password: PW });
    expect(r.json).toMatchObject({ ok: true, value: { name: 'Olga Owner' } });
    expect(JSON.stringify(r.json)).not.toMatch(/token/);
    const set = String(r.headers['set-cookie']?.[0]);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/); // plain HTTP on loopback
    const me = await call(a, 'session.get', {}, { cookie: cookieOf(r) });
    expect(me.json).toMatchObject({ ok: true, value: { mode: 'team', person: { email: 'olga@example.com' }, roles: ['admin'] } });
  });

  it('a forged session gets 401 and leaks nothing', async () => {
    for (const cookie of ['swb_session=' + 'A'.repeat(43), 'swb_session=../../etc/passwd', 'swb_session=' + 'x'.repeat(4000)]) {
      const r = await call(a, 'people.list', {}, { cookie });
      expect(r.status).toBe(401);
      expect(r.json.error?.key).toBe('auth.sessionExpired');
      expect(r.body).not.toMatch(/@|olga|Owner|sqlite/i);
      expect(String(r.headers['set-cookie'])).toMatch(/Max-Age=0/);
    }
    const none = await call(a, 'people.list', {});
    expect([none.status, none.json.error?.key]).toEqual([401, 'auth.signInRequired']);
    const bearer = await call(a, 'people.list', {}, { authorization: 'Bearer ' + 'B'.repeat(43), origin: '' });
    expect(bearer.status).toBe(401);
  });

  it('a cookie from another server (another database) gets 401', async () => {
    const onB = await call(b, 'auth.signIn', { email: 'olga@example.com', password: PW });
    const foreign = cookieOf(onB);
    expect((await call(b, 'people.list', {}, { cookie: foreign })).status).toBe(200);
    const r = await call(a, 'people.list', {}, { cookie: foreign });
    expect(r.status).toBe(401);
    expect(r.body).not.toMatch(/olga/i);
  });

  it('a cross-site write (foreign or missing Origin) gets 403 and writes nothing', async () => {
    const rep = { name: 'Cross Site', email: 'cross@example.com', roles: ['rep'] };
    for (const origin of ['https://evil.example', 'null', '', `http://127.0.0.1:${a.port + 1}`]) {
      const r = await call(a, 'people.create', rep, { cookie: ownerCookie, origin });
      expect(r.status).toBe(403);
      expect(r.json.error?.key).toBe('auth.crossSite');
    }
    const list = await call(a, 'people.list', { query: 'cross' }, { cookie: ownerCookie });
    expect((list.json.value as { total: number }).total).toBe(0);
    // sign-in itself is refused cross-site (login CSRF), before any password check
    expect((await call(a, 'auth.signIn', { email: 'olga@example.com', password: PW }, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
  });

  it('an oversized sign-in body gets 413 at once, declared or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const declared = await call(a, 'auth.signIn', null, {}, { raw: big });
    expect(declared.status).toBe(413);
    expect(declared.json.error?.key).toBe('auth.tooLarge');
    expect(declared.ms).toBeLessThan(3000);
    const streamed = await call(a, 'auth.signIn', null, {}, { raw: big, chunked: true });
    expect(streamed.status).toBe(413);
  });

  it('invitations: used once, then "used"; expired says so; nothing is written on a refusal', async () => {
    const rep = await call(a, 'people.create', { name: 'Rita Rep', email: 'rita@example.com', roles: ['rep'] }, { cookie: ownerCookie });
    const repId = (rep.json.value as { id: number }).id;
    const inv = (await call(a, 'team.invite', { personId: repId }, { cookie: ownerCookie })).json.value as { code: string };
    const info = await call(a, 'auth.invitation', { code: inv.code });
    expect(info.json).toMatchObject({ ok: true, value: { name: 'Rita Rep', email: 'rita@example.com' } });
    const weak = await call(a, 'auth.acceptInvitation', { code: inv.code, password: 'qwerty123456' });
    expect(weak.json.error?.key).toBe('auth.passwordCommon');
    const ok = await call(a, 'auth.acceptInvitation', { code: inv.code, password: 'amber kettle lighthouse' });
    expect(ok.json.ok).toBe(true);
    const used = await call(a, 'auth.acceptInvitation', { code: inv.code, password: 'another long phrase' });
    expect(used.json.error?.key).toBe('auth.invitationUsed');
    expect(used.headers['set-cookie']).toBeUndefined();

    const inv2 = (await call(a, 'team.invite', { personId: repId }, { cookie: ownerCookie })).json.value as { code: string };
    const wsDir = path.join(a.dataDir, 'workspaces');
    const db = new Database(
      path.join(
        wsDir,
        fs.readdirSync(wsDir).find((f) => f.endsWith('.sqlite'))!,
      ),
    );
    db.prepare('UPDATE invitations SET expires_at = ? WHERE used_at IS NULL').run(Date.now() - 1000);
    db.close();
    const expired = await call(a, 'auth.acceptInvitation', { code: inv2.code, password: 'another long phrase' });
    expect(expired.json.error?.key).toBe('auth.invitationExpired');
    // the old password still works: the expired invitation changed nothing
    expect((await call(a, 'auth.signIn', { email: 'rita@example.com', password: 'amber kettle lighthouse' })).json.ok).toBe(true);
  });

  it('desktop clients get a bearer token (no cookie, no Origin needed); sign out ends it', async () => {
    const r = await call(a, 'auth.signIn', { email: 'olga@example.com', password: PW, client: 'bearer' });
    const token = (r.json.value as { token: string }).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.headers['set-cookie']).toBeUndefined();
    const h = { authorization: `Bearer ${token}`, origin: '' };
    expect((await call(a, 'people.list', {}, h)).status).toBe(200);
    expect((await call(a, 'auth.signOut', {}, h)).json.ok).toBe(true);
    expect((await call(a, 'people.list', {}, h)).status).toBe(401);
  });

  it('deactivating a person ends their sessions at once', async () => {
    const rita = await call(a, 'auth.signIn', { email: 'rita@example.com', password: 'amber kettle lighthouse' });
    const cookie = cookieOf(rita);
    expect((await call(a, 'session.get', {}, { cookie })).status).toBe(200);
    const id = (rita.json.value as { personId: number }).personId;
    expect((await call(a, 'people.setActive', { id, active: false }, { cookie: ownerCookie })).json.ok).toBe(true);
    expect((await call(a, 'session.get', {}, { cookie })).status).toBe(401);
  });
});

describe('listening beyond loopback', () => {
  it('refuses --host 0.0.0.0 without TLS or a proxy, with a clear message', async () => {
    const err = (await startServe(built.entry, ['--team', '--no-demo', '--static', built.staticDir, '--host', '0.0.0.0']).catch(
      (e: { code: number; out: string }) => e,
    )) as { code: number; out: string };
    expect(err.code).toBe(2);
    expect(err.out).toMatch(/Refusing to listen on 0\.0\.0\.0 without TLS/);
    expect(err.out).toMatch(/--tls-cert/);
    expect(err.out).toMatch(/--behind-proxy/);
  });

  it('serves HTTPS with --tls-cert/--tls-key: Secure __Host- cookie, plain HTTP refused', async () => {
    const dir = fs.mkdtempSync(path.join(built.dir, 'tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const s = await startServe(built.entry, [
      '--team',
      '--no-demo',
      '--static',
      built.staticDir,
      '--tls-cert',
      path.join(dir, 'cert.pem'),
      '--tls-key',
      path.join(dir, 'key.pem'),
    ]);
    try {
      expect(s.out()).toContain(`https://127.0.0.1:${s.port}/#/setup/`);
      const r = await call(
        s,
        'auth.completeSetup',
        { code: s.setupCode(), personId: null, name: 'Tess', email: 'tess@example.com', password: PW },
        {},
        { tls: true },
      );
      expect(r.json.ok).toBe(true);
      const set = String(r.headers['set-cookie']?.[0]);
      expect(set).toMatch(/^__Host-swb_session=[A-Za-z0-9_-]{43}; Path=\/;/);
      expect(set).toMatch(/; Secure/);
      const me = await call(s, 'session.get', {}, { cookie: set.split(';')[0] }, { tls: true });
      expect(me.json).toMatchObject({ ok: true, value: { person: { email: 'tess@example.com' } } });
      await expect(call(s, 'auth.status', {})).rejects.toThrow();
    } finally {
      await s.stop();
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
  });

  it('--behind-proxy trusts X-Forwarded-For from the proxy address only; --public-url is the Host allowlist', async () => {
    const s = await startServe(built.entry, [
      '--team',
      '--no-demo',
      '--static',
      built.staticDir,
      '--behind-proxy',
      '127.0.0.1',
      '--public-url',
      'https://wb.example.com,https://sales.example.org',
    ]);
    try {
      const h = {
        host: 'wb.example.com',
        origin: 'https://wb.example.com',
        'x-forwarded-for': '198.51.100.1, 203.0.113.9',
        'x-forwarded-proto': 'https',
      };
      const r = await call(
        s,
        'auth.completeSetup',
        { code: s.setupCode(), personId: null, name: 'Pat', email: 'pat@example.com', password: PW },
        h,
      );
      expect(r.json.ok).toBe(true);
      const cookie = String(r.headers['set-cookie']?.[0]);
      expect(cookie).toMatch(/^__Host-swb_session=.*Secure/);
      const sessions = await call(
        s,
        'team.sessions',
        { personId: (r.json.value as { personId: number }).personId },
        { ...h, cookie: cookie.split(';')[0] },
      );
      expect((sessions.json.value as { ip: string }[])[0].ip).toBe('203.0.113.9');
      // captured call audio, like the live feed, is taken only from the rep's own machine
      const speech = await call(s, 'speech.capture.start', { language: 'en', channels: ['rep'] }, { ...h, cookie: cookie.split(';')[0] });
      expect(speech.status).toBe(403);
      expect(speech.json.error?.key).toBe('access.feedLoopbackOnly');
      expect((await call(s, 'auth.status', {}, { host: `127.0.0.1:${s.port}`, origin: `http://127.0.0.1:${s.port}` })).status).toBe(421);
      expect((await call(s, 'auth.status', {}, { host: 'sales.example.org', origin: 'https://sales.example.org' })).status).toBe(200);
      expect((await call(s, 'auth.status', {}, { host: 'sales.example.org', origin: 'https://wb.example.com.evil.example' })).status).toBe(
        403,
      );
    } finally {
      await s.stop();
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
    // another proxy address: the same headers from us are not believed
    const t = await startServe(built.entry, ['--team', '--no-demo', '--static', built.staticDir, '--behind-proxy', '10.9.9.9']);
    try {
      const r = await call(
        t,
        'auth.completeSetup',
        { code: t.setupCode(), personId: null, name: 'Pat', email: 'pat@example.com', password: PW },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      const sessions = await call(
        t,
        'team.sessions',
        { personId: (r.json.value as { personId: number }).personId },
        { cookie: cookieOf(r) },
      );
      expect((sessions.json.value as { ip: string }[])[0].ip).toBe('127.0.0.1');
    } finally {
      await t.stop();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
});
