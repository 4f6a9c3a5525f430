/**
 * The desktop app as a client of a team server (plain Node, no Electron):
 * sign-in with a bearer token, incremental refresh of the offline cache,
 * live-call search that works with the server gone, usage events queued and
 * sent once, library files on demand with a size cap, and a plain state for
 * an expired session, a locked account or a server now serving another
 * workspace (the cache stays readable until sign-out, which deletes it).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ApiError, ApiResult, ErrorCode } from '../../../shared/api/contract';
import type { SignedIn } from '../../../shared/api/auth';
import type { QueuedUsage, SyncChanges } from '../../../shared/api/sync';
import { MAX_USAGE_BATCH } from '../../../shared/api/sync';
import type { DB } from '../../db/open';
import * as cache from './cache';
import { pinnedAgent, type PinnedCert } from './fingerprint';
import { memoryOnly, type SecretBox } from './secretBox';
import { loopbackSignIn, type LoopbackOptions } from './ssoLoopback';

export type ClientState = 'signedOut' | 'online' | 'offline' | 'expired' | 'revoked' | 'otherWorkspace';

/**
 * Why a client with an offline copy has no session: its saved token could not be decrypted
 * (the OS keychain changed or is locked), or this host keeps tokens in memory only.
 */
export type TokenNotice = 'tokenUnreadable' | 'tokenNotKept';

export interface ClientStatus {
  state: ClientState;
  server: string | null;
  person: { id: number; name: string } | null;
  /** ISO time of the last successful refresh */
  lastSyncAt: string | null;
  queued: number;
  notice: TokenNotice | null;
  /** "Offline — last updated 14:05" (English; the UI builds its own from the same fields) */
  line: string;
}

export class RequestFailed extends Error {
  constructor(
    message: string,
    public status: number,
    public key?: string,
    /** the server's error code, when it answered */
    public code?: ErrorCode,
    /** the server's whole error result (field, params), passed on as it came */
    public error?: ApiError,
  ) {
    super(message);
  }
}

/** POSTs JSON to a team server and unwraps its `{ ok, value | error }` answer (RequestFailed; status 0 = unreachable). */
export async function postJson<T>(
  url: URL,
  input: unknown,
  o: { agent: http.Agent | https.Agent; token?: string | null; timeoutMs?: number },
): Promise<T> {
  const body = Buffer.from(JSON.stringify(input));
  const text = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        agent: o.agent,
        timeout: o.timeoutMs ?? 10_000,
        // Sign-in has no token yet: a desktop client is not a browser page, it names the server's own origin.
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          origin: url.origin,
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => reject(new RequestFailed(e.message, 0)));
        res.on('aborted', () => reject(new RequestFailed('The connection was closed mid-answer.', 0)));
      },
    );
    req.on('timeout', () => req.destroy(new Error('The server did not answer in time.')));
    req.on('error', (e) => reject(new RequestFailed(e.message, 0)));
    req.end(body);
  });
  let json: ApiResult<T>;
  try {
    json = JSON.parse(text.text) as ApiResult<T>;
  } catch {
    throw new RequestFailed("The server answered with something that is not the app's API (a cut-off answer?).", 0);
  }
  if (!json.ok) throw new RequestFailed(json.error.message, text.status, json.error.key, json.error.code, json.error);
  return json.value;
}

/** Library files bigger than this are not downloaded for offline use. */
export const DEFAULT_FILE_CAP = 50 * 1024 * 1024;

export interface TeamClientOptions {
  /** the cache file (one per computer user) */
  file: string;
  timeoutMs?: number;
  fileCap?: number;
  now?: () => Date;
  /** Encrypts the bearer token at rest (Electron: the OS keychain); default: memory only. */
  secretBox?: SecretBox;
}

const hhmm = (iso: string | null) => (iso ? new Date(iso).toTimeString().slice(0, 5) : '');

export class TeamClient {
  private db: DB;
  private state: ClientState;
  private agent: https.Agent | http.Agent;
  private box: SecretBox;
  /** the bearer token: decrypted once at start, never written to disk in plain text */
  private token: string | null;
  private notice: TokenNotice | null = null;

  constructor(private opts: TeamClientOptions) {
    this.db = cache.openCache(opts.file);
    this.box = opts.secretBox ?? memoryOnly;
    this.token = this.loadToken();
    this.state = (cache.getMeta(this.db, 'state') as ClientState | null) ?? (this.token ? 'offline' : 'signedOut');
    this.agent = this.makeAgent();
  }

  /**
   * Reads the sealed token. A plain 'token' left by an earlier version is sealed (or, without
   * a keychain, kept in memory only) and scrubbed from the file and its WAL. A token that does
   * not decrypt leaves the client signed out with a notice; the offline copy stays readable.
   */
  private loadToken(): string | null {
    const plain = cache.getMeta(this.db, 'token');
    if (plain !== null) {
      this.db.transaction(() => {
        cache.setMeta(this.db, 'token_sealed', this.box.available() ? this.box.encrypt(plain).toString('base64') : null);
        cache.setMeta(this.db, 'token', null);
      })();
      cache.scrub(this.db);
      return plain;
    }
    const sealed = cache.getMeta(this.db, 'token_sealed');
    if (sealed === null) {
      if (cache.getMeta(this.db, 'person')) this.notice = 'tokenNotKept';
      return null;
    }
    try {
      if (!this.box.available()) throw new Error('no keychain');
      return this.box.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      this.notice = 'tokenUnreadable';
      return null;
    }
  }

  private setToken(token: string) {
    this.token = token;
    this.notice = null;
    cache.setMeta(this.db, 'token_sealed', this.box.available() ? this.box.encrypt(token).toString('base64') : null);
  }

  private makeAgent() {
    const server = cache.getMeta(this.db, 'server');
    if (server?.startsWith('https:')) {
      const pin = cache.getMeta(this.db, 'pinned_cert');
      return pinnedAgent(pin ? (JSON.parse(pin) as PinnedCert) : null);
    }
    return new http.Agent({ keepAlive: true });
  }

  private setState(s: ClientState) {
    this.state = s;
    // The refusals outlive a restart of the app: they need the user (sign in again / sign out).
    cache.setMeta(this.db, 'state', s === 'expired' || s === 'revoked' || s === 'otherWorkspace' ? s : null);
  }

  /** The server address (and a self-signed certificate the user trusted by fingerprint). */
  setServer(url: string, pinned: PinnedCert | null = null) {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
      throw new Error('The server address starts with https:// (or http:// on this computer).');
    cache.setMeta(this.db, 'server', u.origin);
    cache.setMeta(this.db, 'pinned_cert', pinned ? JSON.stringify(pinned) : null);
    this.agent.destroy();
    this.agent = this.makeAgent();
  }

  /** One POST to /api/<method>: the value, or RequestFailed (status 0 = unreachable). */
  async call<T>(method: string, input: unknown): Promise<T> {
    return this.post<T>(`/api/${method}`, input);
  }

  private async post<T>(pathname: string, input: unknown): Promise<T> {
    const server = cache.getMeta(this.db, 'server');
    if (!server) throw new RequestFailed('No team server is set.', 0);
    return postJson<T>(new URL(pathname, server), input, { agent: this.agent, token: this.token, timeoutMs: this.opts.timeoutMs });
  }

  /**
   * Single sign-on in the system browser (RFC 8252 loopback redirect, ssoLoopback.ts); the
   * code is traded for a bearer session over this client's connection (its pinned certificate).
   */
  async signInWithSso(o: Omit<LoopbackOptions, 'server' | 'exchange'>): Promise<SignedIn & { email?: string }> {
    const server = cache.getMeta(this.db, 'server');
    if (!server) throw new RequestFailed('No team server is set.', 0);
    const r = await loopbackSignIn({
      ...o,
      server,
      exchange: (body) => this.post<SignedIn & { email?: string }>('/auth/sso/desktop/token', body),
    });
    this.signedIn(r);
    return r;
  }

  /**
   * Streams an upload to the server's /upload with the session (backpressure, no buffering of
   * the file): the server's status and JSON answer (its staged-upload id, or its refusal such
   * as its size limit), or RequestFailed with status 0 when it cannot be reached.
   */
  upload(body: Readable, name: string, size: number | null): Promise<{ status: number; text: string }> {
    const server = cache.getMeta(this.db, 'server');
    if (!server) return Promise.reject(new RequestFailed('No team server is set.', 0));
    const url = new URL(`/upload?name=${encodeURIComponent(name)}`, server);
    return new Promise((resolve, reject) => {
      let sending = false;
      let answered = false;
      // the body goes once the server said "continue" (or after 1 s, for servers that never do)
      const send = () => {
        if (sending || answered) return;
        sending = true;
        body.pipe(req);
      };
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.opts.timeoutMs ?? 10_000,
          // the declared size lets the server refuse an oversized file before any of it is sent
          headers: {
            'content-type': 'application/octet-stream',
            ...(size !== null ? { 'content-length': String(size), expect: '100-continue' } : {}),
            origin: url.origin,
            authorization: `Bearer ${this.token ?? ''}`,
          },
        },
        (res) => {
          answered = true;
          // answered before the body went (a refusal): the local body is dropped
          if (!sending) body.resume();
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => reject(new RequestFailed(e.message, 0)));
        },
      );
      req.on('continue', send);
      const wait = setTimeout(send, size !== null ? 1000 : 0);
      req.on('close', () => clearTimeout(wait));
      req.on('timeout', () => req.destroy(new Error('The server did not answer in time.')));
      req.on('error', (e) => {
        // the rest of the local body is dropped so the local host can answer
        body.unpipe(req);
        body.resume();
        reject(new RequestFailed(e.message, 0));
      });
      body.on('error', (e) => req.destroy(e));
      if (size === null) send();
      else req.flushHeaders();
    });
  }

  /** GET/HEAD of a stored file on the server with the session (Range passed on): the answer, unread. */
  openFile(sha256: string, method: 'GET' | 'HEAD', range: string | undefined): Promise<http.IncomingMessage> {
    const server = cache.getMeta(this.db, 'server');
    if (!server) return Promise.reject(new RequestFailed('No team server is set.', 0));
    const url = new URL(`/files/${sha256}`, server);
    return new Promise((resolve, reject) => {
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method,
          agent: this.agent,
          timeout: this.opts.timeoutMs ?? 10_000,
          headers: { authorization: `Bearer ${this.token ?? ''}`, ...(range ? { range } : {}) },
        },
        resolve,
      );
      req.on('timeout', () => req.destroy(new Error('The server did not answer in time.')));
      req.on('error', (e) => reject(new RequestFailed(e.message, 0)));
      req.end();
    });
  }

  async signIn(email: string, password: string): Promise<SignedIn> {
    let r: SignedIn;
    try {
      r = await this.call<SignedIn>('auth.signIn', { email, password, client: 'bearer' });
    } catch (e) {
      // a locked account is a refusal to show (the cache stays readable); a wrong password is just an error
      if (e instanceof RequestFailed && e.key === 'auth.locked' && this.token) this.setState('revoked');
      throw e;
    }
    return this.signedIn(r);
  }

  /** Keeps a session the server issued (password or single sign-on) and who it belongs to. */
  signedIn(r: SignedIn): SignedIn {
    if (!r.token) throw new RequestFailed('The server did not issue a token.', 500);
    this.setToken(r.token);
    cache.setMeta(this.db, 'person', JSON.stringify({ id: r.personId, name: r.name }));
    // A different person than before: what the previous one had cached is not theirs.
    const prev = cache.getMeta(this.db, 'person_id');
    if (prev && Number(prev) !== r.personId) this.resetContent();
    cache.setMeta(this.db, 'person_id', String(r.personId));
    this.setState('online');
    return r;
  }

  private resetContent() {
    this.db.exec(
      'DELETE FROM steps; DELETE FROM scripts; DELETE FROM objections; DELETE FROM library; DELETE FROM usage_queue; DELETE FROM steps_fts; DELETE FROM objections_fts;',
    );
    for (const k of ['cursor', 'workspace_id', 'synonyms', 'synced_at']) cache.setMeta(this.db, k, null);
  }

  /**
   * Maps a failure to the client's state: unreachable → offline; 401 → expired (the server
   * says only "session ended", by design, whether it expired or was revoked); 403 → revoked.
   */
  private noteFailure(e: unknown): never {
    if (e instanceof RequestFailed) {
      if (e.status === 0 || e.status >= 500)
        this.setState(this.state === 'expired' || this.state === 'revoked' || this.state === 'otherWorkspace' ? this.state : 'offline');
      else if (e.status === 401) this.setState(e.key === 'auth.locked' ? 'revoked' : 'expired');
      else if (e.status === 403) this.setState('revoked');
    }
    throw e;
  }

  /**
   * Fetches what changed since the cursor and applies it in one transaction. A server that
   * now serves another workspace is refused: nothing is applied, and the state says so.
   */
  async refresh(): Promise<{ scripts: number; objections: number; library: number }> {
    if (this.state === 'otherWorkspace' || this.state === 'signedOut')
      throw new RequestFailed(`Refresh is not possible in state ${this.state}.`, 0);
    let ch: SyncChanges;
    try {
      ch = await this.call<SyncChanges>('sync.changes', { cursor: cache.getMeta(this.db, 'cursor') });
    } catch (e) {
      return this.noteFailure(e);
    }
    const known = cache.getMeta(this.db, 'workspace_id');
    if (known && known !== ch.workspaceId) {
      this.setState('otherWorkspace');
      throw new RequestFailed("The server answered with another workspace's data.", 409, 'teamClient.otherWorkspace');
    }
    cache.applyChanges(this.db, ch, (this.opts.now?.() ?? new Date()).toISOString());
    this.setState('online');
    await this.flushUsage().catch(() => undefined);
    return { scripts: ch.scripts.length, objections: ch.objections.length, library: ch.library.length };
  }

  /** Records one usage event locally (always works offline); `flushUsage` sends the queue. */
  logUsage(e: Omit<QueuedUsage, 'id' | 'at'> & { at?: string }) {
    const ev = { ...e, id: randomUUID(), at: e.at ?? (this.opts.now?.() ?? new Date()).toISOString() };
    cache.queueUsage(this.db, ev);
    return ev.id;
  }

  /** Sends queued events in batches; each batch leaves the queue only after the server stored it (retries are de-duplicated there). */
  async flushUsage(): Promise<{ sent: number; duplicates: number }> {
    let sent = 0;
    let duplicates = 0;
    for (;;) {
      const batch = cache.queuedEvents(this.db, MAX_USAGE_BATCH);
      if (!batch.length) return { sent, duplicates };
      let r: { stored: number; duplicates: number };
      try {
        r = await this.call<{ stored: number; duplicates: number }>('sync.uploadUsage', { events: batch });
      } catch (e) {
        return this.noteFailure(e);
      }
      cache.dropQueued(
        this.db,
        batch.map((b) => b.id),
      );
      sent += r.stored;
      duplicates += r.duplicates;
    }
  }

  search(query: string, opts: { language?: string | null; limit?: number } = {}) {
    return cache.searchCache(this.db, query, opts);
  }

  scripts() {
    return cache.cachedScripts(this.db);
  }
  objections() {
    return cache.cachedObjections(this.db);
  }
  library() {
    return cache.cachedLibrary(this.db);
  }

  /** Downloads a linked library file for offline use (once; refused above the size cap). */
  async libraryFile(itemId: number): Promise<string> {
    const item = this.library().find((i) => i.id === itemId);
    if (!item?.sha256) throw new RequestFailed('This library item has no file.', 404);
    if (item.filePath && fs.existsSync(item.filePath)) return item.filePath;
    const cap = this.opts.fileCap ?? DEFAULT_FILE_CAP;
    if ((item.size ?? 0) > cap)
      throw new RequestFailed(
        `"${item.fileName}" is larger than the ${Math.round(cap / 1048576)} MB offline limit; open it while connected.`,
        413,
        'teamClient.fileTooLarge',
      );
    const server = cache.getMeta(this.db, 'server')!;
    const dir = path.join(path.dirname(this.opts.file), path.basename(this.opts.file) + '-files');
    fs.mkdirSync(dir, { recursive: true });
    const dest = path.join(dir, item.sha256);
    const tmp = dest + '.part';
    const url = new URL(`/files/${item.sha256}`, server);
    await new Promise<void>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? https : http).get(
        url,
        { agent: this.agent, timeout: this.opts.timeoutMs ?? 10_000, headers: { authorization: `Bearer ${this.token ?? ''}` } },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return reject(new RequestFailed(`The server refused the file (${res.statusCode}).`, res.statusCode ?? 0));
          }
          let got = 0;
          const out = fs.createWriteStream(tmp);
          res.on('data', (c: Buffer) => {
            got += c.length;
            // the declared size may be stale: the cap holds for what actually arrives
            if (got > cap) req.destroy(new RequestFailed('The file is larger than the offline limit.', 413, 'teamClient.fileTooLarge'));
          });
          res.pipe(out);
          out.on('finish', () => (res.complete ? resolve() : reject(new RequestFailed('The download was cut off.', 0))));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new RequestFailed('The server did not answer in time.', 0)));
      req.on('error', reject);
    }).catch((e: unknown) => {
      fs.rmSync(tmp, { force: true });
      return this.noteFailure(e);
    });
    fs.renameSync(tmp, dest);
    cache.setLibraryFile(this.db, itemId, dest);
    return dest;
  }

  /** The connection state alone (status() also reads the cache's sync time and person). */
  connectionState(): ClientState {
    return this.state;
  }

  status(): ClientStatus {
    const synced = cache.getMeta(this.db, 'synced_at');
    const person = cache.getMeta(this.db, 'person');
    const line =
      this.state === 'online'
        ? `Connected — updated ${hhmm(synced)}`
        : this.state === 'offline'
          ? synced
            ? `Offline — last updated ${hhmm(synced)}`
            : 'Offline — not synced yet'
          : this.state === 'expired'
            ? 'Your session has ended. Sign in again; what you have offline stays readable.'
            : this.state === 'revoked'
              ? 'Your account was turned off. What you have offline stays readable until you sign out.'
              : this.state === 'otherWorkspace'
                ? 'The server now answers with a different workspace. Sign out to connect to it.'
                : this.notice === 'tokenUnreadable'
                  ? 'The saved sign-in could not be decrypted (the system keychain changed?). Sign in again; what you have offline stays readable.'
                  : this.notice === 'tokenNotKept'
                    ? 'Sign-ins are not kept on this computer. Sign in again; what you have offline stays readable.'
                    : 'Not connected';
    return {
      state: this.state,
      server: cache.getMeta(this.db, 'server'),
      person: person ? (JSON.parse(person) as { id: number; name: string }) : null,
      lastSyncAt: synced,
      queued: cache.queueLength(this.db),
      notice: this.state === 'signedOut' ? this.notice : null,
      line,
    };
  }

  close() {
    this.agent.destroy();
    if (this.db.open) this.db.close();
  }

  /** Ends the session on the server when reachable, then deletes the cache and its files. */
  async signOut() {
    await this.call('auth.signOut', {}).catch(() => undefined);
    this.close();
    for (const f of [this.opts.file, this.opts.file + '-wal', this.opts.file + '-shm']) fs.rmSync(f, { force: true });
    fs.rmSync(this.opts.file + '-files', { recursive: true, force: true });
  }
}
