/**
 * Real CRM exports in the wizard: ambiguous slash dates are asked about (two rows read both ways),
 * a file without a currency column asks for its currency, Insights flags won deals it cannot
 * convert, and the Currencies tab takes rates from a CSV. Screens in en, ru and zh.
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ROOT, shot, test } from './host';

const FIX = path.join(ROOT, 'tests/fixtures/crm/realdata');

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate(`localStorage.setItem('workbench.lang', '${lang}')`);
  await page.reload();
}
async function openTab(page: Page, tab: 'charts' | 'import' | 'currency') {
  await page.locator('a[href="#/insights"]').first().click();
  await page.getByTestId(`tab-${tab}`).click();
}

test('ambiguous dates and a missing currency are asked; unconverted deals are flagged; rates come from a CSV', async ({ host, page }) => {
  await page.goto(host.url);
  await setLang(page, 'en');
  await openTab(page, 'import');
  await page.locator('input[type=file]').setInputFiles(path.join(FIX, 'ambiguous_no_currency.csv'));
  await expect(page.getByTestId('mapping-step')).toBeVisible({ timeout: 20_000 });
  // two rows, each read both ways; the dry run waits for the answer
  const q = page.getByTestId('ambiguous-dates');
  await expect(q).toContainText('Day or month first?');
  await expect(q.getByTestId('ambiguous-sample')).toHaveCount(2);
  await expect(q.getByTestId('ambiguous-sample').first()).toContainText('03/04/2026');
  await expect(q.getByTestId('ambiguous-sample').first()).toContainText('as day/month: 3 Apr 2026');
  await expect(q.getByTestId('ambiguous-sample').first()).toContainText('as month/day: 4 Mar 2026');
  await expect(page.getByTestId('run-dry')).toBeDisabled();
  await expect(page.getByTestId('dry-blocked')).toContainText('Answer the date question');
  await shot(page, 'insights-import-ambiguous-en');
  await page.getByTestId('ambiguous-dmy').check();
  await page.getByTestId('file-currency').scrollIntoViewIfNeeded();
  await shot(page, 'insights-import-currency-en');
  // no currency column: the file's currency is asked next
  await expect(page.getByTestId('run-dry')).toBeDisabled();
  await expect(page.getByTestId('dry-blocked')).toContainText('no currency column');
  await page.getByTestId('file-currency').click();
  await page.getByTestId('file-currency').fill('EUR');
  await page.getByRole('option', { name: /^EUR/ }).click();
  await page.getByTestId('run-dry').click();
  await expect(page.getByTestId('dry-counts')).toContainText('3 rows: 3 valid');
  await expect(page.getByTestId('dry-currencies')).toContainText('EUR (3)');
  await expect(page.getByTestId('dry-preview')).toContainText('3 Apr 2026');
  await page.getByTestId('run-import').click();
  await expect(page.getByTestId('import-done')).toContainText('3 new', { timeout: 30_000 });

  // Insights reports in USD; the two EUR deals have no rate: counted and flagged, not added
  await page.getByTestId('tab-charts').click();
  const notice = page.getByTestId('unconverted-notice');
  await expect(notice).toContainText('2 won deals are not in revenue');
  await expect(notice).toContainText('EUR: 2');
  await shot(page, 'insights-unconverted-en');
  for (const [lang, text] of [
    ['ru', '2 выигранных сделок не вошли в выручку'],
    ['zh', '2 个赢单未计入收入'],
  ] as const) {
    await setLang(page, lang);
    await openTab(page, 'charts');
    await expect(page.getByTestId('unconverted-notice')).toContainText(text);
    await shot(page, `insights-unconverted-${lang}`);
  }
  await setLang(page, 'en');
  await openTab(page, 'charts');
  await page.getByTestId('unconverted-link').click();
  await expect(page.getByTestId('currency-tab')).toBeVisible();
  await expect(page.getByTestId('reporting-currency')).toHaveValue(/^USD/);
  await expect(page.getByTestId('rates-missing')).toContainText('EUR, 2026-06: 1 won deals');
  await expect(page.getByTestId('rates-missing')).toContainText('EUR, 2026-10: 1 won deals');
  // rates from a CSV: two good rows (one spelled €), one bad month reported with its row
  await page.locator('input[type=file]').setInputFiles(path.join(FIX, 'rates_eur.csv'));
  await expect(page.getByTestId('rates-table')).toContainText('2026-06');
  await expect(page.getByTestId('rates-table')).toContainText('1.0800');
  await expect(page.getByTestId('rates-errors')).toContainText('not a month');
  await expect(page.getByTestId('rates-missing')).not.toContainText('2026-06');
  // one rate entered by hand fills the last month
  await page.getByTestId('rate-month').fill('2026-10');
  await page.getByTestId('rate-currency').click();
  await page.getByTestId('rate-currency').fill('EUR');
  await page.getByRole('option', { name: /^EUR/ }).click();
  await page.getByTestId('rate-value').fill('1.15');
  await page.getByTestId('rate-save').click();
  await expect(page.getByTestId('rates-missing')).toHaveCount(0);
  await shot(page, 'insights-currency-en');
  await page.getByTestId('tab-charts').click();
  await expect(page.getByTestId('chart-close')).toBeVisible();
  await expect(page.getByTestId('unconverted-notice')).toHaveCount(0);

  for (const lang of ['ru', 'zh'] as const) {
    await setLang(page, lang);
    await openTab(page, 'currency');
    await expect(page.getByTestId('rates-table')).toBeVisible();
    await shot(page, `insights-currency-${lang}`);
    await openTab(page, 'import');
    await page.locator('input[type=file]').setInputFiles(path.join(FIX, 'ambiguous_no_currency.csv'));
    await expect(page.getByTestId('ambiguous-dates')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('ambiguous-dates')).toContainText(lang === 'ru' ? 'Сначала день или месяц?' : '先日还是先月？');
    await expect(page.getByTestId('file-currency')).toBeVisible();
    await shot(page, `insights-import-ambiguous-${lang}`);
  }

  // a reversed period is a field error, shown in the UI language (not an internal error)
  await setLang(page, 'ru');
  await openTab(page, 'charts');
  await expect(page.getByTestId('chart-close')).toBeVisible();
  await page.getByTestId('filter-to').fill('2026-01-01');
  await page.getByTestId('filter-from').fill('2026-02-01');
  await expect(page.getByText('Дата начала позже даты окончания')).toBeVisible();
  await shot(page, 'insights-range-reversed-ru');
});
