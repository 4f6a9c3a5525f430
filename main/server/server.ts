/**
 * The browser host. Solo (default): node:http on 127.0.0.1 only; every API call
 * needs the per-launch token and runs as the local owner. Team (--team): the
 * same handler table for many people; each request carries a session (HttpOnly
 * cookie or bearer token) that resolves to the signed-in person's actor,
 * cookie-authenticated writes must come from the server's own origin, and
 * listening beyond loopback needs TLS (node:https) or a trusted proxy.
 * Both: the Host header must name this server (defeats DNS rebinding); request
 * bodies are size-limited (sign-in and other unauthenticated calls: 8 KB).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError, type ApiResult, type Localized } from '../../shared/api/contract';
import type { ApiContext } from '../api/context';
import { dispatch, isMethod, toApiError } from '../api/dispatch';
import { blobPath, SHA256 } from '../files/store';
import { ANONYMOUS, SOLO_OWNER, type Actor } from '../../shared/api/access';
import { contract } from '../../shared/api';
import { mayReadBlob } from '../services/access/files';
import { detectedType } from '../services/storedFiles';
import { getSessionSettings, resolveSession, type Resolved } from '../services/accounts';
import { applyTimeouts, TIMEOUTS, blobHeaders, decodePath, guardBodyStall, parseRange, servedType, staticType } from './http';
import { AUTH_BODY_LIMIT, createTeamGate, type TeamGate, type TeamOptions } from './team';
import { handleSso } from './sso';

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
  /** Team server mode; absent: solo (token, owner actor, loopback). */
  team?: TeamOptions;
  /** node:https with this certificate and key. */
  tls?: { cert: Buffer; key: Buffer };
  /** Listening address (default 127.0.0.1); anything else needs `tls` or `team.trustProxy`. */
  listenHost?: string;
  /** Seconds to receive a request's headers / whole request (slow-client defence). */
  headersTimeoutS?: number;
  requestTimeoutS?: number;
}

/** HTTP status of an error result: refusals are 403, a missing sign-in 401. */
export const statusOf = (code: string) =>
  code === 'unknown_method' ? 404 : code === 'forbidden' ? 403 : code === 'unauthorized' ? 401 : 200;

export const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(host);

/** Methods whose result carries a new session token (moved into the cookie for browsers). */
const SIGN_IN = new Set(['auth.signIn', 'auth.acceptInvitation', 'auth.completeSetup']);
const SIGN_OUT = new Set(['auth.signOut', 'auth.signOutEverywhere']);

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
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(data);
}

function fail(res: http.ServerResponse, status: number, code: string, message: string, localized?: Localized) {
  if (status === 413) {
    // Stop receiving the rest of an oversized body: answer, then close the connection.
    res.setHeader('Connection', 'close');
    res.on('finish', () => res.req.destroy());
  }
  send(res, status, {
    ok: false,
    error: { code, message, ...(localized ? { key: localized.key, params: localized.params ?? {} } : {}) },
  } satisfies ApiResult<never> | object);
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

  const listenHost = opts.listenHost ?? '127.0.0.1';
  if (!isLoopback(listenHost) && !opts.tls && !opts.team?.trustProxy) {
    throw new Error(
      `Refusing to listen on ${listenHost} without TLS: pass --tls-cert and --tls-key, or --behind-proxy <proxy address> when a TLS proxy sits in front.`,
    );
  }
  if (!isLoopback(listenHost) && !opts.team)
    throw new Error('Listening beyond this computer needs team mode (--team): solo mode is for one person on this machine.');
  const gate: TeamGate | null = opts.team ? createTeamGate(opts.team, !!opts.tls, () => port) : null;

  /** Team: the session behind the request (bearer header, else cookie), and whether it came by cookie. */
  function sessionOf(req: http.IncomingMessage, g: TeamGate) {
    const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = bearer ?? g.readCookie(req);
    const resolved: Resolved | null = token ? resolveSession(opts.ctx.db, token) : null;
    return { viaCookie: !bearer, presented: !!token, resolved };
  }

  const unauthorized = (res: http.ServerResponse, g: TeamGate, presented: boolean) => {
    // a forged, expired or foreign session: clear it and say only that a sign-in is needed
    if (presented) res.setHeader('Set-Cookie', g.clearSessionCookie());
    return presented
      ? fail(res, 401, 'unauthorized', 'Your session has ended. Sign in again.', { key: 'auth.sessionExpired' })
      : fail(res, 401, 'unauthorized', 'Sign in to use this workspace.', { key: 'auth.signInRequired' });
  };
  const crossSite = (res: http.ServerResponse) =>
    fail(res, 403, 'forbidden', "Refused: this request did not come from this server's own pages.", { key: 'auth.crossSite' });

  async function teamApi(req: http.IncomingMessage, res: http.ServerResponse, g: TeamGate, method: string) {
    const s = sessionOf(req, g);
    // CSRF: a request the browser authenticates by itself (cookie, or none yet: sign-in) must come from our own origin
    if (s.viaCookie && !g.originAllowed(req)) {
      req.resume();
      return crossSite(res);
    }
    const isPublic = isMethod(method) && contract[method].access === 'public';
    if (!s.resolved && !isPublic) {
      req.resume();
      return unauthorized(res, g, s.presented);
    }
    // the live-transcript feed and captured audio belong to the rep's own machine: never taken over the network
    if ((method.startsWith('guidance.feed.') || method.startsWith('speech.capture.')) && !isLoopback(g.client(req).ip)) {
      req.resume();
      return fail(res, 403, 'forbidden', 'The live-transcript feed and call audio are accepted only from this computer.', {
        key: 'access.feedLoopbackOnly',
      });
    }
    let input: unknown;
    const bodyRead = guardBodyStall(req);
    try {
      const body = await readBody(req, s.resolved ? bodyLimit : AUTH_BODY_LIMIT);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      if (e instanceof AppError) return fail(res, 413, e.code, 'The request is too large.', { key: 'auth.tooLarge' });
      return fail(res, 400, 'invalid_input', 'The request body is not valid JSON.');
    } finally {
      bodyRead();
    }
    const actor = s.resolved?.actor ?? ANONYMOUS;
    const result = await dispatch(method, input, opts.ctx.withActor(actor, g.client(req)));
    if (result.ok && SIGN_IN.has(method)) {
      const value = result.value as { token?: string };
      const wantsBearer = (input as { client?: string } | null)?.client === 'bearer';
      if (!wantsBearer && value.token) {
        res.setHeader('Set-Cookie', g.sessionCookie(value.token, getSessionSettings(opts.ctx.db).absoluteHours * 3600));
        delete value.token;
      }
    }
    if (SIGN_OUT.has(method) && s.viaCookie) res.setHeader('Set-Cookie', g.clearSessionCookie());
    // a public method's "unauthorized" (a wrong password) is an answer, not a missing session
    const status = result.ok ? 200 : result.error.code === 'unauthorized' && isPublic ? 200 : statusOf(result.error.code);
    return send(res, status, result);
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      if (gate ? !gate.hostAllowed(req.headers.host) : !hostAllowed(req.headers.host, port)) {
        return fail(
          res,
          421,
          'forbidden',
          gate
            ? 'This server answers only to its public address (--public-url).'
            : 'This server only answers requests addressed to 127.0.0.1 or localhost.',
        );
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];

      if (gate && url.pathname.startsWith('/auth/sso/')) return await handleSso(req, res, url, gate, opts.ctx, opts.team?.sso ?? null);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'API calls use POST.');
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return fail(res, 400, 'invalid_input', 'The address is not valid (bad percent-encoding).');
        if (gate) return await teamApi(req, res, gate, method);
        if (!tokenMatches(bearer, token))
          return fail(res, 401, 'unauthorized', 'Missing or wrong access token. Open the link the server printed at start.');
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

      /**
       * Uploads and stored files: the token (solo) or a live session (team; uploads from our own
       * origin). Returns who is asking, or null when the request was refused (team: already answered).
       */
      const allowed = (write: boolean): Actor | null => {
        if (!gate) {
          if (!tokenMatches(write ? bearer : (url.searchParams.get('token') ?? bearer), token)) return null;
          return opts.actorFor ? opts.actorFor(req) : SOLO_OWNER;
        }
        const s = sessionOf(req, gate);
        if (!s.resolved) {
          unauthorized(res, gate, s.presented);
          return null;
        }
        if (write && s.viaCookie && !gate.originAllowed(req)) {
          crossSite(res);
          return null;
        }
        return s.resolved.actor;
      };

      if (url.pathname === '/upload') {
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'Uploads use POST.');
        const uploader = allowed(true);
        if (!uploader) {
          if (gate) return req.resume();
          return fail(res, 401, 'unauthorized', 'Missing or wrong access token.');
        }
        const name = url.searchParams.get('name') ?? 'file';
        // a team workspace in use (--client): streamed on to its server, whose staged id the next call names
        if (uploader.owner && opts.ctx.host.remote?.active()) {
          const declaredSize = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
          const bodyRead = guardBodyStall(req);
          try {
            const r = await opts.ctx.host.remote.upload(
              req,
              name,
              declaredSize !== null && Number.isFinite(declaredSize) ? declaredSize : null,
            );
            if (r) {
              if (r.status === 413) res.setHeader('Connection', 'close');
              return send(res, r.status, r.result);
            }
          } finally {
            bodyRead();
          }
        }
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
          return fail(
            res,
            err.code === 'too_large' ? 413 : err.code === 'internal' ? 500 : 400,
            err.code,
            err.message,
            err.key ? { key: err.key, params: err.params } : undefined,
          );
        } finally {
          bodyRead();
        }
      }

      if (url.pathname.startsWith('/files/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid_input', 'Files are read with GET.');
        const actor = allowed(false);
        if (!actor)
          return res.headersSent
            ? undefined
            : fail(res, 401, 'unauthorized', 'Sign in to open stored files.', { key: 'access.signInRequired' });
        const sha = url.pathname.slice(7);
        if (!SHA256.test(sha)) return fail(res, 404, 'not_found', 'No such file.');
        // a team workspace in use (--client): its file, from the offline copy or downloaded into it
        const remote = actor.owner
          ? await opts.ctx.host.remote?.serveFile(sha, req.method, req.headers.range).catch((e: unknown) => toApiError(e))
          : null;
        if (remote && 'code' in remote)
          return fail(
            res,
            remote.code === 'not_found' ? 404 : remote.code === 'too_large' ? 413 : 503,
            remote.code,
            remote.message,
            remote.key ? { key: remote.key, params: remote.params } : undefined,
          );
        if (remote?.kind === 'path') return sendBlob(req, res, remote.path, servedType(remote.mime));
        if (remote) {
          // streamed from the team server as it answered (206 for a Range, its refusals too)
          res.writeHead(remote.status, { ...remote.headers, 'X-Content-Type-Options': 'nosniff' });
          remote.body.on('error', () => res.destroy());
          res.on('close', () => remote.body.destroy());
          return void remote.body.pipe(res);
        }
        if (!mayReadBlob(opts.ctx.db, actor, sha))
          return fail(res, 403, 'forbidden', "You don't have access to this file.", { key: 'access.fileForbidden' });
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
  };
  // handler() answers every failure itself (the catch above), so Node need not await it
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => void handler(req, res);
  const server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : http.createServer(onRequest);
  // "Expect: 100-continue" (a desktop forwarding an upload): an oversized one is refused before its body is sent
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const tooLarge =
      !!opts.uploadLimit && Number(req.headers['content-length'] ?? 0) > opts.uploadLimit && (req.url ?? '').startsWith('/upload');
    if (!tooLarge) res.writeContinue();
    onRequest(req, res);
  });
  // slow or stalled clients are cut off instead of holding sockets open (a stalled body after 10 s: guardBodyStall)
  applyTimeouts(server, {
    ...TIMEOUTS,
    ...(opts.headersTimeoutS ? { headersMs: opts.headersTimeoutS * 1000 } : {}),
    ...(opts.requestTimeoutS ? { requestMs: opts.requestTimeoutS * 1000 } : {}),
  });

  return {
    token,
    server,
    listen(): Promise<{ port: number; url: string }> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, listenHost, () => {
          port = (server.address() as AddressInfo).port;
          resolve({ port, url: gate ? gate.publicBase() + '/' : `http://127.0.0.1:${port}/?token=${token}` });
        });
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
