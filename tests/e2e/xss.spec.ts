/**
 * Sanitising holds on its own: user text carrying script payloads is rendered
 * in Chromium with the CSP switched off (bypassCSP), and no script may run
 * (window.__xss stays unset) and no dangerous node may exist in the page.
 * Covered: library note bodies and titles, people names, script titles, steps and talking
 * points, objection cards, course and lesson bodies, call comments and coaching notes.
 */
import { expect, test } from './host';

test.use({ bypassCSP: true });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '[click](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">link</a>',
  '<svg onload="window.__xss=1"></svg>',
  '<style>body{display:none}</style>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle="window.__xss=1">x</details>',
];

async function go(page: import('@playwright/test').Page, to: string) {
  await page.evaluate((url) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#' + url;
  }, to);
}

async function assertInert(page: import('@playwright/test').Page) {
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const dangerous = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('#root *'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed'].includes(tag)) bad.push(tag);
      // Mantine adds its own <style> elements; a user's stylesheet is the one carrying the payload
      if (tag === 'style' && /body\{display:none\}/.test(el.textContent ?? '')) bad.push('style (user)');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
        if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))
          bad.push(`${tag}[${a.name}=javascript:]`);
      }
    }
    return bad;
  });
  expect(dangerous).toEqual([]);
}

test('script payloads in notes, titles and names stay inert with the CSP off', async ({ host, page }) => {
  test.setTimeout(120_000);
  const body = PAYLOADS.join('\n\n');
  const notes: number[] = [];
  for (const [i, p] of PAYLOADS.entries()) {
    const item = await host.api<{ id: number }>('library.addNote', { title: `${p} ${i}`, bodyMd: `# Note ${i}\n\n${body}` });
    notes.push(item.id);
  }
  await host.api('people.create', {
    name: PAYLOADS[0],
    names: { ru: PAYLOADS[4], zh: PAYLOADS[1] },
    email: 'xss@example.com',
    roles: ['rep'],
  });

  await page.goto(host.url);
  await assertInert(page);
  await go(page, '/library');
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  await assertInert(page);
  for (const id of notes.slice(0, 3)) {
    await go(page, `/library/${id}`);
    await expect(page.getByText(/Note \d/).first()).toBeVisible();
    await assertInert(page);
  }
  await go(page, '/people');
  await expect(page.getByText('window.__xss=1', { exact: false }).first()).toBeVisible();
  await assertInert(page);
});

test('script payloads in talking points, objection cards, lesson bodies, call comments and coaching notes stay inert', async ({
  host,
  page,
}) => {
  test.setTimeout(150_000);
  const body = `XSS-MARK\n\n${PAYLOADS.join('\n\n')}`;
  const script = await host.api<{ id: number }>('scripts.create', {
    title: `XSS-MARK ${PAYLOADS[0]}`,
    description: PAYLOADS[1],
    language: 'en',
    steps: [
      { key: 'a', stage: 'opening', title: `Open ${PAYLOADS[4]}`, talkingPointsMd: body, sayIt: PAYLOADS[6], mustSay: [PAYLOADS[7]] },
    ],
  });
  await host.api('scripts.publish', { id: script.id });
  await host.api('scripts.objections.create', {
    objection: `XSS-MARK ${PAYLOADS[0]}`,
    responses: [body],
    tags: [PAYLOADS[1].slice(0, 40)],
    language: 'en',
    triggers: { en: [PAYLOADS[4].slice(0, 100)], ru: [], zh: [] },
  });
  const course = await host.api<{ id: number; modules: { id: number }[] }>('training.courses.create', {
    title: `XSS-MARK ${PAYLOADS[0]}`,
    description: PAYLOADS[1],
  });
  const withModule = course.modules.length
    ? course
    : await host.api<{ id: number; modules: { id: number }[] }>('training.modules.save', {
        courseId: course.id,
        title: `Module ${PAYLOADS[4]}`,
      });
  await host.api('training.items.save', {
    moduleId: withModule.modules[0].id,
    kind: 'lesson',
    title: `Lesson ${PAYLOADS[0]}`,
    bodyMd: body,
  });
  const calls = await host.api<{ rows: { id: number; rep: { id: number } }[] }>('scorecards.calls.list', { limit: 1 });
  const call = { id: calls.rows[0].id, repId: calls.rows[0].rep.id };
  await host.api('scorecards.comments.add', { callId: call.id, atMs: 1000, body: `XSS-MARK ${PAYLOADS.join(' ')}`.slice(0, 2000) });
  await host.api('scorecards.coaching.add', {
    repId: call.repId,
    body: `XSS-MARK ${PAYLOADS.join(' ')}`.slice(0, 4000),
    action: PAYLOADS[0],
  });

  await page.goto(host.url);
  await go(page, `/scripts/${script.id}`);
  await expect(page.getByText('XSS-MARK', { exact: false }).first()).toBeVisible();
  await assertInert(page);
  await go(page, '/scripts');
  await expect(page.getByText('XSS-MARK', { exact: false }).first()).toBeVisible();
  await assertInert(page);
  await go(page, `/training/courses/${course.id}`);
  await expect(page.getByText('XSS-MARK', { exact: false }).first()).toBeVisible();
  await assertInert(page);
  await go(page, `/calls/${call.id}`);
  await expect(page.getByText('XSS-MARK', { exact: false }).first()).toBeVisible();
  await assertInert(page);
  await go(page, `/people/${call.repId}`);
  await expect(page.getByRole('heading').first()).toBeVisible();
  await assertInert(page);
});
