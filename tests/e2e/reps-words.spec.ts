/**
 * A rep on a call, from any screen and with no script running: Ctrl+L, Ctrl+F, the customer's
 * word — the right objection card is the first result (in en/ru/zh UIs), Enter opens it.
 * Trigger phrases edited in the objection editor and synonyms edited by a manager change what
 * live search finds; library items come up in live search and open in a preview.
 */
import type { Page } from '@playwright/test';
import { test, expect, shot } from './host';

test.describe.configure({ mode: 'serial' });

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
}

const CASES = [
  { lang: 'en', from: '#/people', word: 'too expensive', card: 'It is too expensive' },
  { lang: 'ru', from: '#/library', word: 'дорого', card: 'Это слишком дорого' },
  { lang: 'zh', from: '#/scripts', word: '太贵', card: '你们的价格太高了' },
  // the customers' own forms, found through trigger phrases and stems
  { lang: 'ru', from: '#/people', word: 'дороговато', card: 'Это слишком дорого' },
  { lang: 'zh', from: '#/people', word: '太贵了', card: '你们的价格太高了' },
] as const;

for (const c of CASES) {
  test(`${c.lang} UI, from ${c.from}: Ctrl+L, Ctrl+F, "${c.word}" → «${c.card}» first; Enter opens it with no script running`, async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await setLang(page, c.lang);
    await page.goto(`${host.url}${c.from}`);
    await page.reload();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Control+l'); // key 1: live-call mode (script picker)
    await expect(page.getByTestId('live-picker')).toBeVisible();
    await page.keyboard.press('Control+f'); // key 2: the search box
    await expect(page.getByTestId('live-search')).toBeFocused();
    const typed = Date.now();
    await page.keyboard.type(c.word);
    await expect(page.getByTestId('live-hit-0')).toContainText(c.card);
    const shown = Date.now() - typed;
    await expect(page.getByTestId('live-hit-0')).toHaveAttribute('data-kind', 'objection');
    if (c.word === 'too expensive' || c.word === 'дорого' || c.word === '太贵') await shot(page, `reps-words-search-${c.lang}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('live-card-body')).toContainText(c.card);
    if (c.word === 'дороговато' || c.word === '太贵') await shot(page, `reps-words-card-${c.lang}-no-script`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('live-card-body')).toBeHidden();
    // the picker is still there: nothing popped up later by itself
    await expect(page.getByTestId('live-picker')).toBeVisible();
    test.info().annotations.push({ type: 'typed→results ms (incl. typing)', description: String(shown) });
  });
}

test('a manager adds a trigger phrase and a synonym; live search finds the card by them', async ({ page, host }) => {
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/scripts?tab=objections`);
  await page.getByTestId('objections-search').fill('think about it');
  await page.getByText('We need to think about it').first().click();
  const en = page.getByTestId('objection-triggers-en');
  await en.click();
  await page.keyboard.type('sleep on it');
  await page.keyboard.press('Enter');
  await shot(page, 'reps-words-objection-triggers-en');
  await page.getByTestId('objection-save').click();
  await expect(page.getByTestId('objection-form')).toBeHidden();

  await page.goto(`${host.url}#/scripts?tab=synonyms`);
  const box = page.getByTestId('synonyms-text');
  await expect(box).toHaveValue(/pricey/);
  await box.fill((await box.inputValue()) + '\nlonely');
  await page.getByTestId('synonyms-save').click();
  await expect(page.getByTestId('synonyms-error')).toContainText('Line 7');
  await box.fill((await box.inputValue()).replace(/\nlonely$/, '\nspendy, too expensive'));
  await page.getByTestId('synonyms-save').click();
  await expect(page.getByTestId('synonyms-error')).toBeHidden();
  await shot(page, 'reps-words-synonyms-en');

  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('live-picker')).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('live-search')).toBeFocused();
  await page.keyboard.type('sleep on it');
  await expect(page.getByTestId('live-hit-0')).toContainText('We need to think about it');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('spendy');
  await expect(page.getByTestId('live-hit-0')).toContainText('It is too expensive');
});

test('live search finds library items; Enter opens the preview', async ({ page, host }) => {
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await page.goto(host.url);
    await setLang(page, lang);
    await page.goto(`${host.url}#/live`);
    await page.reload();
    await expect(page.getByTestId('live-pick-0')).toBeVisible();
    await page.keyboard.press('Control+f');
    await expect(page.getByTestId('live-search')).toBeFocused();
    await page.keyboard.type('price list');
    const lib = page.getByTestId('live-results').locator('[data-kind="library"]').first();
    await expect(lib).toContainText(/Price list 2026/i);
    if (lang !== 'en') {
      await shot(page, `reps-words-library-${lang}`);
      continue;
    }
    const id = await lib.getAttribute('data-testid');
    for (let i = 0; i < Number(id!.split('-').pop()); i++) await page.keyboard.press('ArrowDown');
    await shot(page, `reps-words-library-${lang}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('live-library-body')).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText(/Price list 2026/i);
    await shot(page, 'reps-words-library-preview');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('live-library-body')).toBeHidden();
  }
});
