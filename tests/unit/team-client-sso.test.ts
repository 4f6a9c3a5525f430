/**
 * Desktop single sign-on (RFC 8252) end to end with real parts: a real OpenID
 * Connect provider (oidc-provider) on loopback, a real team server process
 * configured for it, the plain-Node team client, and Chromium driven by
 * Playwright as the "system browser" (the injected openExternal navigates a
 * page there and signs in at the provider's interaction page). The client
 * must end signed in as the right person with the right role; a state
 * mismatch, a spent or replayed code, a non-loopback redirect, an unknown
 * identity, a timeout and a cancel each fail plainly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServe, startServe, type Running } from './helpers/teamServer';
import { keychainBox } from './helpers/secretBox';
import { TeamClient } from '../../main/services/teamClient/client';
import { TeamConnections } from '../../main/services/teamClient/connections';
import { loopbackStrings } from '../../main/services/teamClient/loopbackPage';

const ROOT = path.join(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const PW = 'walnut harbour twenty';
let built: Awaited<ReturnType<typeof buildServe>>;
let server: Running;
let oidc: ChildProcess;
let browser: Browser;
let base = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-dsso-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

function startOidc(redirectUri: string): Promise<string> {
  oidc = spawn(
    process.execPath,
    [
      path.join(ROOT, 'tests/e2e/fixtures/oidc-provider.mjs'),
      redirectUri,
      'tom=tom.baker@example.com',
      'anna=anna.petrova@example.com',
      'stranger=stranger@example.org',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    oidc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /OIDC READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    oidc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    oidc.once('exit', (c) => reject(new Error(`oidc-provider exited ${c}: ${out}`)));
  });
}

/**
 * The system browser: a fresh Chromium context (no IdP session yet) opens the URL and, when asked,
 * signs in at the provider's development interaction page. `until` resolves with the page once
 * the browser is back at the app's loopback address.
 */
function systemBrowser(login: string | null, opts: { tamper?: (url: URL) => void } = {}) {
  let page: Page | null = null;
  let landed: Promise<Page> = Promise.reject(new Error('the browser was never opened'));
  landed.catch(() => undefined);
  const openExternal = async (raw: string) => {
    const url = new URL(raw);
    opts.tamper?.(url);
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 520 } });
    page = await context.newPage();
    const p = page;
    landed = (async () => {
      await p.goto(url.href);
      if (login) {
        await p.locator('input[name="login"]').fill(login);
        await p.locator('input[name="password"]').fill('anything');
        await p.locator('button[type="submit"]').click();
        await p.locator('button[type="submit"]', { hasText: 'Continue' }).click();
      }
      await p.waitForURL(/127\.0\.0\.1:\d+\/sso\/callback/);
      await p.locator('main[data-outcome]').waitFor();
      return p;
    })();
    landed.catch(() => undefined);
  };
  return { openExternal, landed: () => landed, page: () => page };
}

/** This machine has no CJK system fonts (a desktop has): lend the page the bundled Noto Sans SC for the screenshot. */
async function withCjkFont(page: Page) {
  const dir = path.join(ROOT, 'node_modules/@fontsource/noto-sans-sc');
  await page.route('http://fonts.test/**', (r) =>
    r.fulfill({ path: path.join(dir, new URL(r.request().url()).pathname), contentType: 'font/woff2' }),
  );
  const css = ['400', '700']
    .map((w) => fs.readFileSync(path.join(dir, `${w}.css`), 'utf8').replace(/url\(\.\/files\//g, 'url(http://fonts.test/files/'))
    .join('\n');
  await page.addStyleTag({ content: `${css}\nbody{font-family:"Noto Sans SC",system-ui,sans-serif}` });
  await page.evaluate(
    `Promise.all(['400 16px "Noto Sans SC"', '700 16px "Noto Sans SC"'].map((f) => document.fonts.load(f, document.body.innerText))).then(() => document.fonts.ready)`,
  );
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await withCjkFont(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const newClient = (name: string) => {
  const c = new TeamClient({ file: path.join(tmp, `${name}.sqlite`), secretBox: keychainBox() });
  c.setServer(base);
  return c;
};

beforeAll(async () => {
  built = await buildServe();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const issuer = await startOidc(`${base}/auth/sso/callback`);
  server = await startServe(built.entry, [
    '--team',
    '--port',
    String(port),
    '--static',
    built.staticDir,
    '--oidc-issuer',
    issuer,
    '--oidc-client-id',
    'workbench',
    '--oidc-client-secret',
    'workbench-test-secret',
  ]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const setup = newClient('setup');
  const info = await setup.call<{ people: { id: number; email: string }[] }>('auth.setupInfo', { code: server.setupCode() });
  await setup.call('auth.completeSetup', {
    code: server.setupCode(),
    personId: info.people.find((p) => p.email === 'nina.orlova@example.com')!.id,
    password: PW,
    client: 'bearer',
  });
  setup.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  oidc?.kill('SIGTERM');
  for (const d of [server?.dataDir, built?.dir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('desktop single sign-on through the system browser', () => {
  it('signs in as the right person with the right role; the browser tab says to return to the app (en/ru/zh)', async () => {
    for (const [lang, login, name, role] of [
      ['en', 'tom', 'Tom Baker', 'manager'],
      ['ru', 'anna', 'Anna Petrova', 'rep'],
      ['zh', 'tom', 'Tom Baker', 'manager'],
    ] as const) {
      const b = systemBrowser(login);
      const client = newClient(`signed-in-${lang}`);
      const r = await client.signInWithSso({ openExternal: b.openExternal, lang });
      expect(r.name).toBe(name);
      const me = await client.call<{ person: { name: string; email: string } | null; roles: string[] }>('session.get', {});
      expect(me.person?.name).toBe(name);
      expect(me.roles).toEqual([role]);
      await client.refresh();
      expect(client.status()).toMatchObject({ state: 'online', person: { name } });
      const page = await b.landed();
      expect(await page.locator('main').getAttribute('data-outcome')).toBe('signedIn');
      expect(await page.locator('main').innerText()).toContain(loopbackStrings[lang].returnToApp);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await shot(page, `desktop-sso-return-${lang}`);
      await page.context().close();
      client.close();
    }
  }, 120_000);

  it('a state that does not match the one the app sent is refused: nothing signed in', async () => {
    const b = systemBrowser('tom', { tamper: (u) => u.searchParams.set('state', 'x'.repeat(32)) });
    const client = newClient('state-mismatch');
    await expect(client.signInWithSso({ openExternal: b.openExternal, lang: 'en' })).rejects.toMatchObject({
      localized: { key: 'teamClient.sso.stateMismatch' },
    });
    expect(client.status().state).toBe('signedOut');
    const page = await b.landed();
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('stateMismatch');
    await shot(page, 'desktop-sso-state-mismatch-en');
    await page.context().close();
    client.close();
  }, 60_000);

  it('a code is bound to the app that asked (PKCE) and single use: a stolen code fails without the verifier and is then spent; a replay is refused', async () => {
    // another program on this computer gets the browser's return first (here: the app's redirect is swapped for its own
    // loopback address), tries the code with its own verifier, then hands the browser on to the app
    let thief: { status: number; body: unknown } | null = null;
    let appReturn = '';
    const thiefServer = http.createServer((req, res) => {
      const back = new URL(req.url ?? '/', 'http://127.0.0.1');
      void fetch(`${base}/auth/sso/desktop/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: back.searchParams.get('code'), code_verifier: 'v'.repeat(43), redirect_uri: thiefReturn }),
      }).then(async (r) => {
        thief = { status: r.status, body: await r.json() };
        const to = new URL(appReturn);
        to.search = back.search;
        res.writeHead(302, { Location: to.href, Connection: 'close' }).end();
      });
    });
    await new Promise<void>((r) => thiefServer.listen(0, '127.0.0.1', () => r()));
    const thiefReturn = `http://127.0.0.1:${(thiefServer.address() as net.AddressInfo).port}/sso/callback`;
    const b = systemBrowser('tom', {
      tamper: (u) => {
        appReturn = u.searchParams.get('redirect_uri')!;
        u.searchParams.set('redirect_uri', thiefReturn);
      },
    });
    const client = newClient('stolen-code');
    await expect(client.signInWithSso({ openExternal: b.openExternal, lang: 'en' })).rejects.toMatchObject({
      localized: { key: 'teamClient.sso.badCode' },
    });
    expect(thief).toEqual({ status: 400, body: { ok: false, error: expect.objectContaining({ key: 'auth.ssoDesktop.badVerifier' }) } });
    thiefServer.close();
    expect(client.status().state).toBe('signedOut');
    const page = await b.landed();
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('badCode');
    await page.context().close();

    // a code that worked once: the same code again is refused
    const ok = systemBrowser('tom');
    const c2 = newClient('replay');
    await c2.signInWithSso({ openExternal: ok.openExternal, lang: 'en' });
    const okPage = await ok.landed();
    const used = new URL(okPage.url());
    const again = await fetch(`${base}/auth/sso/desktop/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: used.searchParams.get('code'),
        code_verifier: 'v'.repeat(43),
        redirect_uri: `${used.origin}${used.pathname}`,
      }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { key: string } }).error.key).toBe('auth.ssoDesktop.badCode');
    await okPage.context().close();
    c2.close();
    client.close();
  }, 60_000);

  it('the server refuses a redirect that is not a loopback IP address with a port (and never sends the browser there)', async () => {
    const q = (redirect: string) =>
      `${base}/auth/sso/desktop/start?${new URLSearchParams({ redirect_uri: redirect, code_challenge: 'c'.repeat(43), code_challenge_method: 'S256', state: 's'.repeat(32) }).toString()}`;
    for (const bad of [
      'https://evil.example/sso/callback',
      'http://localhost:5555/sso/callback',
      'http://127.0.0.1/sso/callback',
      'http://user:pw@127.0.0.1:5555/cb',
      'http://10.0.0.5:5555/cb',
      'app://workbench/cb',
    ]) {
      const res = await fetch(q(bad), { redirect: 'manual' });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location'), bad).toBeNull();
      expect(await res.text()).toContain('http://127.0.0.1:<port>/');
    }
    const good = await fetch(q('http://127.0.0.1:5555/sso/callback'), { redirect: 'manual' });
    expect(good.status).toBe(302);
    expect(new URL(good.headers.get('location')!).pathname).toMatch(/auth/);
    // a plain challenge or no state is refused too
    const plain = await fetch(q('http://127.0.0.1:5555/sso/callback').replace('S256', 'plain'), { redirect: 'manual' });
    expect(plain.status).toBe(400);
  });

  it('an identity that matches nobody: the app and the browser tab say so', async () => {
    const b = systemBrowser('stranger');
    const client = newClient('stranger');
    await expect(client.signInWithSso({ openExternal: b.openExternal, lang: 'en' })).rejects.toMatchObject({
      localized: { key: 'teamClient.sso.noPerson' },
    });
    const page = await b.landed();
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('noPerson');
    await page.context().close();
    client.close();
  }, 60_000);

  it('a browser that never comes back times out; the user can cancel; the listener is closed afterwards', async () => {
    let opened = '';
    const client = newClient('timeout');
    await expect(client.signInWithSso({ openExternal: async (u) => void (opened = u), lang: 'en', timeoutMs: 300 })).rejects.toMatchObject({
      localized: { key: 'teamClient.sso.timeout' },
    });
    const redirect = new URL(new URL(opened).searchParams.get('redirect_uri')!);
    await expect(fetch(redirect.href)).rejects.toThrow(); // nobody listens there any more

    const abort = new AbortController();
    const p = client.signInWithSso({
      openExternal: async () => void setTimeout(() => abort.abort(), 50),
      lang: 'en',
      signal: abort.signal,
    });
    await expect(p).rejects.toMatchObject({ localized: { key: 'teamClient.sso.cancelled' } });
    await expect(client.signInWithSso({ openExternal: () => Promise.reject(new Error('no browser')), lang: 'en' })).rejects.toMatchObject({
      localized: { key: 'teamClient.sso.noBrowser' },
    });
    client.close();
  });

  it('Settings → Team workspace: the probe offers SSO only with a browser to open; connectSso remembers the server signed in', async () => {
    expect((await new TeamConnections(path.join(tmp, 'no-browser')).probe(base)).sso).toBe(false);
    const b = systemBrowser('anna');
    const conns = new TeamConnections(path.join(tmp, 'conns'), { secretBox: keychainBox(), openExternal: b.openExternal });
    expect(await conns.probe(base)).toMatchObject({ url: base, tls: false, sso: true });
    const st = await conns.connectSso({ url: base, trustFingerprint: null, lang: 'en' });
    expect(st.active).toBe(base);
    expect(st.servers).toMatchObject([{ url: base, state: 'online', person: 'Anna Petrova', email: 'anna.petrova@example.com' }]);
    expect(conns.client(base).search('too expensive').length).toBeGreaterThan(0);
    await (await b.landed()).context().close();
    // a sign-on waiting in the browser is cancelled from the app
    const waiting = conns.connectSso({ url: base, trustFingerprint: null, lang: 'en' });
    setTimeout(() => conns.cancelSso(), 200);
    await expect(waiting).rejects.toMatchObject({ localized: { key: 'teamClient.sso.cancelled' } });
    // the attempt that failed leaves the current session as it was
    expect(conns.state().servers).toMatchObject([{ url: base, state: 'online', notice: null }]);
    await conns.client(base).refresh();
    await b.page()?.context().close();
    conns.close();
  }, 60_000);
});
