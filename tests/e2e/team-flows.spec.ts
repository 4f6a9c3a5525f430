/**
 * Three people on one team server, each in their own browser context: Nina
 * (North manager and the owner), Ivan (a North rep) and Kate (trainer), all
 * from the demo workspace, invited and signed in for real. (a) Nina publishes
 * a script and Ivan opens it in live-call mode; (b) Nina scores Ivan's call,
 * Ivan's inbox says so, he disputes, Nina's inbox shows the dispute and she
 * resolves it, Ivan's inbox shows the decision; (c) Kate assigns a course,
 * Ivan completes it and Nina sees his competence change; (d) Ivan is refused
 * another rep's call by its address. Screenshots of the inbox in en/ru/zh.
 */
import Database from 'better-sqlite3';
import { test, expect, type Page } from '@playwright/test';
import { shot } from './host';
import { acceptInvitation, invite, pick, setUpOwner, startTeamServer, type TeamServer } from './team';

const NINA = { name: 'Nina Orlova', email: 'nina.orlova@example.com', password: 'orchard lantern fourteen' };
const IVAN = { name: 'Ivan Sokolov', email: 'ivan.sokolov@example.com', password: 'copper meadow railway' };
const KATE = { name: 'Kate Lee', email: 'kate.lee@example.com', password: 'violet harbour seventy' };
const SCRIPT = 'Renewal call (team flow)';
const COURSE = 'Renewal objections (team flow)';

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let server: TeamServer;
let nina: Page;
let ivan: Page;
let kate: Page;
/** Reads ids the test needs from the workspace file (read-only, beside the running server). */
let ids: { ivan: number; ivanCall: number; jamesCall: number };

test.beforeAll(async ({ browser }) => {
  server = await startTeamServer();
  const wsPath = /Workspace: (.+)/.exec(server.proc.out())![1].trim();
  const db = new Database(wsPath, { readonly: true, fileMustExist: true });
  const one = (sql: string, ...p: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...p) as number;
  const ivanId = one('SELECT id FROM people WHERE email = ?', IVAN.email);
  ids = {
    ivan: ivanId,
    ivanCall: one('SELECT id FROM calls WHERE rep_id = ? AND id NOT IN (SELECT call_id FROM evaluations) ORDER BY at DESC LIMIT 1', ivanId),
    jamesCall: one(
      "SELECT c.id FROM calls c JOIN people p ON p.id = c.rep_id WHERE p.email = 'james.carter@example.com' ORDER BY c.id LIMIT 1",
    ),
  };
  db.close();
  nina = await setUpOwner(browser, server, NINA);
  const ivanLink = await invite(nina, server, IVAN.email);
  const kateLink = await invite(nina, server, KATE.email);
  ivan = await acceptInvitation(browser, ivanLink, IVAN);
  kate = await acceptInvitation(browser, kateLink, KATE);
});

test.afterAll(async () => {
  await server?.stop();
});

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });
/** The unread count the bell announces (its accessible name), 0 when it says just "Notifications". */
const unreadOf = async (page: Page) => Number(/unread: (\d+)/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1] ?? 0);

/** Opens the inbox from the header and returns the notification that reads `text`. */
async function inboxItem(page: Page, text: string | RegExp) {
  await bell(page).click();
  const inbox = page.getByRole('dialog', { name: 'Notifications' });
  await expect(inbox).toBeVisible();
  const item = inbox.getByRole('button', { name: text });
  await expect(item).toBeVisible();
  return item;
}

test('(a) a manager publishes a script and the rep opens it in live-call mode', async () => {
  await nina.goto(`${server.base}/#/scripts`);
  await nina.getByTestId('scripts-new').click();
  await nina.getByTestId('script-title').fill(SCRIPT);
  await nina.getByTestId('step-0-title').fill('Confirm the renewal date');
  await nina.getByTestId('step-0-points').fill('Ask which date suits them and **confirm** the volume.');
  await nina.getByTestId('script-publish').click();
  await expect(nina.getByTestId('script-status')).toHaveText('Published');

  await ivan.goto(`${server.base}/#/`);
  await expect(ivan.getByRole('link', { name: 'Home' })).toBeVisible();
  // Ctrl+L: live-call mode with the search box ready; Esc, then S opens the script picker
  await ivan.keyboard.press('Control+l');
  await expect(ivan.getByTestId('live-search')).toBeFocused();
  await ivan.keyboard.press('Escape');
  await ivan.keyboard.press('s');
  await expect(ivan.getByTestId('live-pick-input')).toBeFocused();
  await ivan.keyboard.type('Renewal call');
  await expect(ivan.getByTestId('live-pick-0')).toContainText(SCRIPT);
  await ivan.keyboard.press('Enter');
  await expect(ivan.getByTestId('live-step-title')).toHaveText('Confirm the renewal date');
  await expect(ivan.getByTestId('live-points')).toContainText('confirm the volume');
});

test("(b) the manager scores the rep's call; the rep's inbox says so; the rep disputes, the manager resolves", async () => {
  await nina.goto(`${server.base}/#/calls/${ids.ivanCall}`);
  await nina.getByTestId('start-scoring').click();
  await expect(nina.getByTestId('score-form')).toBeVisible();
  const controls = nina.locator('[data-testid^="answer-"]');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const labels = controls.nth(i).locator('label');
    const texts = await labels.allInnerTexts();
    const real = texts.filter((x) => !/^(N\/A)$/.test(x.trim())).length;
    await labels.nth(real - 1).click();
  }
  await expect(nina.getByTestId('live-score')).toHaveText('100%');
  await nina.getByTestId('submit-evaluation').click();
  await expect(nina.getByTestId('call-score')).toHaveText('100%');

  // the rep's badge counts it (read on the next page load) and the inbox links to the call
  await ivan.goto(`${server.base}/#/`);
  await expect(bell(ivan)).toHaveAccessibleName(/^Notifications, unread: \d+$/);
  const scored = await inboxItem(ivan, /Nina Orlova scored your call: 100 of 100/);
  await shot(ivan, 'inbox-rep-en');
  await scored.click();
  await expect(ivan).toHaveURL(new RegExp(`#/calls/${ids.ivanCall}$`));
  await expect(ivan.getByTestId('evaluation-view')).toBeVisible();
  await ivan.locator('[data-testid^="dispute-"]').first().click();
  await ivan.getByTestId('dispute-reason').fill('I did confirm the delivery date at the end.');
  await ivan.getByTestId('dispute-send').click();
  await expect(ivan.locator('[data-testid^="feedback-status-"]').filter({ hasText: 'Disputed' })).toHaveCount(1);
  const ivanUnread = await unreadOf(ivan);

  // the manager's inbox shows the dispute, and leads to the disputes list
  await nina.goto(`${server.base}/#/`);
  const disputed = await inboxItem(nina, /Ivan Sokolov disputes a score on their call/);
  await shot(nina, 'inbox-manager-en');
  await disputed.click();
  await expect(nina).toHaveURL(/#\/calls\?tab=disputes$/);
  const row = nina.getByTestId('dispute-row').filter({ hasText: 'I did confirm the delivery date' });
  await row.getByTestId('resolve').click();
  await nina.getByTestId('decision').getByText('Rejected').click();
  await nina.getByTestId('resolve-note').fill('The recording ends before that.');
  await nina.getByTestId('resolve-save').click();
  await expect(nina.getByTestId('dispute-row').filter({ hasText: 'I did confirm the delivery date' })).toHaveCount(0);

  // the rep's badge updates by itself (polling, no reload); the inbox shows the decision; opening it marks it read
  await expect.poll(() => unreadOf(ivan), { timeout: 30_000, intervals: [1000] }).toBe(ivanUnread + 1);
  const decided = await inboxItem(ivan, /Nina Orlova decided your dispute: Rejected/);
  await expect(decided).toHaveAttribute('data-read', 'false');
  await decided.click();
  await expect(ivan).toHaveURL(new RegExp(`#/calls/${ids.ivanCall}$`));
  await bell(ivan).click();
  await expect(ivan.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /decided your dispute/ })).toHaveAttribute(
    'data-read',
    'true',
  );
  // mark all read: the badge goes away
  await ivan.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(ivan)).toHaveAccessibleName('Notifications');
  await ivan.keyboard.press('Escape');
  await expect(bell(ivan)).toBeFocused();
});

test('(c) a trainer assigns a course, the rep completes it, the manager sees the competence change', async () => {
  const objectionN = async () => {
    await nina.goto('about:blank'); // a full load, never a same-page hash change that keeps the old data
    await nina.goto(`${server.base}/#/people/${ids.ivan}`);
    await nina.getByRole('tab', { name: 'Competence' }).click();
    const r = nina.getByRole('row', { name: /Objection handling/ });
    await expect(r).toBeVisible();
    return Number(await r.getByRole('cell').nth(2).innerText());
  };
  const before = await objectionN();

  await kate.goto(`${server.base}/#/training?tab=courses`);
  await kate.getByTestId('new-course').click();
  await kate.getByTestId('course-title').fill(COURSE);
  await kate.locator('.mantine-MultiSelect-input', { has: kate.getByTestId('course-competencies') }).click();
  await kate.getByRole('option', { name: 'Objection handling' }).click();
  await kate.keyboard.press('Escape');
  await kate.getByTestId('course-save').click();
  await expect(kate.getByTestId('course-editor')).toBeVisible();
  await kate.getByTestId('add-lesson').click();
  await kate.getByTestId('item-title').fill('Hear the objection out');
  await kate.getByTestId('lesson-body').fill('Let them finish, then **acknowledge**.');
  await kate.getByTestId('item-save').click();
  await expect(kate.getByTestId('module')).toContainText('Hear the objection out');
  await kate.getByTestId('add-quiz').click();
  await kate.getByTestId('item-title').fill('Renewal check');
  await kate.getByTestId('add-question-single').click();
  await kate.getByTestId('q0-prompt').fill('The customer says the renewal is too expensive. First step?');
  await kate.getByTestId('q0-option-0').fill('Offer a discount');
  await kate.getByTestId('q0-option-1').fill('Ask what they compare it with');
  await kate.getByTestId('q0-correct-1').check();
  await kate.getByTestId('item-save').click();
  await expect(kate.getByTestId('module')).toContainText('Renewal check');
  await kate.getByTestId('publish-course').click();
  await expect(kate.getByTestId('course-status')).toHaveText('Published');
  await kate.getByTestId('assign-course').click();
  await kate.getByTestId('plan-name').fill('Ivan: renewal objections');
  await kate.getByTestId('plan-target-kind').getByText('People', { exact: true }).click();
  await kate.getByTestId('plan-people').fill('Ivan');
  await kate.getByRole('option', { name: /Ivan Sokolov/ }).click();
  await kate.keyboard.press('Escape');
  await kate.getByTestId('plan-due').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await kate.getByTestId('plan-save').click();
  await expect(kate.getByText(/Plan saved: 1 new assignment\./)).toBeVisible();

  // the rep's inbox leads to the course; lesson, then the quiz
  await ivan.goto(`${server.base}/#/`);
  await (await inboxItem(ivan, new RegExp(`New training for you: “${COURSE.replace(/[()]/g, '\\$&')}”`))).click();
  await expect(ivan.getByTestId('lesson-view')).toContainText('Let them finish');
  await ivan.getByTestId('lesson-done').click();
  await ivan.getByTestId('quiz-start').click();
  await ivan.getByLabel('Ask what they compare it with').check();
  await ivan.getByTestId('quiz-submit').click();
  await expect(ivan.getByTestId('quiz-score')).toContainText('Passed: 100');
  await expect(ivan.getByTestId('course-complete')).toBeVisible();

  expect(await objectionN()).toBe(before + 1);
  await shot(nina, 'team-flow-competence');
});

test("(d) the rep is refused another rep's call by its address", async () => {
  await ivan.goto(`${server.base}/#/calls/${ids.jamesCall}`);
  await expect(ivan.getByText("You don't have access to this call.")).toBeVisible();
  await expect(ivan.getByTestId('evaluation-view')).toHaveCount(0);
});

test('the inbox in Russian and Chinese, from the keyboard', async () => {
  for (const [lang, label, title] of [
    ['ru', 'Русский', 'Уведомления'],
    ['zh', '中文', '通知'],
  ] as const) {
    await pick(nina, 'language-picker', label);
    await nina.goto(`${server.base}/#/`);
    await nina.getByRole('button', { name: new RegExp(`^${title}`) }).focus();
    await nina.keyboard.press('Enter');
    const inbox = nina.getByRole('dialog', { name: title });
    await expect(inbox).toBeVisible();
    await expect(inbox).toContainText(lang === 'ru' ? 'оспаривает оценку' : '提出异议');
    await shot(nina, `inbox-manager-${lang}`);
    await nina.keyboard.press('Escape');
    await expect(inbox).toBeHidden();
  }
  await pick(nina, 'language-picker', 'English');
});
