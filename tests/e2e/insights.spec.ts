import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, type Page } from '@playwright/test';
import { ROOT, SHOTS, shot, test } from './host';

/** A copy of the Bitrix24 sample where Pavel Morozov's deals carry a spelling the roster does not know. */
function bitrixWithUnknownOwner(): string {
  const src = path.join(ROOT, 'tests/fixtures/crm/bitrix24_deals.csv');
  const text = iconv.decode(fs.readFileSync(src), 'win1251').replace(/"Павел Морозов"/g, '"Морозов П. А."');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swb-crm-')), 'bitrix24_deals.csv');
  fs.writeFileSync(out, iconv.encode(text, 'win1251'));
  return out;
}

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate(`localStorage.setItem('workbench.lang', '${lang}')`);
  await page.reload();
}

async function openInsights(page: Page, tab: 'charts' | 'import' = 'charts') {
  await page.locator('a[href="#/insights"]').first().click();
  if (tab === 'import') await page.getByTestId('tab-import').click();
}

test('import Bitrix24 through the wizard, see competence vs close rate, filter, export PNG', async ({ host, page }) => {
  await page.goto(host.url);
  await setLang(page, 'en');
  await openInsights(page, 'import');
  await expect(page.getByTestId('crm-dropzone')).toBeVisible();

  await page.locator('input[type=file]').setInputFiles(bitrixWithUnknownOwner());
  const mapping = page.getByTestId('mapping-step');
  await expect(mapping).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sniff-detected')).toContainText('Windows-1251');
  await expect(page.getByTestId('sniff-detected')).toContainText('Bitrix24');
  await expect(page.getByTestId('map-owner')).toHaveValue('Ответственный');
  // the unknown owner is flagged; known owners matched by their Russian spelling
  await expect(page.getByTestId('owner-row-Ольга Смирнова')).toContainText('Olga Smirnova');
  await page.getByTestId('owner-select-Морозов П. А.').click();
  await page.getByTestId('owner-select-Морозов П. А.').fill('Pavel');
  await page.getByRole('option', { name: /Pavel Morozov/ }).click();
  await shot(page, 'insights-import-mapping');

  await page.getByTestId('run-dry').click();
  await expect(page.getByTestId('dry-counts')).toContainText('2000 rows: 2000 valid (2000 new, 0 updates), 0 with errors');
  await expect(page.getByTestId('dry-counts')).toContainText('won 852, lost 1040, open 108');
  await expect(page.getByTestId('dry-preview')).toContainText('Zhang Min');
  await shot(page, 'insights-import-dryrun');
  await page.getByTestId('run-import').click();
  await expect(page.getByTestId('import-done')).toContainText('2000 new', { timeout: 30_000 });
  await expect(page.getByTestId('batches')).toContainText('bitrix24_deals.csv');

  // the charts
  await page.getByTestId('tab-charts').click();
  const close = page.getByTestId('chart-close');
  await expect(close.getByTestId('stats-line')).toContainText('Pearson r =');
  await expect(close.getByTestId('stats-line')).toContainText('95% CI');
  await expect(close.getByTestId('stats-reading')).toContainText('correlation, not proof of cause');
  await expect(page.getByTestId('def-close')).toContainText('deals won / (won + lost)');
  // Competence now comes from the training feature's scores: no interim notice.
  await expect(page.getByTestId('competence-notice')).toHaveCount(0);
  await expect(close.locator('.recharts-scatter-symbol').first()).toBeVisible();
  await shot(page, 'insights-en');
  const nAll = await close.getByTestId('stats-line').innerText();

  // filter to one team: fewer reps in the scatter, every row in the reps table from that team
  await page.getByTestId('filter-team').click();
  await page.getByRole('option', { name: 'North' }).click();
  await expect(close.getByTestId('stats-line')).not.toHaveText(nAll);
  // (the table follows once the filtered page has loaded)
  const teamsShown = () => page.getByTestId('reps-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
  await expect.poll(async () => [...new Set(await teamsShown())]).toEqual(['North']);
  expect((await teamsShown()).length).toBeGreaterThan(3);

  // one rep's monthly trend under the same filters
  const trends = page.getByTestId('chart-trends');
  const firstRep = (await page.getByTestId('reps-table').locator('tbody tr td:nth-child(1)').first().innerText()).trim();
  await trends.scrollIntoViewIfNeeded();
  await page.getByTestId('trend-who').click();
  await page.getByRole('option', { name: firstRep, exact: true }).click();
  await expect(trends).toContainText(`Trends by month: ${firstRep}`);
  await expect(trends.locator('.recharts-line-curve').first()).toBeVisible();
  await shot(page, 'insights-trend-rep');
  await page.getByTestId('trend-who').click();
  await page.getByRole('option', { name: 'All reps in the filter' }).click();
  await expect(trends).not.toContainText(`: ${firstRep}`);
  await close.scrollIntoViewIfNeeded();

  // export the scatter as PNG
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-close').click()]);
  expect(download.suggestedFilename()).toBe('Competence vs close rate.png');
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 8);
  expect(head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(fs.statSync(file).size).toBeGreaterThan(5000);
  // the image keeps n, r, the CI and the caveats: drawn below the chart, so it is taller than the chart and its title
  const png = fs.readFileSync(file);
  const svgHeight = await close
    .locator('svg.recharts-surface')
    .first()
    .evaluate((e) => e.getBoundingClientRect().height);
  expect(png.readUInt32BE(20)).toBeGreaterThan((svgHeight + 36 + 60) * 2);
  fs.copyFileSync(file, path.join(SHOTS, 'insights-png-export.png'));
  // CSV values are rounded for reading (no 15-decimal values)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-close').click()]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\r\n').length).toBeGreaterThan(3);
  expect(csvText).not.toMatch(/\d\.\d{5,}/);

  // clicking a dot opens the rep's profile
  await close.locator('.recharts-scatter-symbol').first().click();
  await expect(page).toHaveURL(/\/people\/\d+/);
  await expect(page.getByTestId('profile-name')).toBeVisible();
  // the rep's sales outcomes on their profile: 12 months of deals beside their competence
  await page.getByRole('tab', { name: 'Sales outcomes' }).click();
  await expect(page.getByTestId('outcomes-close-rate')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId('outcomes-closed')).toContainText('won');
  await expect(page.getByTestId('outcomes-panel').locator('.recharts-line-curve').first()).toBeVisible();
  await shot(page, 'insights-profile-outcomes');
});

test('the Insights page in English, Russian and Chinese', async ({ host, page }) => {
  await page.goto(host.url);
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await setLang(page, lang);
    await openInsights(page);
    await expect(page.getByTestId('chart-close').getByTestId('stats-line')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('chart-training').getByTestId('training-table')).toBeVisible();
    // date inputs follow the language: 1 Dec 2025 / 01.12.2025 / 2025-12-01, never mm/dd/yyyy
    await expect(page.getByTestId('filter-from')).toHaveValue(
      { en: /^\d{1,2} [A-Z][a-z]{2} \d{4}$/, ru: /^\d{2}\.\d{2}\.\d{4}$/, zh: /^\d{4}-\d{2}-\d{2}$/ }[lang],
    );
    // CJK bold subsets load lazily per glyph range: give them a moment before the screenshot
    await page.waitForTimeout(1200);
    await shot(page, `insights-${lang}-top`);
    // competency names (per-locale child table) in the UI language (the axis wraps long ones)
    const perCompetency = page.getByTestId('chart-per-competency');
    await perCompetency.scrollIntoViewIfNeeded();
    await expect(perCompetency).toContainText({ en: 'Product knowledge', ru: 'Знание продукта', zh: '产品知识' }[lang]);
    await page.waitForTimeout(800);
    await shot(page, `insights-${lang}-per-competency`);
    await page.getByTestId('chart-funnel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await shot(page, `insights-${lang}-funnel`);
    await page.getByTestId('chart-leaderboard').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await shot(page, `insights-${lang}-leaderboard`);
  }
});

test('a Russian manager sees the import problems in Russian: row errors and a bad file', async ({ page, host }) => {
  await page.goto(host.url);
  await setLang(page, 'ru');
  await openInsights(page, 'import');
  // a Bitrix24 export with a date that does not exist and an amount with letters
  const src = path.join(ROOT, 'tests/fixtures/crm/bitrix24_deals.csv');
  const text = iconv
    .decode(fs.readFileSync(src), 'win1251')
    .replace('"02.01.2025 11:39:02"', '"31.02.2025 11:39:02"')
    .replace('"59227,05"', '"59к227"');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-crm-'));
  fs.writeFileSync(path.join(dir, 'bitrix24_deals.csv'), iconv.encode(text, 'win1251'));
  await page.locator('input[type=file]').setInputFiles(path.join(dir, 'bitrix24_deals.csv'));
  await expect(page.getByTestId('mapping-step')).toBeVisible();
  await page.getByTestId('run-dry').click();
  const errors = page.getByTestId('dry-errors');
  await expect(errors).toContainText('даты 31.02.2025 11:39:02 не существует');
  await expect(errors).toContainText('«59к227» — не число');
  await expect(errors).not.toContainText('does not exist');
  await errors.scrollIntoViewIfNeeded();
  await shot(page, 'insights-import-errors-ru');
  // an empty file: the message in Russian, nothing imported
  fs.writeFileSync(path.join(dir, 'empty.csv'), '');
  await page.goto(host.url);
  await openInsights(page, 'import');
  await page.locator('input[type=file]').setInputFiles(path.join(dir, 'empty.csv'));
  await expect(page.getByTestId('import-error')).toContainText('Файл пуст: выгрузите сделки из CRM ещё раз.');
});
