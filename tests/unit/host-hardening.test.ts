import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import { dispatch, toApiError } from '../../main/api/dispatch';
import { createServer } from '../../main/server/server';
import { blobHeaders, decodePath, parseRange, servedType } from '../../main/server/http';
import { menuTemplate } from '../../main/electron/menuTemplate';
import { allowsMedia, isTrustedSender } from '../../main/electron/security';
import { resourcesDir } from '../../main/services/demo/scorecards';
import { demoLibraryDir } from '../../main/services/demo/library';
import { tempDir } from './helpers/db';

describe('one Range parser for both hosts', () => {
  it.each([
    ['', 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-1000', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-5000', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=9-3', 100, { kind: 'unsatisfiable' }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=500-600', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-99999999999999999999', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
  ])('%j of %d bytes', (h, size, want) => {
    expect(parseRange(h, size)).toEqual(want);
  });

  it('a reversed range answers 416 with the size, never a negative length', () => {
    const r = blobHeaders(100, 'audio/mpeg', parseRange('bytes=9-3', 100));
    expect(r).toEqual({ status: 416, headers: { 'Content-Range': 'bytes */100', 'Content-Length': '0' } });
    const ok = blobHeaders(100, 'audio/mpeg', parseRange('bytes=10-19', 100));
    expect(ok.status).toBe(206);
    expect(ok.headers['Content-Length']).toBe('10');
    expect(ok.headers['Content-Range']).toBe('bytes 10-19/100');
  });

  it('serves only inert detected types; svg and html become downloads', () => {
    expect(servedType('audio/mpeg')).toBe('audio/mpeg');
    expect(servedType('application/pdf')).toBe('application/pdf');
    expect(servedType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(servedType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedType('text/html')).toBe('application/octet-stream');
    expect(servedType(null)).toBe('application/octet-stream');
  });

  it('bad percent-encoding decodes to null', () => {
    expect(decodePath('/a%20b')).toBe('/a b');
    expect(decodePath('/%E0%A4%A')).toBeNull();
    expect(decodePath('/%')).toBeNull();
  });
});

describe('Electron decisions (plain modules)', () => {
  const labels = (devTools: boolean) =>
    JSON.stringify(menuTemplate({ go: () => () => undefined, openLiveCallWindow: () => undefined, devTools, mac: false }));
  it('the production menu has no DevTools', () => {
    expect(labels(false)).not.toMatch(/toggleDevTools/i);
    expect(labels(true)).toMatch(/toggleDevTools/);
  });
  it('IPC from a missing, blank or foreign sender frame is refused', () => {
    for (const u of [
      undefined,
      null,
      '',
      ' ',
      'about:blank',
      'https://evil.example/',
      'file:///etc/passwd',
      'app://evil/',
      'app://user:pw@workbench/',
    ])
      expect(isTrustedSender(u), String(u)).toBe(false);
    expect(isTrustedSender('app://workbench/index.html#/people')).toBe(true);
  });
  it("only the app's own pages get the microphone, and nothing but the microphone", () => {
    expect(allowsMedia('media', 'app://workbench/index.html#/live', ['audio'])).toBe(true);
    expect(allowsMedia('media', 'app://workbench/index.html', ['audio', 'video'])).toBe(false);
    expect(allowsMedia('media', 'app://workbench/index.html', [])).toBe(false);
    expect(allowsMedia('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(allowsMedia('media', undefined, ['audio'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(allowsMedia(p, 'app://workbench/index.html', ['audio']), p).toBe(false);
  });
  it('a packaged app finds the demo at <resources>/demo (where extraResources puts it)', () => {
    const res = tempDir();
    fs.mkdirSync(path.join(res, 'demo', 'calls'), { recursive: true });
    fs.mkdirSync(path.join(res, 'demo', 'library'), { recursive: true });
    fs.writeFileSync(path.join(res, 'demo', 'library', 'manifest.json'), '{}');
    const proc = process as { resourcesPath?: string };
    const before = proc.resourcesPath;
    proc.resourcesPath = res;
    try {
      expect(resourcesDir()).toBe(res);
      expect(demoLibraryDir()).toBe(path.join(res, 'demo', 'library'));
    } finally {
      proc.resourcesPath = before;
      fs.rmSync(res, { recursive: true, force: true });
    }
  });
  it('electron-builder.yml sets the fuses, the app id and a maintainer', () => {
    const yml = fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^appId: com\.salesworkbench\.app$/m);
    expect(yml).not.toMatch(/example\.com/);
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableCookieEncryption: true',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(yml).toMatch(new RegExp(`^electronFuses:[\\s\\S]*^  ${line}$`, 'm'));
    }
  });
});

describe('internal errors and a full disk', () => {
  it('an unexpected error answers a plain message: no path, no raw text', () => {
    const e = Object.assign(new Error("ENOENT: no such file or directory, open '/home/anna/secret/data.sqlite'"), { code: 'ENOENT' });
    const r = toApiError(e);
    expect(r.code).toBe('internal');
    expect(r.key).toBe('internalError');
    expect(r.message).not.toMatch(/\/home|ENOENT|secret/);
  });
  it.each([
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
  ])('a full disk says so ($code)', (e) => {
    expect(toApiError(e)).toMatchObject({ code: 'unavailable', key: 'diskFull', message: expect.stringMatching(/disk is full/) });
  });
});

describe('browser host answers', () => {
  let dir: string;
  let ctx: ApiContext;
  let srv: ReturnType<typeof createServer>;
  let port: number;
  const TOKEN = 'hardening-token';

  beforeAll(async () => {
    dir = tempDir();
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    ctx = createApp({ dataDir: path.join(dir, 'data'), demo: false, host: { kind: 'browser' } });
    srv = createServer({ ctx, token: TOKEN, staticDir, uploadLimit: 1024 * 1024 });
    port = (await srv.listen()).port;
  });
  afterAll(async () => {
    await srv.close();
    ctx.ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: p, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
        })
        .on('error', reject);
    });

  /** Sends raw bytes and reports what came back and when the server closed the socket. */
  const raw = (text: string, waitMs: number) =>
    new Promise<{ answer: string; closedAfterMs: number | null }>((resolve) => {
      const t0 = Date.now();
      let answer = '';
      let closed: number | null = null;
      const s = net.connect(port, '127.0.0.1', () => s.write(text));
      s.on('data', (d: Buffer) => (answer += d.toString()));
      s.on('close', () => {
        closed = Date.now() - t0;
        resolve({ answer, closedAfterMs: closed });
      });
      s.on('error', () => undefined);
      setTimeout(() => {
        if (closed === null) {
          s.destroy();
          resolve({ answer, closedAfterMs: null });
        }
      }, waitMs);
    });

  it('bad percent-encoding is a 400, on the API and on static paths', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    const r = await raw(
      `POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      5000,
    );
    expect(r.answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('an upload declaring more than the limit is refused at once, before its body is sent', async () => {
    const r = await raw(
      `POST /upload?name=big.bin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
      5000,
    );
    expect(r.answer).toMatch(/^HTTP\/1\.1 413/);
    expect(r.answer).toContain('too_large');
  });

  it('a body that never arrives does not hold the connection (closed within seconds)', async () => {
    const r = await raw(
      `POST /api/people.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`,
      20_000,
    );
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeLessThan(15_000);
  }, 25_000);

  it('stored files are served with the type detected at upload, whatever ?type= says', async () => {
    const svg = path.join(dir, 'evil.txt');
    fs.writeFileSync(svg, 'plain notes <svg onload=alert(1)> inside text');
    const staged = await ctx.staging.fromPath(svg);
    const added = await dispatch('library.addFile', { uploadId: staged.id, meta: { title: 'notes' } }, ctx);
    expect(added.ok).toBe(true);
    const sha = staged.sha256;
    const r = await get(`/files/${sha}?token=${TOKEN}&type=image%2Fsvg%2Bxml`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const reversed = await get(`/files/${sha}?token=${TOKEN}`, { range: 'bytes=9-3' });
    expect(reversed.status).toBe(416);
  });
});
