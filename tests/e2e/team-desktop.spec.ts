/**
 * The desktop app against a team server, driven for real: a team server process
 * (the demo workspace; Nina sets it up, invites Ivan, publishes a script) and a
 * solo browser host started with --client as "the desktop" (empty local
 * workspace). Ivan connects in Settings → Team workspace; the header names the
 * team server and him, and one click switches between local and team; Scripts
 * lists the team's published script. Then the team server is KILLED: live-call
 * search still finds the price objection in en/ru/zh, the offline banner and
 * header indicator show, other screens say plainly the server can't be reached;
 * the server restarts, the banner goes, and usage logged offline arrives once.
 * Screenshots in en/ru/zh of the header, the banner and Settings.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { shot, startHost, ROOT, type Host } from './host';
import { acceptInvitation, freePort, invite, run, setUpOwner, startTeamServer, type Proc, type TeamServer } from './team';

const NINA = { name: 'Nina Orlova', email: 'nina.orlova@example.com', password: 'orchard lantern fourteen' };
const IVAN = { name: 'Ivan Sokolov', email: 'ivan.sokolov@example.com', password: 'copper meadow railway' };
const SCRIPT = 'Renewal call (desktop client)';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let server: TeamServer;
let restarted: Proc | null = null;
let port = 0;
let desk: Host;
let page: Page;
let wsPath = '';

const setLang = async (lang: 'en' | 'ru' | 'zh') => {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
  await page.reload();
};

/** Rows on the team server's workspace file (read-only, beside the running or stopped server). */
function serverCount(sql: string, ...p: unknown[]): number {
  const db = new Database(wsPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...p) as number;
  } finally {
    db.close();
  }
}

/** Usage events waiting in the desktop's offline cache. */
function queued(): number {
  const dir = path.join(desk.dataDir, 'team-client');
  const file = fs.readdirSync(dir).find((f) => /^cache-.*\.sqlite$/.test(f))!;
  const db = new Database(path.join(dir, file), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM usage_queue').pluck().get() as number;
  } finally {
    db.close();
  }
}

test.beforeAll(async ({ browser }) => {
  port = await freePort();
  server = await startTeamServer([], port);
  wsPath = /Workspace: (.+)/.exec(server.proc.out())![1].trim();
  const nina = await setUpOwner(browser, server, NINA);
  const link = await invite(nina, server, IVAN.email);
  await (await acceptInvitation(browser, link, IVAN)).context().close();
  // Nina publishes a script of the team's own (the desktop's local workspace has none)
  await nina.evaluate(async (title) => {
    const post = async (m: string, body: unknown) => {
      const r = (await (
        await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      ).json()) as { ok: boolean; value: { id: number } };
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value;
    };
    const s = await post('scripts.create', {
      title,
      language: 'en',
      steps: [{ key: 'open', stage: 'opening', title: 'Thank them for the year', sayIt: 'Thanks for being with us this year.' }],
    });
    await post('scripts.publish', { id: s.id });
  }, SCRIPT);
  await nina.context().close();
  desk = await startHost({ demo: false, args: ['--client'] });
  page = await (await browser.newContext()).newPage();
  await page.goto(desk.url);
});

test.afterAll(async () => {
  await page?.context().close();
  await desk?.stop();
  restarted?.child.kill('SIGTERM');
  if (server) {
    if (server.proc.child.exitCode === null && server.proc.child.signalCode === null) await server.stop();
    else fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
});

test('connect in Settings → Team workspace: the header names the team server and the person, one click switches', async () => {
  await page.goto(`${desk.url.split('?')[0]}#/settings`);
  const card = page.getByTestId('team-workspace-card');
  await expect(page.getByTestId('workspace-switch')).toHaveCount(0);
  await page.getByTestId('team-server-address').fill(server.base);
  await card.getByRole('button', { name: 'Check server' }).click();
  await card.getByLabel('E-mail').fill(IVAN.email);
  await card.getByRole('textbox', { name: 'Password' }).fill(IVAN.password);
  await card.getByRole('button', { name: 'Sign in and connect' }).click();
  const sw = page.getByTestId('workspace-switch');
  await expect(sw).toHaveAttribute('data-active', server.base);
  await expect(page.getByTestId('account-menu')).toHaveText(IVAN.name);

  // Scripts: the team's published script (the local workspace is empty)
  await page.getByTestId('nav-scripts').click();
  await expect(page.getByText(SCRIPT)).toBeVisible();
  // one click: the local workspace (no such script), and back
  await page.getByTestId('workspace-switch-control').getByText('Local').click();
  await expect(sw).toHaveAttribute('data-active', '');
  await expect(page.getByText(SCRIPT)).toHaveCount(0);
  await expect(page.getByTestId('person-picker')).toBeVisible();
  await page.getByTestId('workspace-switch-control').getByText(new URL(server.base).host).click();
  await expect(sw).toHaveAttribute('data-active', server.base);
  await expect(page.getByText(SCRIPT)).toBeVisible();

  for (const lang of ['en', 'ru', 'zh'] as const) {
    await setLang(lang);
    await expect(page.getByText(SCRIPT)).toBeVisible();
    await shot(page, `team-desktop-header-${lang}`);
    await page.goto(`${desk.url.split('?')[0]}#/settings`);
    await page.getByTestId('team-servers').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await expect(page.getByTestId('team-servers')).toContainText(IVAN.name);
    await shot(page, `team-desktop-settings-${lang}`);
    await page.goto(`${desk.url.split('?')[0]}#/scripts`);
  }
  await setLang('en');
});

test('team server killed: live-call search works from the cache in en/ru/zh, the banner shows, other screens say so plainly', async () => {
  const ivanId = serverCount('SELECT id FROM people WHERE email = ?', IVAN.email);
  await page.goto(`${desk.url.split('?')[0]}#/live`);
  const search = page.getByTestId('live-search');
  await search.fill('too expensive');
  await expect(page.locator('[data-testid^="live-hit-"][data-kind="objection"]').first()).toBeVisible();
  const before = serverCount('SELECT count(*) FROM script_usage_events WHERE person_id = ?', ivanId);

  server.proc.child.kill('SIGKILL');
  await new Promise<void>((r) =>
    server.proc.child.exitCode !== null || server.proc.child.signalCode !== null ? r() : server.proc.child.once('exit', () => r()),
  );

  for (const q of ['too expensive', 'дорого', '太贵']) {
    await search.fill(q);
    await expect(page.locator('[data-testid^="live-hit-"][data-kind="objection"]').first(), q).toBeVisible();
  }
  // opening a card is a usage event: queued on this computer while offline
  await search.fill('too expensive');
  await page.locator('[data-testid^="live-hit-"][data-kind="objection"]').first().click();
  await expect.poll(queued).toBeGreaterThan(0);
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('team-offline-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('team-offline-banner')).toContainText(/Offline — last updated \d\d:\d\d/);
  await expect(page.getByTestId('team-offline-indicator')).toBeVisible();
  const expected = { en: 'Offline — last updated', ru: 'Нет связи — обновлено в', zh: '离线 — 最后更新于' } as const;
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await setLang(lang);
    await search.fill(lang === 'ru' ? 'дорого' : lang === 'zh' ? '太贵' : 'too expensive');
    await expect(page.locator('[data-testid^="live-hit-"][data-kind="objection"]').first()).toBeVisible();
    await expect(page.getByTestId('team-offline-banner')).toContainText(expected[lang]);
    await shot(page, `team-desktop-offline-live-${lang}`);
  }
  // another screen: a plain message in the UI language, not a raw error
  const plain = { en: "The team server can't be reached", ru: 'Командный сервер недоступен', zh: '无法连接团队服务器' } as const;
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await setLang(lang);
    await page.goto(`${desk.url.split('?')[0]}#/people`);
    await expect(page.getByText(plain[lang]).first()).toBeVisible();
    await expect(page.getByText(/ECONNREFUSED/)).toHaveCount(0);
    if (lang === 'en') await shot(page, 'team-desktop-offline-people-en');
  }
  await setLang('en');

  // the server comes back: the banner goes by itself, the queued usage arrives once
  const waiting = queued();
  restarted = await run(
    [path.join(ROOT, 'dist/main/serve.cjs'), '--team', '--port', String(port), '--data', server.dataDir],
    /READY port=(\d+)/,
  );
  await page.goto(`${desk.url.split('?')[0]}#/live`);
  await expect(page.getByTestId('team-offline-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('workspace-switch')).toHaveAttribute('data-state', 'online');
  await expect.poll(queued, { timeout: 15_000 }).toBe(0);
  const after = serverCount('SELECT count(*) FROM script_usage_events WHERE person_id = ?', ivanId);
  expect(after - before).toBe(waiting);
  // a later refresh sends nothing again
  await page.waitForTimeout(6000);
  expect(serverCount('SELECT count(*) FROM script_usage_events WHERE person_id = ?', ivanId)).toBe(after);
});
