/**
 * Starts the real browser host (dist/main/serve.cjs) on a free port with a
 * temporary data folder, for one test file. `npm test` builds before running.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Host {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

export async function startHost(opts: { demo?: boolean; dataDir?: string; args?: string[] } = {}): Promise<Host> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'swb-e2e-'));
  const token = 'e2e-' + Math.random().toString(36).slice(2);
  const args = [path.join(ROOT, 'dist/main/serve.cjs'), '--port', '0', '--data', dataDir, '--token', token];
  if (opts.demo === false) args.push('--no-demo');
  if (opts.args) args.push(...opts.args);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /READY port=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/?token=${token}`,
    port,
    token,
    dataDir,
    async api<T>(method: string, input: unknown = {}) {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value as T;
    },
    async stop() {
      // wait for the host to close its workspace (checkpoint, file handles) before its folder goes
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot kept under test-results/screenshots for people to look at; every
 * screen photographed is also checked with axe-core (WCAG 2.1 A/AA): a critical
 * or serious violation fails the test, with what and where.
 */
export async function shot(page: Page, name: string, opts: { axe?: boolean } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // The bundled CJK font loads per character range: ask for every Chinese character on the page, both weights.
  await page.evaluate(async () => {
    const chars = [...new Set(document.body.innerText.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g) ?? [])].join('');
    if (chars) await Promise.all(['400 16px "Noto Sans SC"', '700 16px "Noto Sans SC"'].map((f) => document.fonts.load(f, chars)));
    await document.fonts.ready;
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  if (opts.axe !== false) await expectAccessible(page, name);
}

/**
 * Opens the app at a route in a UI language (kept in localStorage) and waits for the route's
 * element; when it never shows, the failure says where the page was and what it showed.
 */
export async function openAt(page: Page, url: string, route: string, lang: 'en' | 'ru' | 'zh', ready: Locator) {
  await page.goto(url);
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
  // by way of a blank page, so the route loads as a new document: a #fragment-only change raced the page's own
  // clean-up of its address (the token leaves the address bar) and the reload then came back without the route
  await page.goto('about:blank');
  await page.goto(`${url}#${route}`);
  try {
    await expect(ready).toBeVisible();
  } catch (e) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nThe page at ${page.url()} showed:\n${text.slice(0, 1000)}`);
  }
}

/** axe-core on the current page: no critical or serious WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page, where: string) {
  // a toast or popover still fading in is checked at its final colours, not half-transparent mid-transition
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  // transitions off while axe reads colours: a toast whose auto-close starts mid-scan is then either there or gone, never half-faded
  const still = await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
    .finally(() => still.evaluate((el) => (el as Element).remove()).catch(() => undefined));
  const bad = r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `   ${n.target.join(' ')}  ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join('\n')}`,
    )
    .join('\n');
  // AXE_REPORT=<file>: collect every screen's problems into one file instead of failing at the first (for fixing in bulk)
  if (process.env.AXE_REPORT) return void fs.appendFileSync(process.env.AXE_REPORT, bad.length ? `## ${where}\n${report}\n` : '');
  expect(bad.length, `accessibility (${where}):\n${report}`).toBe(0);
}

/**
 * One host per test FILE, with a fresh demo workspace: tests in a file share it
 * (a file is one user story), files never see each other's changes. Playwright
 * keeps workers across files, so the host is swapped when the file changes.
 */
let current: { file: string; host: Host } | null = null;

export const test = base.extend<{ host: Host }, { hostCleanup: void }>({
  hostCleanup: [
    async ({}, use) => {
      await use();
      if (current) await current.host.stop();
      current = null;
    },
    { scope: 'worker', auto: true },
  ],
  host: async ({}, use, testInfo) => {
    if (!current || current.file !== testInfo.file) {
      if (current) await current.host.stop();
      current = { file: testInfo.file, host: await startHost() };
    }
    await use(current.host);
  },
});
export { expect };
