/**
 * The desktop shell, driven by Playwright's Electron support. Runs where the
 * Electron binary exists; elsewhere it reports itself skipped with the reason
 * (the binary cannot be downloaded on offline machines).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './host';

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const native = path.join(ROOT, '.electron-native', 'better_sqlite3.node');

const SKIP_NO_BIN =
  'Electron runtime not installed on this machine (its binary could not be downloaded); the browser-host e2e tests cover the UI.';
if (!bin) console.log(`[electron e2e] skipped: ${SKIP_NO_BIN}`);

test('desktop window opens the demo workspace with a locked-down renderer', async () => {
  test.skip(!bin, SKIP_NO_BIN);
  test.skip(
    !fs.existsSync(native),
    'better-sqlite3 is not built for Electron here: run `npm start` once (scripts/electron-native.mjs) to build it.',
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: [ROOT, '--no-sandbox'],
    env: { ...process.env, SALES_WORKBENCH_DATA: dataDir },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByTestId('demo-badge')).toBeVisible({ timeout: 30_000 });
    // The page sees exactly one bridge object and no Node.
    const exposed = await win.evaluate(() => {
      const w = window as unknown as { workbench?: object; require?: unknown };
      return { keys: Object.keys(w.workbench ?? {}), node: typeof w.require };
    });
    expect(exposed.keys.sort()).toEqual(['host', 'invoke']);
    expect(exposed.node).toBe('undefined');
    // Sandboxed, isolated renderer: no Node globals leak into the page.
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    // Navigation away from the app is refused.
    await win.evaluate(() => (window.location.href = 'https://example.com/'));
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/workbench\//);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
