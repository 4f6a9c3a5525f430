/**
 * Live-call mode for a rep on a call: the keys around the script picker ("/" to search, Esc out of the
 * list), typing straight after Ctrl+L while the page's code is still loading, placeholders filled once per
 * call, and the badges in the compact 460 px window.
 */
import type { Page } from '@playwright/test';
import { test, expect, shot } from './host';

test.describe.configure({ mode: 'serial' });

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
}

test('"/" in the script picker goes to search; Esc closes the list and leaves the picker; a second Esc changes nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/live`);
  await expect(page.getByTestId('live-pick-input')).toBeFocused();
  await page.keyboard.type('Inb');
  await expect(page.getByTestId('live-pick-0')).toContainText('Inbound');
  await page.keyboard.press('/');
  await expect(page.getByTestId('live-search')).toBeFocused();
  await expect(page.getByTestId('live-pick-input')).toHaveValue('Inb'); // the "/" did not go into the picker
  await page.keyboard.type('price');
  await expect(page.getByTestId('live-search')).toHaveValue('price');
  await page.keyboard.press('Escape'); // clears and leaves the search box
  await expect(page.getByTestId('live-search')).toHaveValue('');

  await page.getByTestId('live-pick-input').click();
  await expect(page.getByTestId('live-pick-0')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('live-pick-0')).toBeHidden();
  await expect(page.getByTestId('live-pick-input')).not.toBeFocused();
  await expect(page.getByTestId('live-call')).toBeFocused();
  await shot(page, 'live-picker-closed-en');
  // a second Esc: still live-call mode, no script, the list stays closed, nothing opened
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/live$/);
  await expect(page.getByTestId('live-picker')).toBeVisible();
  await expect(page.getByTestId('live-pick-0')).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('live-call')).toBeFocused();
  // the page's own keys work from there: "/" searches, S opens the list again
  await page.keyboard.press('/');
  await expect(page.getByTestId('live-search')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(page.getByTestId('live-pick-input')).toBeFocused();
  await expect(page.getByTestId('live-pick-0')).toBeVisible();
  await expect(page.getByTestId('live-pick-input')).toHaveValue('Inb');
});

for (const [lang, word, card] of [
  ['en', 'too expensive', 'It is too expensive'],
  ['ru', 'дорого', 'Это слишком дорого'],
  ['zh', '太贵', '你们的价格太高了'],
] as const) {
  test(`${lang}: keys typed at once after Ctrl+L, while the page's code still loads, all land in the search box in order`, async ({ page, host }) => {
    await page.goto(host.url);
    await setLang(page, lang);
    // a cold route made slower still: its code arrives 700 ms after it is asked for
    let asked = 0;
    await page.route(/\/assets\/LiveCall-[^/]+\.js$/, async (route) => {
      asked++;
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.goto(`${host.url}#/people`);
    await page.reload();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await page.getByRole('main').getByRole('textbox').first().focus(); // a text field elsewhere must not catch the keys either
    const before = await page.getByRole('main').getByRole('textbox').first().inputValue();
    await page.keyboard.press('Control+l');
    await page.keyboard.type(word); // no wait at all
    await expect(page.getByTestId('live-search')).toBeFocused();
    await expect(page.getByTestId('live-search')).toHaveValue(word);
    expect(asked).toBe(1);
    await expect(page.getByTestId('live-hit-0')).toContainText(card);
    await expect(page.getByTestId('live-pick-input')).toHaveValue('');
    // and typing goes on where it left off
    await page.keyboard.type(' x');
    await expect(page.getByTestId('live-search')).toHaveValue(`${word} x`);
    await page.goBack();
    await expect(page.getByRole('main').getByRole('textbox').first()).toHaveValue(before);
  });
}
