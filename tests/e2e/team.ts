/**
 * Shared helpers for e2e tests against a real team server process: start it
 * (with the demo workspace unless told otherwise), complete the owner set-up,
 * invite people and sign them in, each in their own browser context.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { ROOT } from './host';

export interface Proc {
  child: ChildProcess;
  out: () => string;
}

/** Starts a node process and resolves once its output matches `ready`. */
export function run(args: string[], ready: RegExp): Promise<Proc & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, out: () => out, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface TeamServer {
  base: string;
  setupLink: string;
  dataDir: string;
  proc: Proc;
  stop: () => Promise<void>;
}

/** A team server on a free loopback port with a fresh data folder (the demo workspace, as the CLI defaults to). */
export async function startTeamServer(extraArgs: string[] = [], port?: number): Promise<TeamServer> {
  port ??= await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-team-e2e-'));
  const proc = await run(
    [path.join(ROOT, 'dist/main/serve.cjs'), '--team', '--port', String(port), '--data', dataDir, ...extraArgs],
    /READY port=(\d+)/,
  );
  const link = /(http:\S+#\/setup\/[A-Za-z0-9_-]{43})/.exec(proc.out());
  expect(link, proc.out()).not.toBeNull();
  return {
    base,
    setupLink: link![1],
    dataDir,
    proc,
    stop: async () => {
      const exited = new Promise<void>((r) => proc.child.once('exit', () => r()));
      proc.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** A page in a new browser context (its own cookies: another person), in the given UI language. */
export async function newPage(browser: Browser, lang: 'en' | 'ru' | 'zh' = 'en') {
  const context = await browser.newContext();
  await context.addInitScript((l) => localStorage.setItem('workbench.lang', l), lang);
  return context.newPage();
}

/** The owner set-up link: the owner picks their person, sets a password and is signed in. */
export async function setUpOwner(browser: Browser, server: TeamServer, owner: { name: string; password: string }) {
  const page = await newPage(browser);
  await page.goto(server.setupLink);
  await pick(page, 'setup-person', new RegExp(owner.name));
  await page.getByTestId('new-password').fill(owner.password);
  await page.getByTestId('repeat-password').fill(owner.password);
  await page.getByTestId('new-password-submit').click();
  await expect(page.getByTestId('account-menu')).toHaveText(owner.name);
  return page;
}

/** An admin's page invites a person from Settings → Team; returns the invitation link. */
export async function invite(adminPage: Page, server: TeamServer, email: string): Promise<string> {
  await adminPage.goto(`${server.base}/#/settings`);
  await adminPage.getByTestId(`account-${email}`).getByTestId('invite').click();
  const link = await adminPage.getByTestId('invite-link').inputValue();
  await adminPage.getByTestId('close-invite').click();
  return link;
}

/** The invited person accepts in their own browser context and is signed in. */
export async function acceptInvitation(
  browser: Browser,
  link: string,
  person: { name: string; password: string },
  lang: 'en' | 'ru' | 'zh' = 'en',
) {
  const page = await newPage(browser, lang);
  await page.goto(link);
  await page.getByTestId('new-password').fill(person.password);
  await page.getByTestId('repeat-password').fill(person.password);
  await page.getByTestId('new-password-submit').click();
  await expect(page.getByTestId('account-menu')).toHaveText(person.name);
  return page;
}
