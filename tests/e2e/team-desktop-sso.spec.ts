/**
 * Settings → Team workspace with single sign-on, in Chromium against real
 * processes: an OpenID Connect provider (oidc-provider), a team server
 * configured for it, and a browser host started with --client (the
 * desktop app's team connections; its "system browser" is the address it
 * prints, which a second page opens). The card offers "Sign in with single
 * sign-on" once the checked server advertises it, waits with a Cancel button
 * while the browser is out, and lists the server signed in afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, shot } from './host';
import { freePort, newPage, run, type Proc } from './team';

let procs: Proc[] = [];
let teamBase = '';
let hostBase = '';
let hostToken = '';
let host: Proc & { match: RegExpExecArray };
let hostDir = '';
const dirs: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const port = await freePort();
  teamBase = `http://127.0.0.1:${port}`;
  const oidc = await run(
    [path.join(ROOT, 'tests/e2e/fixtures/oidc-provider.mjs'), `${teamBase}/auth/sso/callback`, 'tom=tom.baker@example.com'],
    /OIDC READY (\S+)/,
  );
  const teamDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-dsso-team-'));
  const team = await run(
    [
      path.join(ROOT, 'dist/main/serve.cjs'),
      '--team',
      '--port',
      String(port),
      '--data',
      teamDir,
      '--oidc-issuer',
      oidc.match[1],
      '--oidc-client-id',
      'workbench',
      '--oidc-client-secret',
      'workbench-test-secret',
    ],
    /READY port=(\d+)/,
  );
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-dsso-host-'));
  hostToken = 'e2e-' + Math.random().toString(36).slice(2);
  host = await run(
    [path.join(ROOT, 'dist/main/serve.cjs'), '--port', '0', '--data', hostDir, '--token', hostToken, '--client'],
    /READY port=(\d+)/,
  );
  hostBase = `http://127.0.0.1:${host.match[1]}`;
  procs = [oidc, team, host];
  dirs.push(teamDir, hostDir);
});

test.afterAll(async () => {
  for (const p of [...procs, host]) p.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The addresses the host printed for the user to open (its "system browser"). */
const opened = () => [...host.out().matchAll(/open this address in your browser to sign in:\s+(http\S+)/g)].map((m) => m[1]);

const SSO = { en: 'Sign in with single sign-on', ru: 'Войти через единый вход (SSO)', zh: '使用单点登录 (SSO)' } as const;
const CANCELLED = { en: 'Single sign-on was cancelled.', ru: 'Единый вход отменён.', zh: '单点登录已取消。' } as const;

test('single sign-on from Settings → Team workspace: the button, the wait, the browser tab, then signed in', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`${hostBase}/?token=${hostToken}#/settings`);
  const card = page.getByTestId('team-workspace-card');
  await card.scrollIntoViewIfNeeded();
  await page.getByTestId('team-server-address').fill(teamBase);
  await card.getByRole('button', { name: 'Check server' }).click();
  const sso = page.getByTestId('team-sso');
  await expect(sso).toHaveText(SSO.en);
  await shot(page, 'team-workspace-sso-en');

  const before = opened().length;
  await sso.click();
  await expect(page.getByTestId('team-sso-waiting')).toBeVisible();
  await expect(sso).toBeDisabled();
  await shot(page, 'team-workspace-sso-waiting-en');
  await expect.poll(() => opened().length).toBe(before + 1);
  const url = new URL(opened().at(-1)!);
  expect(url.pathname).toBe('/auth/sso/desktop/start');
  expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sso\/callback$/);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');

  // the "system browser": sign in at the identity provider, land on the app's loopback page
  const tab = await newPage(browser);
  await tab.goto(url.href);
  await tab.locator('input[name="login"]').fill('tom');
  await tab.locator('input[name="password"]').fill('anything');
  await tab.locator('button[type="submit"]').click();
  await tab.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  await expect(tab.locator('h1')).toHaveText('You are signed in as Tom Baker.');
  await expect(tab.locator('p')).toHaveText('You can close this tab and return to Sales Workbench.');
  await tab.context().close();

  await expect(page.getByTestId('team-sso-waiting')).toHaveCount(0);
  const servers = page.getByTestId('team-servers');
  await expect(servers).toContainText('Tom Baker');
  await expect(servers).toContainText('Connected');
  // the list is redrawn when the first sync ends: scroll to the one on screen
  await expect(() => servers.scrollIntoViewIfNeeded({ timeout: 2000 })).toPass();
  await shot(page, 'team-workspace-sso-signed-in-en');
  await page.context().close();
});

test('in Russian and Chinese: the button, the wait, and Cancel says so', async ({ browser }) => {
  for (const lang of ['ru', 'zh'] as const) {
    const page = await newPage(browser, lang);
    await page.goto(`${hostBase}/?token=${hostToken}#/settings`);
    const card = page.getByTestId('team-workspace-card');
    await card.scrollIntoViewIfNeeded();
    await page.getByTestId('team-server-address').fill(teamBase);
    await card.getByRole('button', { name: lang === 'ru' ? 'Проверить сервер' : '检查服务器' }).click();
    await expect(page.getByTestId('team-sso')).toHaveText(SSO[lang]);
    await shot(page, `team-workspace-sso-${lang}`);
    await page.getByTestId('team-sso').click();
    await expect(page.getByTestId('team-sso-waiting')).toBeVisible();
    await shot(page, `team-workspace-sso-waiting-${lang}`);
    await page.getByTestId('team-sso-cancel').click();
    await expect(page.getByTestId('team-workspace-error')).toHaveText(CANCELLED[lang]);
    await page.context().close();
  }
});

test('after a restart of a host without a keychain the session is gone, the row says why, the offline copy stays', async ({ browser }) => {
  const exited = new Promise<void>((r) => host.child.once('exit', () => r()));
  host.child.kill('SIGTERM');
  await exited;
  host = await run(
    [path.join(ROOT, 'dist/main/serve.cjs'), '--port', '0', '--data', hostDir, '--token', hostToken, '--client'],
    /READY port=(\d+)/,
  );
  hostBase = `http://127.0.0.1:${host.match[1]}`;
  const NOTICE = {
    en: 'Sign-ins are not kept on this computer.',
    ru: 'На этом компьютере вход не сохраняется.',
    zh: '本机不保存登录信息。',
  } as const;
  for (const lang of ['en', 'ru', 'zh'] as const) {
    const page = await newPage(browser, lang);
    await page.goto(`${hostBase}/?token=${hostToken}#/settings`);
    const notice = page.getByTestId('team-server-notice');
    await expect(notice).toContainText(NOTICE[lang]);
    await page.getByTestId('team-servers').scrollIntoViewIfNeeded();
    await shot(page, `team-workspace-token-not-kept-${lang}`);
    await page.context().close();
  }
});
