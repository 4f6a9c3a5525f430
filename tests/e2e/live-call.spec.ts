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

test('"/" in the script picker goes to search; Esc closes the list and leaves the picker; a second Esc changes nothing', async ({
  page,
  host,
}) => {
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
  test(`${lang}: keys typed at once after Ctrl+L, while the page's code still loads, all land in the search box in order`, async ({
    page,
    host,
  }) => {
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

test('placeholders: filled once per call, everywhere, Tab between them, {rep_name} pre-filled in the UI language, copies filled text, HTML inert; editor lists them', async ({
  page,
  host,
  context,
}) => {
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
    {
      key: 'b',
      stage: 'discovery',
      title: 'Needs',
      sayIt: 'So, {customer_name}, what matters most at {company}?',
      talkingPointsMd: '',
      mustSay: [],
      choices: [],
    },
  ];
  const made = await host.api<{ id: number }>('scripts.create', { title: 'Fields demo', language: 'en', steps });
  await host.api('scripts.publish', { id: made.id });

  // Editor: the fields the script uses, with how often
  await page.goto(host.url);
  await setLang(page, 'en');
  await page.goto(`${host.url}#/scripts/${made.id}`);
  await expect(page.getByTestId('script-placeholders')).toBeVisible();
  for (const [name, n] of [
    ['customer_name', 4],
    ['company', 3],
    ['rep_name', 1],
    ['product', 2],
    ['competitor', 1],
  ] as const)
    await expect(page.getByTestId(`script-placeholder-${name}`)).toContainText(`used ${n}×`);
  await expect(page.getByTestId('script-placeholder-literal')).toHaveCount(0);
  await expect(page.getByTestId('step-0-sayit-fields').locator('[data-placeholder-chip]')).toHaveCount(3);
  await page.getByTestId('step-0-preview-tab').click();
  await expect(page.getByTestId('step-0-preview').locator('[data-placeholder-chip]')).toHaveCount(3);
  await expect(page.getByTestId('step-0-preview')).toContainText('{{literal}} stays, a lone {');
  await shot(page, 'scripts-editor-placeholders-en');
  // the objection bank and the card editor show the answer's fields the same way
  await page.goto(`${host.url}#/scripts?tab=objections`);
  await expect(page.getByTestId(`objection-card-${card.id}`).locator('[data-placeholder-chip]')).toHaveCount(5); // the objection's and the answer's
  await page.getByTestId(`objection-card-${card.id}`).click();
  await expect(page.getByTestId('objection-response-0-fields').locator('[data-placeholder-chip]')).toHaveCount(4);
  await shot(page, 'scripts-objection-placeholders-en');
  await page.keyboard.press('Escape');

  // Live call as a rep
  const reps = await host.api<{ rows: { id: number; name: string; names: Record<string, string> }[] }>('people.list', {
    role: 'rep',
    limit: 5,
  });
  const rep = reps.rows.find((r) => r.names.ru && r.names.zh && r.names.ru !== r.name) ?? reps.rows[0];
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
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`Hello Anna Petrova, this is ${rep.name} calling about Workbench Pro.`);
  await stepBox.getByTestId('live-copy-points').click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('- Ask how **<img src=x onerror="window.__xss=1">Acme** buys today');
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
  for (const [lang, name, label] of [
    ['ru', rep.names.ru || rep.name, 'имя клиента'],
    ['zh', rep.names.zh || rep.name, '客户姓名'],
  ] as const) {
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

/** Badges in view that are cut off: wider than the window, or text clipped without a tooltip (title) saying it in full. */
async function clippedBadges(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const b of document.querySelectorAll<HTMLElement>('.mantine-Badge-root')) {
      const r = b.getBoundingClientRect();
      if (!r.width || r.bottom < 0 || r.top > window.innerHeight) continue;
      // covered by the compact window's overlay (the app's header under it) or a dialog: not seen
      const top = document.elementFromPoint(
        Math.min(window.innerWidth - 2, Math.max(1, (r.left + r.right) / 2)),
        Math.min(window.innerHeight - 2, Math.max(1, (r.top + r.bottom) / 2)),
      );
      if (top && !b.contains(top) && !top.contains(b)) continue;
      const label = b.querySelector<HTMLElement>('.mantine-Badge-label') ?? b;
      const cut = label.scrollWidth > label.clientWidth + 1;
      // scrolled-away parts of a list are fine; cut at the window's edge or by an ancestor that hides overflow is not
      let clipper: HTMLElement | null = b.parentElement;
      let hidden = false;
      while (clipper && clipper !== document.body) {
        const s = getComputedStyle(clipper);
        if (s.overflowX !== 'visible') {
          const c = clipper.getBoundingClientRect();
          if (r.right > c.right + 1 || r.left < c.left - 1) hidden = true;
          break;
        }
        clipper = clipper.parentElement;
      }
      const titled = !!(b.title || b.closest('[title]') || b.getAttribute('aria-label'));
      if (r.right > window.innerWidth + 1 || r.left < -1 || hidden || (cut && !titled))
        out.push(`${b.textContent} (${Math.round(r.left)}–${Math.round(r.right)}, cut=${cut}, hidden=${hidden})`);
    }
    return out;
  });
}

test('the compact 460×720 window: status, objection and library badges wrap or truncate with a tooltip, never cut off (en/ru/zh)', async ({
  page,
  host,
}) => {
  const reps = await host.api<{ rows: { id: number }[] }>('people.list', { role: 'rep', limit: 5 });
  await host.api('session.set', { personId: reps.rows[0].id, role: 'rep' });
  await page.setViewportSize({ width: 460, height: 720 });
  const list = await host.api<{ rows: { id: number; title: string }[] }>('scripts.list', { status: 'published', limit: 50 });
  for (const [lang, word, title] of [
    ['en', 'price', 'Inbound price request'],
    ['ru', 'дорого', 'Входящий звонок: запрос цены'],
    ['zh', '价格', '价格咨询来电'],
  ] as const) {
    await page.goto(host.url);
    await setLang(page, lang);
    // the picker, its rows with "recent", language and step-count badges
    await page.goto(`${host.url}#/live?compact=1`);
    await expect(page.getByTestId('live-pick-0')).toBeVisible();
    await shot(page, `live-compact-picker-${lang}`);
    expect(await clippedBadges(page), `${lang} picker`).toEqual([]);
    // search results: objection / step / library badges
    await page.getByTestId('live-search').fill(word);
    await expect(page.getByTestId('live-hit-0')).toBeVisible();
    await page.getByTestId('live-results').scrollIntoViewIfNeeded();
    await shot(page, `live-compact-search-${lang}`);
    expect(await clippedBadges(page), `${lang} search`).toEqual([]);
    // a running script: the header's status badge, the step, linked content
    await page.goto(`${host.url}#/live?compact=1&script=${list.rows.find((r) => r.title === title)!.id}`);
    await expect(page.getByTestId('live-step')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await shot(page, `live-compact-step-${lang}`);
    expect(await clippedBadges(page), `${lang} step`).toEqual([]);
    await page.keyboard.press('/');
    await page.keyboard.type(word);
    await expect(page.getByTestId('live-hit-0')).toBeVisible();
    await page.getByTestId('live-results').locator('[data-kind="objection"]').first().click();
    await expect(page.getByTestId('live-card-body')).toBeVisible();
    // the card is on top of the compact window, not hidden under it
    const onTop = await page.getByTestId('live-card-body').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
      return !!top && el.contains(top);
    });
    expect(onTop, `${lang}: the objection card shows above the compact window`).toBe(true);
    await shot(page, `live-compact-card-${lang}`);
    expect(await clippedBadges(page), `${lang} card`).toEqual([]);
    await page.keyboard.press('Escape');
  }
});
