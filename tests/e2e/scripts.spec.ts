/**
 * Scripts: a manager writes a branching script with an objection card and
 * publishes it; a rep runs live-call mode with the keyboard only; XSS stays
 * inert; screenshots in en/ru/zh; 60-step render time.
 */
import { test, expect, shot } from './host';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

async function setLang(page: Page, lang: 'en' | 'ru' | 'zh') {
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
}

async function pickOption(page: Page, testId: string, text: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: text }).first().click();
}

test('a manager writes a branching script with an objection card, sees broken links flagged, publishes, compares revisions', async ({
  page,
  host,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(host.url.replace('/?', '/?') + '#/scripts');
  await expect(page.getByTestId('scripts-table')).toContainText('Inbound price request');
  await page.getByTestId('scripts-new').click();

  await page.getByTestId('script-title').fill('Price objection drill');
  await page.getByTestId('step-0-title').fill('Greeting');
  await page
    .getByTestId('step-0-points')
    .fill('**Thank** the customer.\n\n<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script>');
  await page.getByTestId('step-0-preview-tab').click();
  await expect(page.getByTestId('step-0-preview')).toContainText('Thank');
  expect(await page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);

  await page.getByTestId('step-add').click();
  await page.getByTestId('step-1-title').fill('Ask about the budget');
  await page.getByTestId('step-1-points').fill('Ask what they compare the price with.');
  await page.getByTestId('step-add').click();
  await page.getByTestId('step-2-title').fill('Present the value');
  await page.getByTestId('step-add').click();
  await page.getByTestId('step-3-title').fill('Agree on the next step');

  // New objection card from the step editor.
  await page.getByTestId('step-1-new-objection').click();
  await page.getByTestId('objection-text').fill("Your price is higher than the distributor's");
  await page.getByTestId('objection-response-0').fill('The distributor price has no installation: let us compare the full cost.');
  await page.getByTestId('objection-save').click();
  await expect(page.getByTestId('objection-form')).toBeHidden();

  // Branches on step 2: objection card, jump to step 4, and another to step 3.
  await page.getByTestId('step-1-add-answer').click();
  await page.getByTestId('step-1-answer-0-label').fill('Distributor is cheaper');
  await pickOption(page, 'step-1-answer-0-target', /higher than the distributor/);
  await page.getByTestId('step-1-add-answer').click();
  await page.getByTestId('step-1-answer-1-label').fill('Tell me more');
  await pickOption(page, 'step-1-answer-1-target', '3. Present the value');
  await page.getByTestId('step-1-add-answer').click();
  await page.getByTestId('step-1-answer-2-label').fill('Ready to order');
  await pickOption(page, 'step-1-answer-2-target', '4. Agree on the next step');
  await expect(page.getByTestId('script-outline')).toContainText('«Tell me more» → 3. Present the value');

  // Deleting a linked step: the outline flags the broken link and publishing is blocked.
  await page.getByTestId('step-2-remove').click();
  await expect(page.getByTestId('outline-broken')).toHaveCount(1);
  await expect(page.getByTestId('flow-issues')).toContainText('leads to a step that no longer exists');
  await expect(page.getByTestId('script-publish')).toBeDisabled();
  await shot(page, 'scripts-editor-broken-link');
  await pickOption(page, 'step-1-answer-1-target', '3. Agree on the next step');
  await expect(page.getByTestId('outline-broken')).toHaveCount(0);

  await page.getByTestId('script-publish').click();
  await expect(page.getByTestId('script-status')).toHaveText('Published');
  await shot(page, 'scripts-editor');

  // Edit → save draft → revision 2 → diff.
  await page.getByTestId('step-0-title').fill('Warm greeting');
  await page.getByTestId('script-save').click();
  await expect(page.getByTestId('script-status')).toHaveText('Unpublished changes');
  await page.getByTestId('script-revisions').click();
  await expect(page.getByTestId('diff')).toContainText('Warm greeting');
  await expect(page.getByTestId('diff')).toContainText('Greeting');
  await shot(page, 'scripts-revisions-diff');
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a rep runs live-call mode with the keyboard only, follows a branch, searches "дорого" and "价格", copies a response', async ({
  page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const reps = await host.api<{ rows: { id: number; email: string }[] }>('people.list', { role: 'rep', limit: 5 });
  const rep = reps.rows[0];
  await host.api('session.set', { personId: rep.id, role: 'rep' });
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.reload();
  await expect(page.getByTestId('home-scripts')).toBeVisible();
  await shot(page, 'scripts-home-rep');

  // Ctrl+L from anywhere: the search box is ready; S goes to the script picker, pick a script by typing.
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
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('live-step-title')).toHaveText('Understand the need');
  await page.keyboard.press('2'); // "Just tell me the price" -> price range
  await expect(page.getByTestId('live-step-title')).toHaveText('Give a price range');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('live-step-title')).toHaveText('Understand the need');
  await page.keyboard.press('1');
  await expect(page.getByTestId('live-step-title')).toHaveText('Present the matching offer');

  // Search in Russian: word form, case-insensitive, objection card first, highlighted.
  await page.keyboard.press('/');
  await expect(page.getByTestId('live-search')).toBeFocused();
  await page.keyboard.type('дорого');
  await expect(page.getByTestId('live-hit-0')).toContainText('Это слишком дорого');
  await expect(page.getByTestId('live-hit-0').locator('mark').first()).toHaveText('дорого');
  await shot(page, 'scripts-live-search-ru');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('live-card-body')).toContainText('Это слишком дорого');
  await page.keyboard.press('1');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('стоимость владения');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('live-card-body')).toBeHidden();

  // Chinese 2-character word.
  await page.keyboard.press('/');
  await page.keyboard.type('价格');
  await expect(page.getByTestId('live-results')).toContainText('你们的价格太高了');
  await expect(page.getByTestId('live-results').locator('mark').first()).toHaveText('价格');
  // Ctrl+Enter copies the selected card's first response straight from the results.
  const idx = await page.getByTestId('live-results').locator('[data-kind="objection"]').first().getAttribute('data-testid');
  const n = Number(idx!.split('-').pop());
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/[\u4e00-\u9fff]/);
  await page.keyboard.press('Escape');

  // Usage was logged for this rep.
  const usage = await host.api<{ recent: { title: string }[] }>('scripts.usage', {});
  expect(usage.recent.map((r) => r.title)).toContain('Inbound price request');
});

test('live-call screenshots in English, Russian and Chinese, compact layout, XSS inert', async ({ page, host }) => {
  const list = await host.api<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 50 });
  const byTitle = (t: string) => list.rows.find((r) => r.title === t)!.id;
  for (const [lang, title] of [
    ['en', 'Inbound price request'],
    ['ru', 'Входящий звонок: запрос цены'],
    ['zh', '价格咨询来电'],
  ] as const) {
    await page.goto(host.url);
    await setLang(page, lang);
    await page.goto(`${host.url}#/live?script=${byTitle(title)}`);
    await expect(page.getByTestId('live-step')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('live-choices')).toBeVisible();
    await shot(page, `scripts-live-${lang}`);
  }
  await page.setViewportSize({ width: 460, height: 720 });
  await page.goto(`${host.url}#/live?compact=1&script=${byTitle('Входящий звонок: запрос цены')}`);
  await expect(page.getByTestId('live-compact')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await shot(page, 'scripts-live-compact');
  await page.setViewportSize({ width: 1440, height: 900 });
  // The manager's draft with <img onerror> was published in the first test: rendered inert for reps.
  const drill = await host.api<{ rows: { id: number }[] }>('scripts.list', {
    query: 'Price objection drill',
    status: 'published',
    limit: 5,
  });
  await page.goto(`${host.url}#/live?script=${drill.rows[0].id}`);
  await expect(page.getByTestId('live-points')).toContainText('Thank');
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], script:not([src])').length)).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('import: a Markdown export comes back as a new script; a foreign file gets a clear message', async ({ page, host }) => {
  await host.api('session.set', { personId: null, role: 'manager' });
  const list = await host.api<{ rows: { id: number; title: string }[] }>('scripts.list', { query: 'Renewal call', limit: 5 });
  const md = await host.api<{ fileName: string; text: string }>('scripts.exportMarkdown', { id: list.rows[0].id });
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/scripts`);
  await expect(page.getByTestId('scripts-table')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: md.fileName, mimeType: 'text/markdown', buffer: Buffer.from(md.text) });
  await expect(page.getByText('Imported 1 script;')).toBeVisible();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nAnna,a@x.ru\n') });
  await expect(page.getByText('not a Sales Workbench scripts export')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"sales-workbench/scripts","version":9,"scripts":[],"objections":[]}'),
  });
  await expect(page.getByText(/newer version of Sales Workbench \(format 9\)/)).toBeVisible();
  await shot(page, 'scripts-import-errors');
  const after = await host.api<{ total: number }>('scripts.list', { query: 'Renewal call', limit: 5 });
  expect(after.total).toBe(2);
});

test('a 60-step script opens in live-call mode with its whole outline; the last step is one click away', async ({ page, host }) => {
  await host.api('session.set', { personId: null, role: 'manager' });
  const steps = Array.from({ length: 60 }, (_, i) => ({
    key: `s${i}`,
    stage: 'discovery',
    title: `Step ${i + 1}: confirm the delivery address and volume`,
    talkingPointsMd: `- Ask about **volume** for month ${i + 1}\n- Confirm the delivery window\n- Mention the two-year warranty`,
    sayIt: 'Could you confirm how many units you need per month?',
    listenFor: 'Urgency, competitor names',
    mustSay: ['Warranty', 'Delivery time'],
    choices:
      i < 59
        ? [
            { label: 'Agrees', toStepKey: `s${i + 1}`, toObjectionId: null },
            { label: 'Ends the call', toStepKey: null, toObjectionId: null },
          ]
        : [],
  }));
  const made = await host.api<{ id: number }>('scripts.create', { title: 'Sixty steps', language: 'en', steps });
  await host.api('scripts.publish', { id: made.id });
  // how fast it renders is measured in bench/ (npm run bench scripts: live-render.mjs); here, that all of it works
  await page.goto(`${host.url}#/live?script=${made.id}`);
  await expect(page.getByTestId('live-outline').getByRole('button')).toHaveCount(60);
  await page.getByTestId('live-outline-59').click();
  await expect(page.getByTestId('live-step-title')).toHaveText('Step 60: confirm the delivery address and volume');
  await expect(page.getByTestId('live-step')).toContainText('Step 60 of 60');
});
