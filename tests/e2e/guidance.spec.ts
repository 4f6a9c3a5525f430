/**
 * Live guidance on the live-call screen, from the keyboard: replay the demo's recorded
 * Northwind call at 8× with its script running; the price card pops up when the customer
 * says the price seemed high (Esc dismisses it), the checklist and "said" list fill in, and
 * the transcript and guidance are kept with the call. The softphone feed: events posted to
 * the loopback endpoint appear and bring their card. Screenshots in en/ru/zh.
 */
import type { Page } from '@playwright/test';
import { test, expect, openAt, shot } from './host';

test.describe.configure({ mode: 'serial' });

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
}

test('replay a recorded call at 8×: the card pops, Esc dismisses it, the transcript and guidance are kept with the call', async ({
  page,
  host,
}) => {
  const calls = await host.api<{ rows: { id: number; customer: string; hasTranscript: boolean }[] }>('scorecards.calls.list', {
    limit: 200,
  });
  const northwind = calls.rows.find((c) => c.customer === 'Northwind Supplies' && c.hasTranscript)!;
  const scripts = await host.api<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 50 });
  const inbound = scripts.rows.find((s) => s.title === 'Inbound price request')!;
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/live?script=${inbound.id}`);
  await page.reload();
  await expect(page.getByTestId('live-step')).toBeVisible();

  await page.getByTestId('guidance-source').getByText('Replay a call').click();
  await page.getByTestId('guidance-call').click();
  await page.getByRole('option', { name: /Northwind Supplies/ }).click();
  await page.getByTestId('guidance-speed').click();
  await page.getByRole('option', { name: '8×' }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('g'); // start listening from the keyboard
  await expect(page.getByTestId('guidance-running')).toBeVisible();
  await expect(page.getByTestId('live-card-body')).toContainText('It is too expensive', { timeout: 15_000 });
  await expect(page.getByTestId('guidance-transcript')).toContainText('your price seemed high');
  await shot(page, 'guidance-card-en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('live-card-body')).toBeHidden();
  await expect(page.getByTestId('guidance-save')).toBeVisible({ timeout: 20_000 });
  await shot(page, 'guidance-after-call-en');
  await page.getByTestId('guidance-save').click();
  await expect
    .poll(async () => (await host.api<{ transcript: unknown[] } | null>('guidance.get', { callId: northwind.id }))?.transcript.length ?? 0)
    .toBeGreaterThan(50);
  const kept = await host.api<{ events: { kind: string; objectionId?: number }[] }>('guidance.get', { callId: northwind.id });
  expect(kept.events.filter((e) => e.kind === 'card').length).toBe(1);
});

test('the softphone feed: posted words appear live and bring their card; screenshots in Russian and Chinese', async ({ page, host }) => {
  for (const [lang, words, card] of [
    ['ru', ['Ну,', 'это', 'дороговато', 'для', 'нас'], 'Это слишком дорого'],
    ['zh', ['你们', '这个', '太贵了'], '你们的价格太高了'],
  ] as const) {
    await openAt(page, host.url, '/live', lang, page.getByTestId('guidance'));
    await page.getByTestId('guidance-source').locator('label').nth(1).click();
    await page.getByTestId('guidance-start').click();
    await expect(page.getByTestId('guidance-running')).toBeVisible();
    await page.waitForTimeout(400);
    let at = 1000;
    const events = words.map((text) => ({ text, atMs: (at += 400), speaker: 'customer', final: true }));
    // what a softphone would send: POST /api/guidance.feed.push on 127.0.0.1 with the token
    await host.api('guidance.feed.push', {
      events: [
        { text: lang === 'ru' ? 'Добрый день, слушаю вас' : '您好，请讲', atMs: 0, endMs: 900, speaker: 'rep', final: true },
        ...events,
      ],
    });
    await expect(page.getByTestId('live-card-body')).toContainText(card, { timeout: 5000 });
    await shot(page, `guidance-feed-card-${lang}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('guidance-transcript')).toContainText(words[words.length - 1]);
    await shot(page, `guidance-feed-${lang}`);
  }
});
