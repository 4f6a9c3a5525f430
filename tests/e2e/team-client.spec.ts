/**
 * Settings → Team workspace in the browser host: connecting to a team server (and
 * the offline copy for calls) is a desktop ability, so the card says where it is
 * done, in the UI language. The API refuses the desktop-only methods plainly.
 */
import type { Page } from '@playwright/test';
import { test, expect, shot } from './host';

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
}

test('the browser host shows what connecting to a team workspace offers, in en/ru/zh', async ({ page, host }) => {
  const expected = { en: 'done in the desktop app', ru: 'в настольном приложении', zh: '需在桌面应用中进行' } as const;
  await page.goto(host.url);
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await setLang(page, lang);
    await page.goto(`${host.url}#/settings`);
    await page.reload();
    const card = page.getByTestId('team-workspace-card');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('team-workspace-desktop-only')).toContainText(expected[lang]);
    await card.scrollIntoViewIfNeeded();
    await shot(page, `team-workspace-browser-${lang}`);
  }
  await expect(host.api('teamClient.probe', { url: 'team.example.com' })).rejects.toThrow(/desktop app/);
  expect(await host.api('teamClient.state')).toBeNull();
});
