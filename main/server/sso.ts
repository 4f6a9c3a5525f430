/**
 * Single sign-on with OpenID Connect (authorization code + PKCE) through
 * openid-client. /auth/sso/start remembers a verifier, state and nonce under a
 * short-lived cookie and sends the browser to the provider; /auth/sso/callback
 * redeems the code, reads the verified e-mail and signs in the active person
 * with that e-mail. Nobody is created automatically. /auth/sso/desktop/* is
 * the same sign-in for the desktop app (RFC 8252 loopback redirect, ssoDesktop.ts).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import * as oidc from 'openid-client';
import type { ApiContext } from '../api/context';
import { getSessionSettings, ssoPerson, ssoSignIn } from '../services/accounts';
import { desktopRequest, desktopReturn, exchangeDesktopCode, type DesktopRequest } from './ssoDesktop';
import type { TeamGate } from './team';

export interface SsoConfig {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
}

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  at: number;
  /** a desktop app's sign-in: the browser returns to its loopback address */
  desktop?: DesktopRequest;
}

const PENDING_MS = 10 * 60_000;
/** Sign-ins in progress kept at most (a flood of /auth/sso/start drops the oldest instead of growing memory). */
const PENDING_MAX = 10_000;
const COOKIE = 'swb_sso';
const pending = new Map<string, Pending>();
let discovered: { key: string; config: Promise<oidc.Configuration> } | null = null;

const loopbackIssuer = (u: URL) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(u.hostname);

function configuration(sso: SsoConfig): Promise<oidc.Configuration> {
  const key = `${sso.issuer.href}|${sso.clientId}`;
  if (!discovered || discovered.key !== key) {
    const config = oidc.discovery(
      sso.issuer,
      sso.clientId,
      sso.clientSecret ? { client_secret: sso.clientSecret } : undefined,
      sso.clientSecret ? undefined : oidc.None(),
      {
        // plain HTTP only for a provider on this machine (tests, a local IdP); anything else must be HTTPS
        execute: sso.issuer.protocol === 'http:' && loopbackIssuer(sso.issuer) ? [oidc.allowInsecureRequests] : [],
      },
    );
    config.catch(() => (discovered = null));
    discovered = { key, config };
  }
  return discovered.config;
}

function redirect(res: http.ServerResponse, location: string, cookies: string[] = []) {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...(cookies.length ? { 'Set-Cookie': cookies } : {}) });
  res.end();
}

export async function handleSso(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  gate: TeamGate,
  ctx: ApiContext,
  sso: SsoConfig | null,
) {
  const isExchange = url.pathname === '/auth/sso/desktop/token';
  if (!sso || req.method !== (isExchange ? 'POST' : 'GET')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Single sign-on is not configured on this server.');
  }
  if (isExchange) return exchangeDesktopCode(req, res, gate, ctx);
  const now = Date.now();
  for (const [k, p] of pending) if (now - p.at > PENDING_MS) pending.delete(k);
  const callback = `${gate.publicBase()}/auth/sso/callback`;
  const ssoCookie = (v: string, maxAge: number) => gate.cookie(COOKIE, v, maxAge, { sameSite: 'Lax', path: '/auth/sso/' });
  const failTo = (reason: string, p?: Pending) =>
    redirect(res, p?.desktop ? desktopReturn(p.desktop, { error: reason }) : `/?sso_error=${reason}`, [ssoCookie('', 0)]);
  let current: Pending | undefined;

  try {
    const config = await configuration(sso);
    if (url.pathname === '/auth/sso/start' || url.pathname === '/auth/sso/desktop/start') {
      const desktop = url.pathname === '/auth/sso/desktop/start' ? desktopRequest(url) : undefined;
      if (typeof desktop === 'string') {
        // never redirect to an address that is not on the user's own computer
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(desktop);
      }
      const id = crypto.randomBytes(32).toString('base64url');
      const p: Pending = {
        verifier: oidc.randomPKCECodeVerifier(),
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        at: now,
        ...(desktop ? { desktop } : {}),
      };
      pending.set(id, p);
      if (pending.size > PENDING_MAX) pending.delete(pending.keys().next().value!);
      const to = oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback,
        scope: 'openid email',
        code_challenge: await oidc.calculatePKCECodeChallenge(p.verifier),
        code_challenge_method: 'S256',
        state: p.state,
        nonce: p.nonce,
      });
      return redirect(res, to.href, [ssoCookie(id, PENDING_MS / 1000)]);
    }
    if (url.pathname === '/auth/sso/callback') {
      const id = gate.readCookie(req, COOKIE);
      const p = id ? pending.get(id) : undefined;
      if (!id || !p) return failTo('expired');
      pending.delete(id);
      current = p;
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback + url.search), {
        pkceCodeVerifier: p.verifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      let email = typeof claims?.email === 'string' ? claims.email : undefined;
      let verified = claims?.email_verified === true;
      if (!email && claims) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
        verified = info.email_verified === true;
      }
      if (p.desktop) {
        const person = ssoPerson(ctx.db, email, verified, gate.client(req));
        if (typeof person === 'string') return failTo(person, p);
        return redirect(res, desktopReturn(p.desktop, { personId: person.id }), [ssoCookie('', 0)]);
      }
      const r = ssoSignIn(ctx.db, email, verified, 'browser', gate.client(req));
      if (typeof r === 'string') return failTo(r);
      return redirect(res, '/', [ssoCookie('', 0), gate.sessionCookie(r.token, getSessionSettings(ctx.db).absoluteHours * 3600)]);
    }
  } catch (e) {
    console.error('[sso] sign-in failed:', e instanceof Error ? e.message : e);
    return failTo('failed', current);
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found.');
}
