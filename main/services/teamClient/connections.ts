/**
 * The desktop app's team workspaces: remembered servers (address, the
 * certificate the user trusted by fingerprint, the e-mail last used), which
 * one is in use (or the local workspace), and one offline cache per server.
 * Plain Node: Electron hands it to the API as a host ability.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/contract';
import type { TeamConnectionsState, TeamProbe } from '../../../shared/api/teamClient';
import http from 'node:http';
import type { AuthStatus } from '../../../shared/api/auth';
import { postJson, RequestFailed, TeamClient } from './client';
import { normalizeFingerprint, pinnedAgent, probeCertificate, type PinnedCert } from './fingerprint';
import type { PageLang } from './loopbackPage';
import type { SecretBox } from './secretBox';

interface Remembered {
  url: string;
  email: string;
  pinned: PinnedCert | null;
  lastUsedAt: string;
}

interface Saved {
  active: string | null;
  servers: Remembered[];
}

const isLoopbackHost = (h: string) => h === 'localhost' || h === '127.0.0.1' || h === '[::1]';

/** A server address as typed ("team.example.com", "https://team.example.com:8443/") → its origin. */
export function serverOrigin(raw: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new AppError('invalid_input', 'Enter the server address, like team.example.com or https://team.example.com:8443.', 'url', {
      key: 'teamClient.badAddress',
    });
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.hostname))) {
    throw new AppError('invalid_input', 'A team server is reached over https:// (plain http:// only on this computer).', 'url', {
      key: 'teamClient.httpsOnly',
    });
  }
  return u.origin;
}

/** What the host lends the connections: the OS keychain, and (desktop) a way to open the system browser. */
export interface ConnectionsHost {
  secretBox?: SecretBox;
  /** Electron: shell.openExternal; absent: single sign-on is not offered */
  openExternal?: (url: string) => Promise<void>;
}

export class TeamConnections {
  private clients = new Map<string, TeamClient>();
  /** the single sign-on waiting in the system browser (one at a time) */
  private sso: AbortController | null = null;

  constructor(
    private dir: string,
    private host: ConnectionsHost = {},
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private newClient(url: string) {
    return new TeamClient({ file: this.cacheFile(url), secretBox: this.host.secretBox });
  }

  private get file() {
    return path.join(this.dir, 'servers.json');
  }

  /** The remembered servers, read once: this object writes the file, and every API call asks which server is active. */
  private loaded: Saved | null = null;

  private load(): Saved {
    if (this.loaded) return this.loaded;
    try {
      this.loaded = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Saved;
    } catch {
      this.loaded = { active: null, servers: [] };
    }
    return this.loaded;
  }

  private save(s: Saved) {
    const tmp = this.file + '.tmp';
    fs.writeFileSync(tmp, JSON.stringify(s, null, 2));
    fs.renameSync(tmp, this.file);
    this.loaded = s;
  }

  private cacheFile(url: string) {
    return path.join(this.dir, `cache-${createHash('sha256').update(url).digest('hex').slice(0, 16)}.sqlite`);
  }

  client(url: string): TeamClient {
    let c = this.clients.get(url);
    if (!c) {
      c = this.newClient(url);
      const r = this.load().servers.find((s) => s.url === url);
      c.setServer(url, r?.pinned ?? null);
      this.clients.set(url, c);
    }
    return c;
  }

  /** What the user must see before signing in: for https, the certificate and whether the system trusts it. */
  async probe(raw: string): Promise<TeamProbe> {
    const url = serverOrigin(raw);
    const u = new URL(url);
    if (u.protocol === 'http:')
      return { url, tls: false, fingerprint: null, subject: '', systemTrusted: false, sso: await this.offersSso(url, new http.Agent()) };
    let c: Awaited<ReturnType<typeof probeCertificate>>;
    try {
      c = await probeCertificate(u.hostname.replace(/^\[|\]$/g, ''), Number(u.port || 443));
    } catch (e) {
      throw new AppError('unavailable', `The server did not answer: ${(e as Error).message}`, 'url', {
        key: 'teamClient.unreachable',
        params: { reason: (e as Error).message },
      });
    }
    // only the public sign-in options are read, from exactly the certificate just shown
    const sso = await this.offersSso(url, pinnedAgent(c.systemTrusted ? null : { fingerprint: c.fingerprint, pem: c.pem }));
    return { url, tls: true, fingerprint: c.fingerprint, subject: c.subject, systemTrusted: c.systemTrusted, sso };
  }

  /** Whether the server offers single sign-on (and this host can open a browser for it). */
  private async offersSso(url: string, agent: http.Agent): Promise<boolean> {
    if (!this.host.openExternal) return false;
    try {
      return (await postJson<AuthStatus>(new URL('/api/auth.status', url), {}, { agent, timeoutMs: 5000 })).sso;
    } catch {
      return false;
    } finally {
      agent.destroy();
    }
  }

  /**
   * Signs in (password) and fills the offline cache. A certificate the system does not trust is
   * used only when the user accepted exactly this fingerprint.
   */
  async connect(input: { url: string; email: string; password: string; trustFingerprint: string | null }): Promise<TeamConnectionsState> {
    const url = serverOrigin(input.url);
    const pinned = await this.trusted(url, input.trustFingerprint);
    return this.signInWith(url, pinned, input.email, (client) => client.signIn(input.email, input.password));
  }

  /**
   * Signs in with single sign-on in the system browser (RFC 8252 loopback redirect) and fills
   * the offline cache. Waits until the browser returns, the user cancels or 5 minutes pass.
   */
  async connectSso(
    input: { url: string; trustFingerprint: string | null; lang: PageLang },
    timeoutMs?: number,
  ): Promise<TeamConnectionsState> {
    const openExternal = this.host.openExternal;
    if (!openExternal)
      throw new AppError('unavailable', 'The system browser could not be opened for single sign-on.', undefined, {
        key: 'teamClient.sso.noBrowser',
      });
    const url = serverOrigin(input.url);
    const pinned = await this.trusted(url, input.trustFingerprint);
    this.sso?.abort();
    const abort = new AbortController();
    this.sso = abort;
    try {
      return await this.signInWith(
        url,
        pinned,
        null,
        async (client) => (await client.signInWithSso({ openExternal, lang: input.lang, signal: abort.signal, timeoutMs })).email ?? '',
      );
    } finally {
      if (this.sso === abort) this.sso = null;
    }
  }

  /** Cancels a single sign-on waiting in the browser (its listener closes; the browser tab says so if it comes back). */
  cancelSso(): null {
    this.sso?.abort();
    this.sso = null;
    return null;
  }

  /** A certificate the system does not trust is used only when the user accepted exactly this fingerprint. */
  private async trusted(url: string, trustFingerprint: string | null): Promise<PinnedCert | null> {
    let pinned: PinnedCert | null = null;
    if (url.startsWith('https:')) {
      const u = new URL(url);
      const c = await probeCertificate(u.hostname.replace(/^\[|\]$/g, ''), Number(u.port || 443)).catch((e: Error) => {
        throw new AppError('unavailable', `The server did not answer: ${e.message}`, 'url', {
          key: 'teamClient.unreachable',
          params: { reason: e.message },
        });
      });
      if (!c.systemTrusted) {
        if (!trustFingerprint || normalizeFingerprint(trustFingerprint) !== c.fingerprint) {
          throw new AppError(
            'forbidden',
            `This server's certificate is not trusted by the system. Check its fingerprint (${c.fingerprint}) with your administrator, then trust it.`,
            'trustFingerprint',
            { key: 'teamClient.untrustedCertificate', params: { fingerprint: c.fingerprint } },
          );
        }
        pinned = { fingerprint: c.fingerprint, pem: c.pem };
      }
    }
    return pinned;
  }

  /** Signs in with a fresh client (password or SSO); the server is remembered only once signed in. */
  private async signInWith(
    url: string,
    pinned: PinnedCert | null,
    typedEmail: string | null,
    signIn: (c: TeamClient) => Promise<unknown>,
  ): Promise<TeamConnectionsState> {
    // a second client on the same cache: the current one (and its session) stays until this sign-in succeeds
    const client = this.newClient(url);
    client.setServer(url, pinned);
    let email = typedEmail ?? '';
    try {
      const r = await signIn(client);
      if (typedEmail === null && typeof r === 'string') email = r;
    } catch (e) {
      client.close();
      if (e instanceof RequestFailed) {
        if (e.status === 0)
          throw new AppError('unavailable', `The server did not answer: ${e.message}`, 'url', {
            key: 'teamClient.unreachable',
            params: { reason: e.message },
          });
        throw new AppError(e.code ?? 'invalid_input', e.message, 'password', e.key ? { key: e.key } : undefined);
      }
      throw e;
    }
    // remembered only once signed in; the client it replaces is closed
    this.clients.get(url)?.close();
    this.clients.set(url, client);
    const s = this.load();
    this.save({ ...s, servers: [...s.servers.filter((x) => x.url !== url), { url, email, pinned, lastUsedAt: new Date().toISOString() }] });
    await client.refresh().catch(() => undefined);
    this.save({ ...this.load(), active: url });
    return this.state();
  }

  /** One click: the local workspace (null) or a remembered team server. */
  use(url: string | null): TeamConnectionsState {
    const s = this.load();
    if (url !== null && !s.servers.some((x) => x.url === url))
      throw new AppError('not_found', 'This server is not among the remembered ones.', 'url', { key: 'teamClient.unknownServer' });
    this.save({ ...s, active: url, servers: s.servers.map((x) => (x.url === url ? { ...x, lastUsedAt: new Date().toISOString() } : x)) });
    return this.state();
  }

  /** Signs out of one server: its session ends, its offline cache is deleted, it is forgotten. */
  async signOut(url: string): Promise<TeamConnectionsState> {
    const c = this.client(url);
    await c.signOut();
    this.clients.delete(url);
    const s = this.load();
    this.save({ active: s.active === url ? null : s.active, servers: s.servers.filter((x) => x.url !== url) });
    return this.state();
  }

  /** The team server in use (null: the local workspace). */
  active(): string | null {
    return this.load().active;
  }

  state(): TeamConnectionsState {
    const s = this.load();
    return {
      active: s.active,
      servers: s.servers
        .slice()
        .sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))
        .map((x) => {
          const st = fs.existsSync(this.cacheFile(x.url)) ? this.client(x.url).status() : null;
          return {
            url: x.url,
            email: x.email,
            fingerprint: x.pinned?.fingerprint ?? null,
            lastUsedAt: x.lastUsedAt,
            state: st?.state ?? 'signedOut',
            lastSyncAt: st?.lastSyncAt ?? null,
            person: st?.person?.name ?? null,
            notice: st?.notice ?? null,
          };
        }),
    };
  }

  close() {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
