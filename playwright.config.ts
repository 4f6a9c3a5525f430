import { defineConfig } from '@playwright/test';

// Debian's Chromium (installed by .ci/run when missing); never Playwright's own browser download.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 180_000,
  expect: { timeout: 10_000 },
  // files run side by side (each file starts its own host); the tests of a file run in order, as one user story.
  // Most of a test is waiting on the app, so two workers halve the time on a 2-core machine. E2E_WORKERS=1 for one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
