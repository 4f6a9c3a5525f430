/**
 * The remote dispatcher: while a team server is the workspace in use, every
 * API call the screens make goes to that server with the person's bearer
 * token (the server checks roles and scopes rows), and its answer, refusals
 * included, comes back unchanged. This computer's own methods (team
 * connections, app/updates, local workspace files, the live-transcript feed)
 * stay local. When the server cannot be reached, or the session ended, the
 * live-call methods answer from the offline cache; everything else says
 * plainly that the team server can't be reached. Plain Node: both hosts call
 * it from `dispatch`.
 */
import { AppError, type ApiError, type ApiResult } from '../../../shared/api/contract';
import type http from 'node:http';
import type { Readable } from 'node:stream';
import type { SessionInfo, UploadRef } from '../../../shared/api/session';
import { RequestFailed, type ClientState, type TeamClient } from './client';
import type { TeamConnections } from './connections';
import { answerOffline, hasOfflineAnswer } from './offline';

/** Methods this computer answers whatever workspace is in use. */
export function staysLocal(method: string): boolean {
  return (
    method.startsWith('teamClient.') ||
    method.startsWith('app.') ||
    method.startsWith('workspace.') ||
    // the softphone feed posts to this computer; the live-call screen reads it here
    method.startsWith('guidance.feed.') ||
    // "solo or team, signed in?" is about this app, not the server (the header asks session.get)
    method === 'auth.status' ||
    // native dialogs and windows of this computer
    method === 'files.pick' ||
    method === 'scripts.openLiveWindow'
  );
}

/** Answers remembered from the server, preferred offline over ones rebuilt from the cache. */
const REMEMBERED = new Set(['session.get', 'guidance.forbidden.get', 'guidance.bank', 'scripts.usage']);

export interface RemoteOptions {
  /** While offline, try to reconnect this often (default 5 s). */
  retryMs?: number;
  /** While online, refresh the offline cache this often (default 60 s). */
  refreshMs?: number;
  /** Run the reconnect/refresh timer (hosts: yes; tests drive `reconnect` themselves). */
  timer?: boolean;
}

const unreachable = (server: string): ApiError => ({
  code: 'unavailable',
  message: `The team server can't be reached (${server}). Live-call search and scripts work from the offline copy; other screens come back when the connection does.`,
  key: 'teamClient.serverUnreachable',
  params: { server },
});

const uploadUnreachable = (server: string): ApiError => ({
  code: 'unavailable',
  message: `Uploading needs the team server; it can't be reached (${server}). Nothing was uploaded; try again when the connection is back.`,
  key: 'teamClient.uploadUnreachable',
  params: { server },
});

/** Headers of the server's file answer passed on to the screen (type, length, ranges, safety). */
const FILE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'cache-control',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
];

/** A stored file as the hosts serve it: streamed from the server, or a file on this computer. */
export type RemoteFile =
  | { kind: 'stream'; status: number; headers: Record<string, string>; body: http.IncomingMessage }
  | { kind: 'path'; path: string; mime: string | null };

function refusal(state: ClientState, server: string): ApiError {
  if (state === 'revoked')
    return {
      code: 'unauthorized',
      message: `Your account on ${server} was turned off. What you have offline stays readable until you sign out.`,
      key: 'teamClient.revoked',
      params: { server },
    };
  if (state === 'otherWorkspace')
    return {
      code: 'conflict',
      message: `${server} now answers with a different workspace. Sign out to connect to it.`,
      key: 'teamClient.otherWorkspaceNow',
      params: { server },
    };
  return {
    code: 'unauthorized',
    message: `Your session on ${server} has ended. Sign in again in Settings → Team workspace; what you have offline stays readable.`,
    key: 'teamClient.sessionEnded',
    params: { server },
  };
}

const asError = (e: unknown): ApiError | null =>
  e instanceof AppError
    ? {
        code: e.code,
        message: e.message,
        ...(e.field ? { field: e.field } : {}),
        ...(e.localized ? { key: e.localized.key, params: e.localized.params ?? {} } : {}),
      }
    : null;

/** An unreachable server (or a proxy in front of a stopped one), as opposed to an answer. */
const isUnreachable = (e: RequestFailed) => e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504;

export class RemoteDispatcher {
  private memory = new Map<string, Map<string, unknown>>();
  private attempts = new Map<string, { at: number; running: Promise<void> | null }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private conns: TeamConnections,
    private opts: RemoteOptions = {},
  ) {
    if (opts.timer !== false) {
      this.timer = setInterval(() => void this.tick(), Math.min(opts.retryMs ?? 5000, opts.refreshMs ?? 60_000));
      this.timer.unref();
    }
  }

  /** The team server in use and its client, or null (the local workspace answers). */
  active(): { url: string; client: TeamClient } | null {
    const url = this.conns.active();
    return url ? { url, client: this.conns.client(url) } : null;
  }

  /**
   * Tries the server again (a refresh of the offline cache, which also sends queued usage
   * events). At most one attempt at a time per server, and not again within `minGapMs`.
   */
  async reconnect(url: string, client: TeamClient, minGapMs = 0): Promise<void> {
    const a = this.attempts.get(url) ?? { at: 0, running: null };
    if (a.running) return a.running;
    if (Date.now() - a.at < minGapMs) return;
    a.at = Date.now();
    a.running = client
      .refresh()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        a.running = null;
      });
    this.attempts.set(url, a);
    return a.running;
  }

  private async tick() {
    const a = this.active();
    if (!a) return;
    const st = a.client.connectionState();
    if (st === 'offline') await this.reconnect(a.url, a.client, this.opts.retryMs ?? 5000);
    else if (st === 'online') await this.reconnect(a.url, a.client, this.opts.refreshMs ?? 60_000);
  }

  private remember(url: string, key: string, value: unknown) {
    let m = this.memory.get(url);
    if (!m) this.memory.set(url, (m = new Map<string, unknown>()));
    if (m.size > 200) m.clear();
    m.set(key, value);
  }

  /** The session as last seen from the server, or the cached person as a rep. */
  private offlineSession(url: string, c: TeamClient): SessionInfo {
    const remembered = this.memory.get(url)?.get('session.get {}') as SessionInfo | undefined;
    if (remembered) return remembered;
    const p = c.status().person ?? { id: 0, name: '' };
    return {
      mode: 'team',
      person: {
        id: p.id,
        name: p.name,
        names: {},
        email: '',
        teamId: null,
        teamName: null,
        roles: ['rep'],
        hiredAt: null,
        active: true,
        updatedAt: '',
      },
      role: 'rep',
      roles: ['rep'],
      actor: { personId: p.id, roles: ['rep'], managedTeamIds: [], teamId: null, owner: false },
    };
  }

  /** Offline (or refused): the cached answer of a live-call method, else why not. */
  private fallback(url: string, client: TeamClient, method: string, parsed: unknown, why: ApiError): ApiResult<unknown> {
    const remembered = REMEMBERED.has(method) ? this.memory.get(url)?.get(`${method} ${JSON.stringify(parsed)}`) : undefined;
    if (remembered !== undefined) return { ok: true, value: remembered };
    if (method === 'session.get') return { ok: true, value: this.offlineSession(url, client) };
    if (!hasOfflineAnswer(method)) return { ok: false, error: why };
    try {
      return { ok: true, value: answerOffline(method, parsed as never, client) ?? null };
    } catch (e) {
      const err = asError(e);
      if (err) return { ok: false, error: err };
      throw e;
    }
  }

  /**
   * The answer for `method` when a team server is in use, or null when this computer answers
   * (no team server in use, or a local method). `raw` is forwarded as the screen sent it;
   * `parsed` (the contract's parse of it) feeds the offline answers.
   */
  async dispatch(method: string, raw: unknown, parsed: unknown): Promise<ApiResult<unknown> | null> {
    if (staysLocal(method)) return null;
    const a = this.active();
    if (!a) return null;
    const { url, client } = a;
    // the header's "Sign out" in a team workspace signs out of it: the offline copy goes too
    if (method === 'auth.signOut') {
      await this.conns.signOut(url);
      this.memory.delete(url);
      return { ok: true, value: null };
    }
    const st = client.connectionState();
    if (st === 'expired' || st === 'revoked' || st === 'otherWorkspace' || st === 'signedOut')
      return this.fallback(url, client, method, parsed, refusal(st, url));
    if (st === 'offline') {
      if (hasOfflineAnswer(method) || method === 'session.get') {
        // the live call must not wait for a dead server: answer now, try again behind it
        void this.reconnect(url, client, this.opts.retryMs ?? 5000);
        return this.fallback(url, client, method, parsed, unreachable(url));
      }
      await this.reconnect(url, client, this.opts.retryMs ?? 5000);
      if (client.connectionState() !== 'online') return this.fallback(url, client, method, parsed, unreachable(url));
    }
    try {
      const value = await client.call<unknown>(method, raw ?? {});
      if (REMEMBERED.has(method)) this.remember(url, `${method} ${JSON.stringify(parsed)}`, value);
      if (method === 'auth.signOutEverywhere') {
        await this.conns.signOut(url);
        this.memory.delete(url);
      }
      return { ok: true, value: value ?? null };
    } catch (e) {
      if (!(e instanceof RequestFailed)) throw e;
      if (isUnreachable(e)) {
        // the refresh behind this one records "offline" (and the time of the last update stays)
        void this.reconnect(url, client);
        return this.fallback(url, client, method, parsed, unreachable(url));
      }
      if (e.status === 401) {
        // let the client record why (expired or locked): the same refusal then holds for every screen
        await this.reconnect(url, client);
        return this.fallback(url, client, method, parsed, refusal(client.connectionState(), url));
      }
      // the server's own answer (a 403 for this role, a validation message…), unchanged
      return {
        ok: false,
        error: e.error ?? { code: e.code ?? 'internal', message: e.message, ...(e.key ? { key: e.key, params: {} } : {}) },
      };
    }
  }

  /**
   * A stored file of the team workspace in use, for the hosts' /files/<sha256>: a library item
   * linked to live calls comes from (or is downloaded once into) the offline copy, so it opens
   * offline too. Null: no team workspace in use (the local workspace serves it). Throws AppError
   * when the file is not one the offline copy holds, or is over the offline size cap.
   */
  async file(sha256: string): Promise<{ path: string; mime: string | null } | null> {
    const a = this.active();
    if (!a) return null;
    const item = a.client.library().find((i) => i.sha256 === sha256);
    if (!item)
      throw new AppError('not_found', 'This file is not in the offline copy of the team workspace.', undefined, {
        key: 'teamClient.notOffline',
      });
    try {
      return { path: await a.client.libraryFile(item.id), mime: item.mime };
    } catch (e) {
      if (e instanceof RequestFailed) {
        if (e.key === 'teamClient.fileTooLarge')
          throw new AppError('too_large', e.message, undefined, {
            key: 'teamClient.fileTooLarge',
            params: { name: item.fileName ?? '', mb: 50 },
          });
        throw new AppError('unavailable', unreachable(a.url).message, undefined, {
          key: 'teamClient.serverUnreachable',
          params: { server: a.url },
        });
      }
      throw e;
    }
  }

  /** The state now, after one reconnect attempt when offline. */
  private async reachable(url: string, client: TeamClient): Promise<'online' | ClientState> {
    let st = client.connectionState();
    if (st === 'offline') {
      await this.reconnect(url, client, this.opts.retryMs ?? 5000);
      st = client.connectionState();
    }
    return st;
  }

  /**
   * An upload to the team workspace in use (the hosts' /upload): the body is streamed to the
   * server's /upload, and its answer (its staged-upload id, which the next forwarded call such as
   * library.create refers to, or its refusal, e.g. its size limit) comes back with its status.
   * Null: no team workspace in use (the local staging takes it). Unreachable: a plain message,
   * and nothing is kept anywhere (the server drops a cut-off upload).
   */
  async upload(body: Readable, name: string, size: number | null): Promise<{ status: number; result: ApiResult<UploadRef> } | null> {
    const a = this.active();
    if (!a) return null;
    const { url, client } = a;
    const st = await this.reachable(url, client);
    if (st !== 'online') {
      body.resume();
      return st === 'offline'
        ? { status: 503, result: { ok: false, error: uploadUnreachable(url) } }
        : { status: 401, result: { ok: false, error: refusal(st, url) } };
    }
    try {
      const r = await client.upload(body, name, size);
      if (r.status === 502 || r.status === 503 || r.status === 504) throw new RequestFailed('The server is not answering.', r.status);
      const result = JSON.parse(r.text) as ApiResult<UploadRef>;
      if (r.status === 401) {
        await this.reconnect(url, client);
        return { status: 401, result: { ok: false, error: refusal(client.connectionState(), url) } };
      }
      return { status: r.status, result };
    } catch (e) {
      if (!(e instanceof RequestFailed) && !(e instanceof SyntaxError)) throw e;
      void this.reconnect(url, client);
      return { status: 503, result: { ok: false, error: uploadUnreachable(url) } };
    }
  }

  /**
   * A stored file for the hosts' /files/<sha256> while a team workspace is in use. One in the
   * offline copy comes from it (downloaded once); any other is streamed from the server with the
   * session, its Range answer included (seeking). With the server unreachable: the offline copy,
   * else the "not in the offline copy" message. Null: no team workspace in use.
   */
  async serveFile(sha256: string, method: 'GET' | 'HEAD', range: string | undefined): Promise<RemoteFile | null> {
    const a = this.active();
    if (!a) return null;
    const { url, client } = a;
    if (client.library().some((i) => i.sha256 === sha256)) {
      try {
        const f = await this.file(sha256);
        if (f) return { kind: 'path', ...f };
      } catch (e) {
        // over the offline cap: streamed below; unreachable: said below
        if (!(e instanceof AppError) || e.code !== 'too_large') throw e;
      }
    }
    const st = await this.reachable(url, client);
    if (st !== 'online')
      throw new AppError('not_found', 'This file is not in the offline copy of the team workspace.', undefined, {
        key: 'teamClient.notOffline',
      });
    let res: http.IncomingMessage;
    try {
      res = await client.openFile(sha256, method, range);
    } catch (e) {
      if (!(e instanceof RequestFailed)) throw e;
      void this.reconnect(url, client);
      throw new AppError('not_found', 'This file is not in the offline copy of the team workspace.', undefined, {
        key: 'teamClient.notOffline',
      });
    }
    const headers: Record<string, string> = {};
    for (const h of FILE_HEADERS) {
      const v = res.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    return { kind: 'stream', status: res.statusCode ?? 502, headers, body: res };
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
