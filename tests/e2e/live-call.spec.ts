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

test('placeholders: filled once per call, everywhere, Tab between them, {rep_name} pre-filled in the UI language, copies filled text, HTML inert; editor lists them', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await host.api('session.set', { personId: null, role: 'manager' });
  const card = await host.api<{ id: number }>('scripts.objections.create', {
    objection: 'We already work with {competitor}',
    responses: ['{customer_name}, many {company} teams moved from {competitor} to {product} in a week.'],
    language: 'en',
  });
  const steps = [
    {
      key: 'a',
      stage: 'opening',
      title: 'Greet {customer_name}',
      sayIt: 'Hello {customer_name}, this is {rep_name} calling about {product}.',
      talkingPointsMd: '- Ask how **{company}** buys today\n- {customer_name}{company} adjacent, {{literal}} stays, a lone { too',
      mustSay: ['Say {product} twice'],
      choices: [{ label: 'Uses {competitor}', toStepKey: null, toObjectionId: card.id }],
    },
    { key: 'b', stage: 'discovery', title: 'Needs', sayIt: 'So, {customer_name}, what matters most at {company}?', talkingPointsMd: '', mustSay: [], choices: [] },
  ];
  const made = await host.api<{ id: number }>('scripts.create', { title: 'Fields demo', language: 'en', steps });
  await host.api('scripts.publish', { id: made.id });

  // Editor: the fields the script uses, with how often
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/scripts/${made.id}`);
  await expect(page.getByTestId('script-placeholders')).toBeVisible();
  for (const [name, n] of [['customer_name', 4], ['company', 3], ['rep_name', 1], ['product', 2], ['competitor', 1]] as const)
    await expect(page.getByTestId(`script-placeholder-${name}`)).toContainText(`used ${n}×`);
  await expect(page.getByTestId('script-placeholder-literal')).toHaveCount(0);
  await expect(page.getByTestId('step-0-sayit-fields').locator('[data-placeholder-chip]')).toHaveCount(3);
  await page.getByTestId('step-0-preview-tab').click();
  await expect(page.getByTestId('step-0-preview').locator('[data-placeholder-chip]')).toHaveCount(3);
  await expect(page.getByTestId('step-0-preview')).toContainText('{{literal}} stays, a lone {');
  await shot(page, 'scripts-editor-placeholders-en');

  // Live call as a rep
  const reps = await host.api<{ rows: { id: number; name: string; nameRu: string; nameZh: string }[] }>('people.list', { role: 'rep', limit: 5 });
  const rep = reps.rows.find((r) => r.nameRu && r.nameZh && r.nameRu !== r.name) ?? reps.rows[0];
  await host.api('session.set', { personId: rep.id, role: 'rep' });
  await page.goto(`${host.url}#/live?script=${made.id}`);
  const stepBox = page.getByTestId('live-step');
  await expect(stepBox.getByTestId('placeholder-rep_name')).toHaveValue(rep.name);
  // nothing shows as raw braces; unfilled fields are marked
  expect(await stepBox.innerText()).not.toMatch(/\{(customer_name|company|product|competitor|rep_name)\}/);
  await expect(stepBox.locator('[data-placeholder-field="customer_name"][data-filled="0"]').first()).toBeVisible();
  await expect(stepBox.getByTestId('live-points')).toContainText('{{literal}} stays, a lone {');
  await shot(page, 'live-placeholders-empty-en');

  // fill in the say-it line; Tab goes to the next field, skipping everything between
  await stepBox.getByTestId('live-sayit').getByTestId('placeholder-customer_name').click();
  await page.keyboard.type('Anna Petrova');
  await page.keyboard.press('Tab');
  await expect(stepBox.getByTestId('live-sayit').getByTestId('placeholder-rep_name')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(stepBox.getByTestId('live-sayit').getByTestId('placeholder-product')).toBeFocused();
  await page.keyboard.type('Workbench Pro');
  await page.keyboard.press('Tab');
  await expect(stepBox.getByTestId('live-points').getByTestId('placeholder-company').first()).toBeFocused();
  await page.keyboard.type('<img src=x onerror="window.__xss=1">Acme');
  await page.keyboard.press('Escape'); // leaves the field; the page's keys work again
  // every occurrence shows the value
  await expect(stepBox.getByTestId('placeholder-customer_name')).toHaveCount(2);
  await expect(page.getByTestId('live-step-title')).toHaveText('Greet Anna Petrova');
  for (const f of await stepBox.getByTestId('placeholder-customer_name').all()) await expect(f).toHaveValue('Anna Petrova');
  await expect(stepBox.getByTestId('live-checklist')).toContainText('Say Workbench Pro twice');
  await shot(page, 'live-placeholders-filled-en');
  // copying the say-it line copies the filled text
  await stepBox.getByTestId('live-copy-sayit').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`Hello Anna Petrova, this is ${rep.name} calling about Workbench Pro.`);
  await stepBox.getByTestId('live-copy-points').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('- Ask how **<img src=x onerror="window.__xss=1">Acme** buys today');
  // the card: filled fields, the unknown one marked; copy fills what is known
  await page.keyboard.press('1');
  await expect(page.getByTestId('live-card-body')).toBeVisible();
  await expect(page.getByTestId('live-card-response-0').getByTestId('placeholder-customer_name')).toHaveValue('Anna Petrova');
  await expect(page.getByTestId('live-card-response-0').locator('[data-placeholder-field="competitor"][data-filled="0"]')).toBeVisible();
  await page.getByTestId('live-card-copy-0').click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe('Anna Petrova, many <img src=x onerror="window.__xss=1">Acme teams moved from {competitor} to Workbench Pro in a week.');
  // filling inside the card reaches the steps too
  await page.getByTestId('live-card-response-0').getByTestId('placeholder-competitor').fill('Globex');
  await shot(page, 'live-placeholders-card-en');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('live-card-body')).toBeHidden();
  await expect(page.getByTestId('live-choices')).toContainText('Uses Globex');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('live-step-title')).toHaveText('Needs');
  await expect(page.getByTestId('live-step').getByTestId('placeholder-customer_name')).toHaveValue('Anna Petrova');
  expect(await page.evaluate(() => document.querySelectorAll('img[onerror], [onerror]').length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Russian and Chinese UIs: the rep's name as that language writes it, the fields' names translated
  for (const [lang, name, label] of [['ru', rep.nameRu || rep.name, 'имя клиента'], ['zh', rep.nameZh || rep.name, '客户姓名']] as const) {
    await host.api('session.set', { personId: rep.id, role: 'rep' });
    await setLang(page, lang);
    await page.goto(`${host.url}#/live?script=${made.id}&l=${lang}`);
    await page.reload();
    await expect(page.getByTestId('live-step').getByTestId('placeholder-rep_name')).toHaveValue(name);
    await expect(page.getByTestId('live-step').getByTestId('placeholder-customer_name').first()).toHaveAttribute('placeholder', label);
    await shot(page, `live-placeholders-${lang}`);
    await host.api('session.set', { personId: null, role: 'manager' });
    await page.goto(`${host.url}#/scripts/${made.id}`);
    await page.reload();
    await expect(page.getByTestId('script-placeholders')).toBeVisible();
    await shot(page, `scripts-editor-placeholders-${lang}`);
  }
});
