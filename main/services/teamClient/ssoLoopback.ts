/**
 * Single sign-on for the desktop app (RFC 8252, OAuth 2.0 for native apps):
 * a one-shot HTTP listener on 127.0.0.1 at an ephemeral port receives the
 * browser's return from the team server. The app makes its own PKCE verifier
 * and state, opens the system browser (injected: Electron's shell.openExternal)
 * at the server's /auth/sso/desktop/start, checks the state that comes back,
 * trades the one-time code + verifier for a session, and only then tells the
 * browser tab — in the app's language — whether the user can return to the app.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/api/contract';
import type { SignedIn } from '../../../shared/api/auth';
import { loopbackPage, type PageLang } from './loopbackPage';

export const SSO_TIMEOUT_MS = 5 * 60_000;
const CALLBACK = '/sso/callback';

export interface LoopbackOptions {
  /** the team server's origin */
  server: string;
  /** opens the system browser at the sign-in address */
  openExternal: (url: string) => Promise<void>;
  /** POST /auth/sso/desktop/token over the client's own connection */
  exchange: (body: { code: string; code_verifier: string; redirect_uri: string }) => Promise<SignedIn & { email?: string }>;
  lang?: PageLang;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The failures the user can see, each with its message (strings: errors.teamClient.sso.*). */
export const ssoFailures = {
  timeout: 'Single sign-on was not completed within 5 minutes. Try again.',
  cancelled: 'Single sign-on was cancelled.',
  stateMismatch: 'The browser came back with a sign-in that this app did not start (state mismatch). Nothing was signed in; try again.',
  badCode: 'The sign-in code was refused (unknown, expired or already used). Try again.',
  noPerson: 'Your SSO account does not match an active person in this workspace. Ask your administrator.',
  unverified: 'Your identity provider did not confirm your e-mail address.',
  failed: 'Single sign-on did not succeed. Try again or sign in with your password.',
  noBrowser: 'The system browser could not be opened for single sign-on.',
} as const;
export type SsoFailure = keyof typeof ssoFailures;

const failure = (why: SsoFailure) =>
  new AppError(why === 'cancelled' ? 'invalid_input' : 'unauthorized', ssoFailures[why], undefined, { key: `teamClient.sso.${why}` });

const b64url = (b: Buffer) => b.toString('base64url');

export async function loopbackSignIn(o: LoopbackOptions): Promise<SignedIn & { email?: string }> {
  if (o.signal?.aborted) throw failure('cancelled');
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const state = b64url(randomBytes(24));
  const lang = o.lang ?? 'en';

  let settle!: { resolve: (r: SignedIn & { email?: string }) => void; reject: (e: unknown) => void };
  const done = new Promise<SignedIn & { email?: string }>((resolve, reject) => (settle = { resolve, reject }));
  // it may fail (cancel, timeout) before it is awaited below: that is not an unhandled rejection
  done.catch(() => undefined);
  let finished = false;
  const finish = (r: { ok: SignedIn & { email?: string } } | { fail: unknown }) => {
    if (finished) return;
    finished = true;
    if ('ok' in r) settle.resolve(r.ok);
    else settle.reject(r.fail);
  };

  const listener = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = (status: number, outcome: Parameters<typeof loopbackPage>[1]) => {
      res.writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'X-Content-Type-Options': 'nosniff',
        Connection: 'close',
      });
      res.end(loopbackPage(lang, outcome));
    };
    if (req.method !== 'GET' || url.pathname !== CALLBACK) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      return res.end('Not found');
    }
    if (finished) return page(410, { error: 'finished' });
    if (url.searchParams.get('state') !== state) {
      page(400, { error: 'stateMismatch' });
      return finish({ fail: failure('stateMismatch') });
    }
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (error || !code) {
      const why: SsoFailure = error === 'noPerson' || error === 'unverified' ? error : 'failed';
      page(400, { error: why });
      return finish({ fail: failure(why) });
    }
    // the browser waits while the code is traded, so its page tells the real outcome
    finished = true;
    o.exchange({ code, code_verifier: verifier, redirect_uri: redirectUri }).then(
      (r) => {
        page(200, { name: r.name });
        settle.resolve(r);
      },
      (e: unknown) => {
        page(400, { error: 'badCode' });
        settle.reject(e instanceof Error && 'status' in e && (e as { status: number }).status !== 0 ? failure('badCode') : e);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(listener.address() as AddressInfo).port}${CALLBACK}`;

  const timer = setTimeout(() => finish({ fail: failure('timeout') }), o.timeoutMs ?? SSO_TIMEOUT_MS);
  const onAbort = () => finish({ fail: failure('cancelled') });
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const start = new URL('/auth/sso/desktop/start', o.server);
    start.search = new URLSearchParams({
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    }).toString();
    await o.openExternal(start.href).catch(() => finish({ fail: failure('noBrowser') }));
    return await done;
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    // one shot: no second request is ever answered, and the port is released
    listener.close();
    setTimeout(() => listener.closeAllConnections(), 1000).unref();
  }
}
