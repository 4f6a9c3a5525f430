/**
 * The browser host: node:http on 127.0.0.1 only. Serves the built renderer and
 * the same handler table as Electron IPC at POST /api/<method>. Every API call
 * needs the per-launch token; the Host header must name this machine (defeats
 * DNS rebinding); request bodies are size-limited.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError, type ApiResult, type Localized } from '../../shared/api/contract';
import type { ApiContext } from '../api/context';
import { dispatch, toApiError } from '../api/dispatch';
import { blobPath, SHA256 } from '../files/store';
import { ANONYMOUS, SOLO_OWNER, type Actor } from '../../shared/api/access';
import { mayReadBlob } from '../services/access/files';
import { detectedType } from '../services/storedFiles';
import { applyTimeouts, blobHeaders, decodePath, guardBodyStall, parseRange, servedType, staticType } from './http';

export const API_BODY_LIMIT = 16 * 1024 * 1024;

export interface ServerOptions {
  ctx: ApiContext;
  port?: number;
  token?: string;
  staticDir: string;
  bodyLimit?: number;
  uploadLimit?: number;
  /** Who is asking (a team server reads the session); null = nobody signed in. Default: the solo owner. */
  actorFor?: (req: http.IncomingMessage) => Actor | null;
}

/** HTTP status of an error result: refusals are 403, a missing sign-in 401. */
export const statusOf = (code: string) => (code === 'unknown_method' ? 404 : code === 'forbidden' ? 403 : code === 'unauthorized' ? 401 : 200);

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets style attributes at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function send(res: http.ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(data);
}

function fail(res: http.ServerResponse, status: number, code: string, message: string, localized?: Localized) {
  if (status === 413) {
    // Stop receiving the rest of an oversized body: answer, then close the connection.
    res.setHeader('Connection', 'close');
    res.on('finish', () => res.req.destroy());
  }
  send(res, status, { ok: false, error: { code, message, ...(localized ? { key: localized.key, params: localized.params ?? {} } : {}) } } satisfies ApiResult<never> | object);
}

function tokenMatches(given: string | null | undefined, token: string) {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function hostAllowed(host: string | undefined, port: number) {
  if (!host) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?$/i.exec(host.trim());
  return !!m && (!m[2] || Number(m[2]) === port);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new AppError('too_large', `The request is larger than the ${Math.round(limit / 1048576)} MB limit.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new AppError('too_large', `The request is larger than the ${Math.round(limit / 1048576)} MB limit.`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Streams a stored blob, honouring Range so audio and video can seek. */
function sendBlob(req: http.IncomingMessage, res: http.ServerResponse, file: string, type: string) {
  const size = fs.statSync(file).size;
  const range = parseRange(req.headers.range, size);
  const { status, headers } = blobHeaders(size, type, range);
  res.writeHead(status, headers);
  if (status === 416 || req.method === 'HEAD') return res.end();
  fs.createReadStream(file, range.kind === 'partial' ? { start: range.start, end: range.end } : {}).pipe(res);
}

export function createServer(opts: ServerOptions) {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const bodyLimit = opts.bodyLimit ?? API_BODY_LIMIT;
  const staticDir = path.resolve(opts.staticDir);
  let port = opts.port ?? 0;

  const server = http.createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, port)) {
        return fail(res, 421, 'forbidden', 'This server only answers requests addressed to 127.0.0.1 or localhost.');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'API calls use POST.');
        if (!tokenMatches(bearer, token)) return fail(res, 401, 'unauthorized', 'Missing or wrong access token. Open the link the server printed at start.');
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return fail(res, 400, 'invalid_input', 'The address is not valid (bad percent-encoding).');
        let input: unknown;
        const bodyRead = guardBodyStall(req);
        try {
          const body = await readBody(req, bodyLimit);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (e) {
          if (e instanceof AppError) return fail(res, 413, e.code, e.message);
          return fail(res, 400, 'invalid_input', 'The request body is not valid JSON.');
        } finally {
          bodyRead();
        }
        const actor = opts.actorFor ? (opts.actorFor(req) ?? ANONYMOUS) : SOLO_OWNER;
        const result = await dispatch(method, input, actor.owner ? opts.ctx : opts.ctx.withActor(actor));
        const status = result.ok ? 200 : statusOf(result.error.code);
        return send(res, status, result);
      }

      if (url.pathname === '/upload') {
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'Uploads use POST.');
        if (!tokenMatches(bearer, token)) return fail(res, 401, 'unauthorized', 'Missing or wrong access token.');
        const name = url.searchParams.get('name') ?? 'file';
        const declared = Number(req.headers['content-length'] ?? 0);
        const limit = opts.uploadLimit;
        if (limit && declared > limit) {
          req.resume();
          const mb = Math.round(limit / 1048576);
          return fail(res, 413, 'too_large', `"${name}" is larger than the ${mb} MB limit.`, { key: 'tooLarge', params: { name, mb } });
        }
        const bodyRead = guardBodyStall(req);
        try {
          const f = await opts.ctx.staging.fromStream(req, name, limit);
          return send(res, 200, { ok: true, value: { id: f.id, name: f.name, size: f.size } });
        } catch (e) {
          const err = toApiError(e);
          return fail(res, err.code === 'too_large' ? 413 : err.code === 'internal' ? 500 : 400, err.code, err.message, err.key ? { key: err.key, params: err.params } : undefined);
        } finally {
          bodyRead();
        }
      }

      if (url.pathname.startsWith('/files/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid_input', 'Files are read with GET.');
        if (!tokenMatches(url.searchParams.get('token') ?? bearer, token)) return fail(res, 401, 'unauthorized', 'Missing or wrong access token.');
        const sha = url.pathname.slice(7);
        if (!SHA256.test(sha)) return fail(res, 404, 'not_found', 'No such file.');
        const actor = opts.actorFor ? opts.actorFor(req) : SOLO_OWNER;
        if (!actor) return fail(res, 401, 'unauthorized', 'Sign in to open stored files.', { key: 'access.signInRequired' });
        if (!mayReadBlob(opts.ctx.db, actor, sha)) return fail(res, 403, 'forbidden', "You don't have access to this file.", { key: 'access.fileForbidden' });
        const file = blobPath(opts.ctx.ws.filesDir, sha);
        if (!fs.existsSync(file)) return fail(res, 404, 'not_found', 'The file is missing from the workspace.');
        // Only the type detected at upload, never one the URL asks for.
        return sendBlob(req, res, file, servedType(detectedType(opts.ctx.db, sha)));
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid_input', 'Method not allowed.');
      let rel = decodePath(url.pathname);
      if (rel === null) return fail(res, 400, 'invalid_input', 'The address is not valid (bad percent-encoding).');
      if (rel === '/' || !path.extname(rel)) rel = '/index.html';
      const file = path.resolve(staticDir, '.' + rel);
      if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        return fail(res, 404, 'not_found', 'Not found.');
      }
      res.writeHead(200, {
        'Content-Type': staticType(path.extname(file)),
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': rel === '/index.html' ? 'no-cache' : 'public, max-age=3600',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    } catch (e) {
      const err = toApiError(e);
      if (!res.headersSent) fail(res, 500, err.code, err.message);
      else res.destroy();
    }
  });

  applyTimeouts(server);

  return {
    token,
    server,
    listen(): Promise<{ port: number; url: string }> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port;
          resolve({ port, url: `http://127.0.0.1:${port}/?token=${token}` });
        });
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
