import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/context';
import { createServer } from '../../main/server/server';
import { tempDir } from './helpers/db';

let dir: string;
let ctx: ApiContext;
let srv: ReturnType<typeof createServer>;
let port: number;
const TOKEN = 'unit-test-token';

beforeAll(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  ctx = createApp({ dataDir: path.join(dir, 'data'), demo: true, host: { kind: 'browser' } });
  srv = createServer({ ctx, token: TOKEN, staticDir, bodyLimit: 64 * 1024, uploadLimit: 1024 * 1024 });
  port = (await srv.listen()).port;
});
afterAll(async () => {
  await srv.close();
  ctx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Raw request so we control the Host header (fetch would not let us). */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const length = opts.body ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {};
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'POST',
        headers: { host: `127.0.0.1:${port}`, ...length, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    // The server may close an oversized upload early: the answer has already arrived by then.
    req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('API contract validation (dispatch)', () => {
  it('rejects wrong types with field errors', async () => {
    const r = await dispatch('people.create', { name: 42, email: 'x', roles: ['pilot'] }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues?.map((i) => i.field).sort()).toEqual(['email', 'name', 'roles.0']);
  });
  it('rejects oversized strings', async () => {
    const r = await dispatch('people.create', { name: 'x'.repeat(5000), email: 'a@example.com', roles: ['rep'] }, ctx);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name', message: 'name: Must be at most 120 characters' },
    });
  });
  it('rejects unknown methods, including prototype names', async () => {
    for (const m of ['people.drop', 'constructor', '__proto__', 42]) {
      expect(await dispatch(m, {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });
  it('turns service errors into results with the field', async () => {
    const r = await dispatch('people.create', { name: 'Dup', email: 'anna.petrova@example.com', roles: ['rep'] }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'email' } });
  });
  it('runs a valid call', async () => {
    const r = await dispatch('people.list', { query: 'петрова' }, ctx);
    expect(r.ok && (r.value as { total: number }).total).toBe(1);
  });
});

describe('browser host refusals', () => {
  it('answers a valid API call', async () => {
    const r = await request({ path: '/api/workspace.info', headers: auth, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { isDemo: true, host: 'browser' } });
  });
  it('refuses a call without the token or with a wrong one', async () => {
    expect((await request({ path: '/api/workspace.info', body: '{}' })).status).toBe(401);
    expect((await request({ path: '/api/workspace.info', headers: { authorization: 'Bearer nope' }, body: '{}' })).status).toBe(401);
  });
  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request({ path: '/api/workspace.info', headers: { ...auth, host: 'evil.example.com' }, body: '{}' });
    expect(r.status).toBe(421);
    expect((await request({ path: '/', method: 'GET', headers: { host: `attacker.test:${port}` } })).status).toBe(421);
  });
  it('refuses an oversized body, declared or streamed', async () => {
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/people.list', method: 'POST', headers: { host: `127.0.0.1:${port}`, ...auth } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', (e) => (String(e).match(/EPIPE|ECONNRESET/) ? undefined : reject(e)));
      req.write('{"query":"' + 'x'.repeat(100_000));
      req.end('"}');
    });
    expect(streamed).toBe(413);
    const r = await request({ path: '/api/people.list', headers: auth, body: JSON.stringify({ query: 'x'.repeat(100_000) }) });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('too_large');
  });
  it('refuses an unknown method and invalid JSON', async () => {
    expect((await request({ path: '/api/people.dropAll', headers: auth, body: '{}' })).status).toBe(404);
    expect((await request({ path: '/api/people.list', headers: auth, body: '{nope' })).status).toBe(400);
  });
  it('refuses GET on the API and path traversal on static files', async () => {
    expect((await request({ path: '/api/people.list', method: 'GET', headers: auth })).status).toBe(405);
    const r = await request({ path: '/..%2F..%2Fpackage.json', method: 'GET' });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('sales-workbench');
  });
  it('serves the app with a strict CSP', async () => {
    const r = await request({ path: '/', method: 'GET' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("object-src 'none'");
  });
  it('accepts uploads with the token and refuses ones over the limit', async () => {
    const ok = await request({ path: '/upload?name=..%2F..%2Fnotes.txt', headers: { authorization: `Bearer ${TOKEN}` }, body: 'hello' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'notes.txt', size: 5 } });
    const big = await request({
      path: '/upload?name=big.bin',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: Buffer.alloc(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect((await request({ path: '/upload?name=x', body: 'x' })).status).toBe(401);
  });
});
