/**
 * Content library, end to end on the real browser host with the demo workspace:
 * upload three files with progress, duplicate detection, refusal of a program,
 * search for a Russian phrase inside a PDF, a new version, linking to a script
 * step and opening it from live-call mode, marking expired and checking a rep
 * no longer sees it, governance and analytics.
 */
import path from 'node:path';
import { expect, shot, test } from './host';

const FIX = path.join(import.meta.dirname, '..', 'fixtures', 'library');
const fx = (f: string) => path.join(FIX, f);

test.describe.configure({ mode: 'serial' });

/** In-app navigation (the app uses a hash router). */
async function go(page: import('@playwright/test').Page, to: string) {
  await page.evaluate((url) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#' + url;
  }, to);
}

test('library: upload, search inside files, versions, links, live-call, expiry and governance', async ({ host, page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  await expect(page.getByTestId('library-count')).toContainText(/Items: 4\d/);
  await shot(page, 'library-list');

  // Three files at once, each with its own progress bar.
  await page.getByTestId('add-content-button').click();
  const input = page.getByTestId('library-dropzone').locator('input[type=file]');
  await input.setInputFiles([fx('kp-ru.pdf'), fx('guide-en.docx'), fx('deck-ru.pptx')]);
  await expect(page.getByTestId('upload-entry')).toHaveCount(3);
  await expect(page.locator('[data-testid=upload-entry][data-state=done]')).toHaveCount(3, { timeout: 30_000 });
  await shot(page, 'library-upload-done');

  // The same file again is offered as "already in the library"; a program disguised as a PDF is refused.
  await input.setInputFiles([fx('kp-ru.pdf')]);
  await expect(page.getByTestId('duplicate-alert')).toContainText('kp-ru');
  await input.setInputFiles([fx('program.pdf')]);
  await expect(page.getByTestId('upload-error').first()).toContainText('Windows program');
  await shot(page, 'library-upload-refused');
  await page.keyboard.press('Escape');

  // A Russian phrase from inside the PDF finds it, with the passage highlighted.
  await page.getByTestId('library-search').fill('пилотный проект стартует в понедельник');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const row = page.getByTestId('library-row').first();
  await expect(row).toContainText('kp-ru');
  await expect(row.getByTestId('row-snippet').locator('mark').first()).toBeVisible();
  await shot(page, 'library-search-ru');

  // Item page with the PDF page preview.
  await row.click();
  await expect(page.getByTestId('item-title')).toHaveText('kp-ru');
  await expect(page.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', '1');
  await shot(page, 'library-item-pdf');
  const itemId = Number(/library\/(\d+)/.exec(page.url())![1]);

  // A new version becomes current; the history lists both with who/when.
  await page.getByTestId('new-version').click();
  await page.getByTestId('version-dropzone').locator('input[type=file]').setInputFiles(fx('one-pager-zh.pdf'));
  await page.getByTestId('version-note').fill('Chinese edition for the Shanghai office');
  await page.getByTestId('version-save').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('versions-table')).toContainText('Chinese edition');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'library-versions');

  // Link it to a script step (search as you type), then open it from live-call mode with Alt+1.
  await go(page, '/library/linked/script_step/1?mode=edit');
  await page.getByTestId('link-picker').fill('kp-ru');
  await page.getByTestId('link-option').first().click();
  await expect(page.getByTestId('linked-item')).toHaveCount(1);
  await shot(page, 'library-link-edit');
  // Step 1 is "Greeting" of the demo script "Inbound price request": open it in the real live-call mode.
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('live-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(page.getByTestId('live-pick-input')).toBeFocused();
  await page.keyboard.type('Inbound price');
  // Results load as you type: wait for the script to be first before Enter.
  await expect(page.getByTestId('live-pick-0')).toContainText('Inbound price');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('live-step-title')).toHaveText('Greeting');
  await expect(page.getByTestId('linked-content-live')).toBeVisible();
  await shot(page, 'library-live-call-step');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', '1');
  await shot(page, 'library-live-open');
  await page.keyboard.press('Escape');
  const usage = await host.api<{ recent: { action: string; context: string; version: number }[] }>('library.usage', { id: itemId });
  expect(usage.recent[0]).toMatchObject({ action: 'open', context: 'call', version: 2 });

  // Mark it expired: managers see it greyed with the reason, a rep does not see it at all.
  await go(page, `/library/${itemId}`);
  await page.getByTestId('mark-expired').click();
  await expect(page.getByTestId('expired-alert')).toBeVisible();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('library-search').fill('kp-ru');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.locator('[data-testid=library-row][data-status=expired]')).toHaveCount(1);
  await shot(page, 'library-expired-manager');
  const reps = await host.api<{ rows: { id: number }[] }>('people.list', { role: 'rep', limit: 1 });
  const session = await host.api<{ person: { id: number }; role: string }>('session.get');
  await host.api('session.set', { personId: reps.rows[0].id, role: 'rep' });
  await page.reload();
  await page.getByTestId('library-search').fill('kp-ru');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await shot(page, 'library-rep-hidden');
  const repLinks = await host.api<unknown[]>('library.links', { targetKind: 'script_step', targetId: 1 });
  expect(repLinks).toHaveLength(0);
  await host.api('session.set', { personId: session.person.id, role: session.role });
  await page.reload();

  // Governance and analytics.
  await go(page, '/library?tab=governance');
  await expect(page.getByTestId('gov-expired')).toContainText('kp-ru');
  await expect(page.getByTestId('gov-duplicate').first()).toBeVisible();
  const dueBefore = await page.getByTestId('gov-verify').count();
  await shot(page, 'library-governance');
  if (dueBefore > 0) {
    await page.getByTestId('gov-verify-due').getByTestId('gov-verify').first().click();
    await expect(page.getByTestId('gov-verify-due').getByTestId('gov-verify')).toHaveCount(
      (await host.api<{ counts: { verifyDue: number } }>('library.governance')).counts.verifyDue,
    );
  }
  await page.getByTestId('tab-analytics').click();
  await expect(page.getByTestId('analytics-top').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'library-analytics');

  // Home shows the library's health to managers; the library reads in Russian too.
  await go(page, '/');
  await expect(page.getByTestId('widget-library-health')).toBeVisible();
  await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('workbench.lang', 'ru'),
  );
  await page.reload();
  await go(page, '/library');
  await page.getByTestId('library-search').fill('возражения');
  await expect(page.getByTestId('row-snippet').first()).toBeVisible();
  await expect(page.getByTestId('library-count')).toContainText('Материалов');
  await shot(page, 'library-search-ru-ui');
});
