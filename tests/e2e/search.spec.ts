/**
 * Search everywhere (Ctrl+K): one box finds scripts, steps, objections, library
 * files, calls (customer, words said), calibration sessions, courses and people,
 * grouped, and is worked entirely from the keyboard.
 */
import { expect, shot, test } from './host';

test('Ctrl+K finds Inbound, Vektor, price and calibration, grouped, from the keyboard (en/ru/zh)', async ({ page, host }) => {
  await page.goto(host.url);
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.reload();
  await expect(page.getByTestId('home-manager')).toBeVisible();

  const open = async () => {
    await page.keyboard.press('Control+k');
    await expect(page.getByTestId('palette-search')).toBeFocused();
  };
  // arrows move the selection (Spotlight marks it data-selected) until the group's first hit; Enter opens it
  const pick = async (group: string) => {
    const target = page.getByTestId(`palette-group-${group}`).getByTestId('palette-hit').first();
    for (let i = 0; i < 40 && (await target.getAttribute('data-selected')) === null; i++) await page.keyboard.press('ArrowDown');
    await expect(target).toHaveAttribute('data-selected', 'true');
    await page.keyboard.press('Enter');
  };
  const search = async (q: string) => {
    await page.getByTestId('palette-search').fill(q);
    await expect(page.getByTestId('palette-hit').first()).toBeVisible();
  };

  await open();
  await search('Inbound');
  await expect(page.getByTestId('palette-group-scripts')).toContainText('Inbound price request');
  await shot(page, 'search-inbound-en');

  await search('Vektor');
  await expect(page.getByTestId('palette-group-calls')).toContainText('Вектор');

  await search('price');
  for (const g of ['objections', 'steps', 'library', 'calls']) await expect(page.getByTestId(`palette-group-${g}`)).toBeVisible();
  await expect(page.getByTestId('palette-group-calls').locator('mark').first()).toBeVisible();
  await shot(page, 'search-price-en');

  await search('calibration');
  await expect(page.getByTestId('palette-group-calibrations')).toContainText('Q3 calibration');
  await shot(page, 'search-calibration-en');
  // keyboard only: arrows move, Enter opens
  await pick('calibrations');
  await expect(page).toHaveURL(/#\/calls\/calibration\/\d+/);
  await expect(page.getByTestId('calibration-report')).toBeVisible();

  // a call found by words said opens from the keyboard
  await open();
  await search('Vektor');
  await expect(page.getByTestId('palette-group-calls')).toContainText('Вектор');
  await pick('calls');
  await expect(page).toHaveURL(/#\/calls\/\d+$/);

  for (const lang of ['ru', 'zh'] as const) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.reload();
    await expect(page.getByTestId('nav-people')).toHaveText(lang === 'ru' ? 'Сотрудники' : '人员');
    await open();
    await search(lang === 'ru' ? 'цена' : '价格');
    await expect(page.getByTestId('palette-group-objections')).toBeVisible();
    await expect(page.getByTestId('palette-group-objections').getByTestId('palette-group-label')).toHaveText(
      lang === 'ru' ? /^Возражения/ : /^异议/,
    ); // "(first results)" follows when a group has more than it shows
    await shot(page, `search-${lang}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('palette-search')).toBeHidden();
  }
});
