/**
 * Team server sign-in, end to end in Chromium against the real process:
 * owner set-up link → invite a rep → the rep accepts in a second browser
 * context and signs in → lock-out after repeated failures → the admin
 * unlocks; an admin revoking sessions sends the rep back to sign-in; SSO
 * through a real OpenID Connect provider (oidc-provider) on loopback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ROOT, shot, startHost } from './host';
import { freePort, newPage, pick, run, signIn, type Proc } from './team';

const OWNER = { name: 'Nina Orlova', email: 'nina.orlova@example.com', password: 'orchard lantern fourteen' };
const REP = { name: 'Ivan Sokolov', email: 'ivan.sokolov@example.com', password: 'copper meadow railway' };

interface Team {
  base: string;
  setupLink: string;
  dataDir: string;
}

let team: Team;
let procs: Proc[] = [];

const test = base.extend({});
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const oidc = await run(
    [
      path.join(ROOT, 'tests/e2e/fixtures/oidc-provider.mjs'),
      `${base}/auth/sso/callback`,
      'anna=anna.petrova@example.com',
      'stranger=stranger@example.org',
    ],
    /OIDC READY (\S+)/,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-team-e2e-'));
  const server = await run(
    [
      path.join(ROOT, 'dist/main/serve.cjs'),
      '--team',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--oidc-issuer',
      oidc.match[1],
      '--oidc-client-id',
      'workbench',
      '--oidc-client-secret',
      'workbench-test-secret',
    ],
    /READY port=(\d+)/,
  );
  procs = [oidc, server];
  const link = /(http:\S+#\/setup\/[A-Za-z0-9_-]{43})/.exec(server.out());
  expect(link, server.out()).not.toBeNull();
  team = { base, setupLink: link![1], dataDir };
});

test.afterAll(async () => {
  for (const p of procs) p.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  if (team) fs.rmSync(team.dataDir, { recursive: true, force: true });
});

let inviteLink = '';

test('owner set-up link, then the owner invites a rep', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(team.setupLink);
  await expect(page.getByRole('heading', { name: 'Set up the team workspace' })).toBeVisible();
  await pick(page, 'setup-person', /Nina Orlova/);
  await page.getByTestId('new-password').fill('password123456');
  await page.getByTestId('repeat-password').fill('password123456');
  await page.getByTestId('new-password-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveText('This password is too common or too easy to guess; choose another.');
  await page.getByTestId('new-password').fill(OWNER.password);
  await page.getByTestId('repeat-password').fill(OWNER.password);
  await shot(page, 'team-setup-en');
  await page.getByTestId('new-password-submit').click();

  // signed in: no person/role picker, the account menu instead, role switch among Nina's own roles
  await expect(page.getByTestId('account-menu')).toHaveText(OWNER.name);
  await expect(page.getByTestId('person-picker')).toHaveCount(0);
  await page.getByTestId('role-picker').click();
  await expect(page.getByRole('option')).toHaveText(['Manager', 'Admin']);
  await page.keyboard.press('Escape');

  // the link worked once
  const again = await newPage(browser);
  await again.goto(team.setupLink);
  await expect(again.getByTestId('setup-error')).toContainText('no longer valid');
  await again.context().close();

  await page.goto(`${team.base}/#/settings`);
  const row = page.getByTestId(`account-${REP.email}`);
  await row.getByTestId('invite').click();
  inviteLink = await page.getByTestId('invite-link').inputValue();
  expect(inviteLink).toMatch(new RegExp(`^${team.base}/#/invite/[A-Za-z0-9_-]{43}$`));
  await shot(page, 'team-invite-en');
  await page.getByTestId('close-invite').click();
  await expect(page.getByTestId('pending-invitations')).toContainText(REP.name);
  await expect(row).toContainText('Invited');
  await page.context().close();
});

test('the rep accepts the invitation in another browser, signs out and in again; the used link says so', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(inviteLink);
  await expect(page.getByTestId('invitation-for')).toHaveText(`Invitation for ${REP.name} (${REP.email})`);
  await expect(page.getByTestId('password-rules')).toContainText('At least 12 characters');
  await page.getByTestId('new-password').fill('short');
  await page.getByTestId('repeat-password').fill('short');
  await page.getByTestId('new-password-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveText('The password needs at least 12 characters.');
  await shot(page, 'team-invitation-en');
  await page.getByTestId('new-password').fill(REP.password);
  await page.getByTestId('repeat-password').fill(REP.password);
  await page.getByTestId('new-password-submit').click();
  await expect(page.getByTestId('account-menu')).toHaveText(REP.name);
  await expect(page.getByTestId('role-picker')).toHaveCount(0); // one role: nothing to switch

  // a second browser of the rep is signed out when the password changes in the first
  const laptop = await newPage(browser);
  await laptop.goto(team.base);
  await signIn(laptop, REP.email, REP.password);
  await expect(laptop.getByTestId('account-menu')).toHaveText(REP.name);
  await page.getByTestId('account-menu').click();
  await page.getByTestId('change-password').click();
  await page.getByTestId('current-password').fill('not my password');
  await page.getByTestId('new-password').fill(REP.password + ' two');
  await page.getByTestId('repeat-password').fill(REP.password + ' two');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-error')).toHaveText('The current password is wrong.');
  await page.getByTestId('current-password').fill(REP.password);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByText('Password changed. Your other sessions were ended (1).')).toBeVisible();
  REP.password += ' two';
  await laptop.getByTestId('nav-people').click();
  await expect(laptop.getByTestId('signed-out-reason')).toHaveText('Your session has ended. Sign in again.');
  await laptop.context().close();

  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, REP.email, REP.password);
  await expect(page.getByTestId('account-menu')).toHaveText(REP.name);

  const other = await newPage(browser);
  await other.goto(inviteLink);
  await expect(other.getByTestId('invitation-error')).toHaveText(
    'This invitation has already been used. Sign in, or ask your administrator for a new one.',
  );
  await other.context().close();
  await page.context().close();
});

test('lock-out after repeated failures (same message for an unknown e-mail), then the admin unlocks', async ({ browser }) => {
  // 15 s of told waits, 12 argon2 sign-ins and axe on three screens: generous on a loaded CI machine
  test.setTimeout(300_000);
  const page = await newPage(browser);
  await page.goto(team.base);
  await signIn(page, 'nobody@example.com', 'wrong password here');
  await expect(page.getByTestId('signin-error')).toHaveText('The e-mail or password is wrong.');
  for (let i = 1; i <= 10; i++) {
    await signIn(page, REP.email, `wrong password ${i}`);
    const error = page.getByTestId('signin-error');
    await expect(error).not.toHaveText('');
    let text = (await error.textContent()) ?? '';
    // growing waits after the free attempts: wait as told, then try again
    while (/wait (\d+) s/.test(text)) {
      if (i === 7) await shot(page, 'team-too-many-attempts-en');
      await page.waitForTimeout(Number(/wait (\d+) s/.exec(text)![1]) * 1000 + 200);
      await page.getByTestId('signin-submit').click();
      await expect(error).not.toHaveText(text);
      text = (await error.textContent()) ?? '';
    }
    expect(text).toBe(
      i < 10
        ? 'The e-mail or password is wrong.'
        : 'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.',
    );
  }
  // even the right password is refused now
  await signIn(page, REP.email, REP.password);
  await expect(page.getByTestId('signin-error')).toContainText('locked');
  await shot(page, 'team-locked-en');

  const admin = await newPage(browser);
  await admin.goto(team.base);
  await signIn(admin, OWNER.email, OWNER.password);
  await admin.getByTestId('nav-settings').click();
  const row = admin.getByTestId(`account-${REP.email}`);
  await expect(row.getByTestId('locked-badge')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shot(admin, 'team-settings-en');
  await row.getByTestId('unlock').click();
  await expect(row.getByTestId('locked-badge')).toHaveCount(0);

  await signIn(page, REP.email, REP.password);
  await expect(page.getByTestId('account-menu')).toHaveText(REP.name);

  // the admin ends the rep's sessions: the rep's next request returns to sign-in with a clear message
  await row.getByTestId('open-sessions').click();
  await expect(admin.getByTestId('sessions-table')).toBeVisible();
  await admin.getByTestId('revoke-all-sessions').click();
  await expect(admin.getByText('No open sessions.')).toBeVisible();
  // the rep's next request ends the session: a click, or the notifications badge's poll if it comes first
  const reason = page.getByTestId('signed-out-reason');
  await page
    .getByTestId('nav-people')
    .click({ timeout: 5000 })
    .catch(async (e: unknown) => {
      if (!(await reason.isVisible())) throw e;
    });
  await expect(reason).toHaveText('Your session has ended. Sign in again.');
  await admin.context().close();
  await page.context().close();
});

test('single sign-on through a real OpenID Connect provider; an unknown identity is refused', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(team.base);
  await shot(page, 'team-signin-en');
  await page.getByTestId('signin-sso').click();
  await page.locator('input[name="login"]').fill('anna');
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  await expect(page.getByTestId('account-menu')).toHaveText('Anna Petrova');
  await page.context().close();

  const stranger = await newPage(browser);
  await stranger.goto(team.base);
  await stranger.getByTestId('signin-sso').click();
  await stranger.locator('input[name="login"]').fill('stranger');
  await stranger.locator('input[name="password"]').fill('anything');
  await stranger.locator('button[type="submit"]').click();
  await stranger.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  await expect(stranger.getByTestId('signin-error')).toHaveText(
    'Your SSO account does not match an active person in this workspace. Ask your administrator.',
  );
  await stranger.context().close();
});

test('screens in Russian and Chinese', async ({ browser }) => {
  for (const lang of ['ru', 'zh'] as const) {
    const page = await newPage(browser, lang);
    await page.goto(team.base);
    await signIn(page, 'nobody@example.com', 'wrong password here');
    await expect(page.getByTestId('signin-error')).toHaveText(
      lang === 'ru' ? 'Неверный адрес эл. почты или пароль.' : '电子邮件或密码错误。',
    );
    await shot(page, `team-signin-${lang}`);
    await page.goto(inviteLink);
    await expect(page.getByTestId('invitation-error')).toBeVisible();
    await shot(page, `team-invitation-used-${lang}`);
    await page.goto(team.base);
    await signIn(page, OWNER.email, OWNER.password);
    await expect(page.getByTestId('account-menu')).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`account-${REP.email}`).scrollIntoViewIfNeeded();
    await shot(page, `team-settings-${lang}`);
    await page.getByTestId(`account-${REP.email}`).getByTestId('invite').click();
    await shot(page, `team-invite-${lang}`);
    await page.context().close();
  }
});

test('Settings → Team turns a solo workspace into a team workspace (the owner picks their person and sets a password)', async ({
  browser,
}) => {
  const host = await startHost();
  try {
    const page = await newPage(browser);
    await page.goto(host.url);
    await expect(page.getByTestId('person-picker')).toBeVisible(); // solo: the picker stays, no sign-in
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('team-settings');
    await card.scrollIntoViewIfNeeded();
    await pick(page, 'enable-person', /Kate Lee/);
    await page.getByTestId('enable-password').fill('qwertyuiop123');
    await page.getByTestId('enable-team').click();
    await expect(card).toContainText('This password is too common or too easy to guess; choose another.');
    await shot(page, 'team-solo-enable-en');
    await page.getByTestId('enable-password').fill('harbour violet sixteen');
    await page.getByTestId('enable-team').click();
    await expect(card).toContainText('Team workspace: people sign in with their own accounts.');
    await expect(page.getByTestId('account-kate.lee@example.com')).toContainText('Password set');
    for (const lang of ['ru', 'zh'] as const) {
      await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
      await page.goto(`http://127.0.0.1:${host.port}/?token=${host.token}#/settings`);
      await page.getByTestId('team-settings').scrollIntoViewIfNeeded();
      await shot(page, `team-solo-enabled-${lang}`);
    }
    // Kate is now an admin with a password: a team server on this workspace lets her sign in
    const roles = await host.api<{ roles: string[] }>('people.get', {
      id: (await host.api<{ rows: { id: number; email: string }[] }>('people.list', { query: 'kate.lee' })).rows[0].id,
    });
    expect(roles.roles).toContain('admin');
    await page.context().close();
  } finally {
    await host.stop();
  }
});
