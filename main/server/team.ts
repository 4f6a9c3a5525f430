/**
 * Team-server request security: who the client is (address, trusted proxy),
 * which names and origins this server answers to, the session cookie, and the
 * CSRF defence for cookie-authenticated writes (the Origin must be one of the
 * server's own public origins; browsers always send it on POST).
 */
import net from 'node:net';
import type http from 'node:http';
import type { ClientInfo } from '../services/accounts';

export interface TeamOptions {
  /** The server's public addresses (--public-url); empty: loopback names only. */
  publicUrls: URL[];
  /** --behind-proxy: X-Forwarded-For/Proto are believed only from this address. */
  trustProxy?: string;
  /** OpenID Connect sign-in, when configured. */
  sso?: import('./sso').SsoConfig | null;
}

export const AUTH_BODY_LIMIT = 8 * 1024;

export const normalizeIp = (ip: string) => ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '').toLowerCase();

export function createTeamGate(team: TeamOptions, tls: boolean, port: () => number) {
  const proxy = team.trustProxy ? normalizeIp(team.trustProxy) : null;
  /** Cookies are Secure (and __Host- prefixed) whenever the browser reaches us over HTTPS: our TLS or an https public URL at the proxy. */
  const secure = tls || team.publicUrls.some((u) => u.protocol === 'https:');
  const cookieName = secure ? '__Host-swb_session' : 'swb_session';

  const fromProxy = (req: http.IncomingMessage) => !!proxy && normalizeIp(req.socket.remoteAddress ?? '') === proxy;

  function client(req: http.IncomingMessage): ClientInfo {
    let ip = normalizeIp(req.socket.remoteAddress ?? '');
    if (fromProxy(req)) {
      // the proxy appends the address it saw: the last entry is the one we can trust
      const hops = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((s) => normalizeIp(s.trim()))
        .filter((s) => net.isIP(s));
      if (hops.length) ip = hops[hops.length - 1];
    }
    return { ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) };
  }

  const loopbackOrigins = () => {
    const scheme = tls ? 'https' : 'http';
    return ['127.0.0.1', 'localhost', '[::1]'].map((h) => `${scheme}://${h}:${port()}`);
  };

  function hostAllowed(host: string | undefined): boolean {
    if (!host) return false;
    const h = host.trim().toLowerCase();
    if (team.publicUrls.length) return team.publicUrls.some((u) => u.host.toLowerCase() === h);
    const m = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?$/i.exec(h);
    return !!m && (!m[2] || Number(m[2]) === port());
  }

  function originAllowed(req: http.IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || origin === 'null') return false;
    const allowed = team.publicUrls.length ? team.publicUrls.map((u) => u.origin) : loopbackOrigins();
    return allowed.includes(origin.toLowerCase());
  }

  /** The address people open (printed links, the OIDC redirect URI). */
  const publicBase = () =>
    (team.publicUrls[0]?.origin ?? `${tls ? 'https' : 'http'}://127.0.0.1:${port()}`) +
    (team.publicUrls[0]?.pathname.replace(/\/$/, '') ?? '');

  function readCookie(req: http.IncomingMessage, name = cookieName): string | undefined {
    const raw = String(req.headers.cookie ?? '');
    if (raw.length > 8192) return undefined;
    for (const part of raw.split(';')) {
      const i = part.indexOf('=');
      if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
    }
    return undefined;
  }

  function cookie(name: string, value: string, maxAgeS: number, opts: { sameSite?: 'Strict' | 'Lax'; path?: string } = {}) {
    return [
      `${name}=${value}`,
      `Path=${opts.path ?? '/'}`,
      `Max-Age=${Math.max(0, Math.floor(maxAgeS))}`,
      'HttpOnly',
      `SameSite=${opts.sameSite ?? 'Strict'}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }

  return {
    secure,
    cookieName,
    client,
    hostAllowed,
    originAllowed,
    publicBase,
    readCookie,
    sessionCookie: (token: string, maxAgeS: number) => cookie(cookieName, token, maxAgeS),
    clearSessionCookie: () => cookie(cookieName, '', 0),
    cookie,
  };
}

export type TeamGate = ReturnType<typeof createTeamGate>;
