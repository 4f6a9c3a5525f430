/**
 * Single sign-on for desktop apps (RFC 8252, OAuth 2.0 for native apps). The
 * app opens the system browser at /auth/sso/desktop/start with a loopback
 * redirect (http://127.0.0.1:<port>/…, §7.3), its own PKCE challenge and
 * state; the server runs its usual OpenID Connect sign-in, then sends the
 * browser to that loopback address with a one-time code (60 s, single use,
 * bound to the challenge and the redirect). The app trades code + verifier at
 * POST /auth/sso/desktop/token for a bearer session. Codes live in memory:
 * a restart of the server only means "sign in again".
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { ApiContext } from '../api/context';
import { activePerson, startSession } from '../services/accounts';
import type { TeamGate } from './team';

export interface DesktopRequest {
  redirectUri: string;
  challenge: string;
  appState: string;
}

interface Issued extends DesktopRequest {
  personId: number;
  at: number;
}

export const DESKTOP_CODE_MS = 60_000;
const CODES_MAX = 10_000;
const TOKEN_BODY_LIMIT = 8 * 1024;
const codes = new Map<string, Issued>();

const B64URL = /^[A-Za-z0-9_-]+$/;
const digest = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

/**
 * Only a loopback IP literal with an explicit port and plain http (RFC 8252 §7.3, §8.3: not
 * "localhost", which a resolver or a proxy setting may send elsewhere); no credentials, no fragment.
 */
export function loopbackRedirect(raw: string | null): string | null {
  if (!raw || raw.length > 300) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' || (u.hostname !== '127.0.0.1' && u.hostname !== '[::1]') || !u.port || u.username || u.password || u.hash)
    return null;
  return u.href;
}

/** The app's part of /auth/sso/desktop/start, or why it is refused. */
export function desktopRequest(url: URL): DesktopRequest | string {
  const redirectUri = loopbackRedirect(url.searchParams.get('redirect_uri'));
  if (!redirectUri)
    return 'A desktop sign-in must return to this computer: the redirect address must be http://127.0.0.1:<port>/… (RFC 8252). This one was refused.';
  const challenge = url.searchParams.get('code_challenge') ?? '';
  if (url.searchParams.get('code_challenge_method') !== 'S256' || challenge.length !== 43 || !B64URL.test(challenge))
    return 'A desktop sign-in needs a PKCE challenge (S256).';
  const appState = url.searchParams.get('state') ?? '';
  if (appState.length < 16 || appState.length > 128 || !B64URL.test(appState)) return 'A desktop sign-in needs a state value.';
  return { redirectUri, challenge, appState };
}

/** Where the browser goes after the IdP: back to the app with a one-time code, or with the reason it failed. */
export function desktopReturn(d: DesktopRequest, outcome: { personId: number } | { error: string }, now = Date.now()): string {
  const to = new URL(d.redirectUri);
  if ('error' in outcome) {
    to.searchParams.set('error', outcome.error);
  } else {
    for (const [k, c] of codes) if (now - c.at > DESKTOP_CODE_MS) codes.delete(k);
    const code = crypto.randomBytes(32).toString('base64url');
    codes.set(digest(code), { ...d, personId: outcome.personId, at: now });
    if (codes.size > CODES_MAX) codes.delete(codes.keys().next().value!);
    to.searchParams.set('code', code);
  }
  to.searchParams.set('state', d.appState);
  return to.href;
}

function answer(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

const refuse = (res: http.ServerResponse, key: string, message: string) =>
  answer(res, 400, { ok: false, error: { code: 'unauthorized', message, key, params: {} } });

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > TOKEN_BODY_LIMIT) return req.destroy();
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
    req.on('error', () => resolve(null));
  });
}

/** POST /auth/sso/desktop/token {code, code_verifier, redirect_uri} → { ok, value: { personId, name, token } }. */
export async function exchangeDesktopCode(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  gate: TeamGate,
  ctx: ApiContext,
  now = Date.now(),
) {
  const body = (await readJson(req)) as { code?: unknown; code_verifier?: unknown; redirect_uri?: unknown } | null;
  const code = typeof body?.code === 'string' ? body.code : '';
  const verifier = typeof body?.code_verifier === 'string' ? body.code_verifier : '';
  const key = code.length <= 100 ? digest(code) : '';
  const issued = codes.get(key);
  // single use: the first attempt spends the code, whatever its outcome
  codes.delete(key);
  if (!issued || now - issued.at > DESKTOP_CODE_MS)
    return refuse(res, 'auth.ssoDesktop.badCode', 'This sign-in code is unknown, expired or already used. Start single sign-on again.');
  const proof = Buffer.from(verifier.length >= 43 && verifier.length <= 128 ? digest(verifier) : '');
  const want = Buffer.from(issued.challenge);
  if (body?.redirect_uri !== issued.redirectUri || proof.length !== want.length || !crypto.timingSafeEqual(proof, want)) {
    return refuse(
      res,
      'auth.ssoDesktop.badVerifier',
      'The sign-in code was not issued to this app (PKCE check failed). Start single sign-on again.',
    );
  }
  const person = activePerson(ctx.db, issued.personId);
  if (!person)
    return refuse(res, 'auth.ssoDesktop.badCode', 'This sign-in code is unknown, expired or already used. Start single sign-on again.');
  const s = startSession(ctx.db, person, 'bearer', gate.client(req), 'sso-desktop');
  return answer(res, 200, { ok: true, value: { personId: s.personId, name: s.name, email: person.email, token: s.token } });
}
