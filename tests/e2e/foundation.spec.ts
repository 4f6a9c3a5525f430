import fs from 'node:fs';
import path from 'node:path';
import { expect, openAt, ROOT, shot, test } from './host';

const pickOption = async (page: import('@playwright/test').Page, testId: string, option: string | RegExp) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
};

test('a new user opens the demo, switches language, uses the palette and role homes', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('home-manager')).toBeVisible();
  await expect(page.getByText('Good to see you, Nina Orlova')).toBeVisible();
  await shot(page, 'foundation-home-en');

  await pickOption(page, 'language-picker', 'Русский');
  await expect(page.getByTestId('nav-people')).toHaveText('Сотрудники');
  await expect(page.getByText('Рады видеть вас, Нина Орлова')).toBeVisible();
  await shot(page, 'foundation-home-ru');
  await page.getByTestId('nav-people').click();
  await expect(page.getByRole('heading', { name: 'Сотрудники' })).toBeVisible();
  await shot(page, 'foundation-people-ru');

  await pickOption(page, 'language-picker', '中文');
  await expect(page.getByTestId('nav-people')).toHaveText('人员');
  await shot(page, 'foundation-people-zh');
  await page.getByTestId('nav-home').click();
  await shot(page, 'foundation-home-zh');
  await pickOption(page, 'language-picker', 'English');

  // Ctrl+K jumps to a person typed in Russian.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-search').fill('Ольга');
  await shot(page, 'foundation-palette');
  await page.getByRole('button', { name: /Olga Smirnova/ }).click();
  await expect(page.getByTestId('profile-name')).toHaveText('Olga Smirnova');

  // The header role switch changes the home page.
  await pickOption(page, 'person-picker', /Anna Petrova/);
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('home-rep')).toBeVisible();
  await shot(page, 'foundation-home-rep');
});

test('a manager adds a person (fixing a form error first) and deactivates them', async ({ page, host }) => {
  await page.goto(host.url + '#/people');
  // the previous story left the header on a rep, who may not add or deactivate people
  await expect(page.getByTestId('add-person')).toHaveCount(0);
  await pickOption(page, 'person-picker', /Nina Orlova/);
  await page.getByTestId('add-person').click();
  await page.getByTestId('person-email').fill('not-an-email');
  await page.getByTestId('person-save').click();
  await expect(page.getByText('Required')).toBeVisible();
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await shot(page, 'foundation-person-form-errors');

  await page.getByTestId('person-name').fill('Юлия Новикова <script>alert(1)</script>');
  await page.getByTestId('person-email').fill('anna.petrova@example.com');
  await page.getByTestId('person-save').click();
  // The server's duplicate check lands on the e-mail field.
  await expect(page.getByText('Anna Petrova already uses this e-mail address.')).toBeVisible();
  await page.getByTestId('person-email').fill('yulia.novikova@example.com');
  await pickOption(page, 'person-team', 'West');
  await page.getByTestId('person-save').click();
  await expect(page.getByText('Юлия Новикова <script>alert(1)</script> was added')).toBeVisible();

  await page.getByTestId('people-search').fill('юлия');
  await expect(page.getByTestId('people-table').getByText('yulia.novikova@example.com')).toBeVisible();
  await expect(page.getByTestId('people-count')).toHaveText('Showing 1–1 of 1');
  await page.getByTestId('people-table').getByText('yulia.novikova@example.com').click();
  await page.getByTestId('toggle-active').click();
  await page.getByTestId('confirm-deactivate').click();
  await expect(page.getByTestId('toggle-active')).toHaveText('Reactivate');
  await page.goto(host.url + '#/people');
  await page.getByTestId('people-search').fill('юлия');
  await expect(page.getByText('No people match.')).toBeVisible();
});

test('an admin imports a roster with a bad row, then backs up and restores', async ({ page, host }, testInfo) => {
  const roster =
    fs.readFileSync(path.join(ROOT, 'tests/fixtures/people.csv'), 'utf8') +
    'new.person@example.com,New Person,Новый Сотрудник,新员工,West,rep,2025-02-03\n,Missing Mail,,,West,rep,\n';
  const file = testInfo.outputPath('roster.csv');
  fs.writeFileSync(file, roster);

  await page.goto(host.url + '#/people');
  await page.getByTestId('import-roster').click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('roster-counts')).toContainText('New: 1');
  await expect(page.getByTestId('roster-counts')).toContainText('Unchanged: 14');
  await expect(page.getByTestId('roster-errors')).toContainText('E-mail is missing');
  await shot(page, 'foundation-roster-preview');
  await page.getByTestId('roster-run').click();
  await expect(page.getByText('Roster imported: 1 new, 1 updated, 1 skipped')).toBeVisible();

  await page.goto(host.url + '#/settings');
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/Backup saved/)).toBeVisible();
  await shot(page, 'foundation-settings');

  // A change after the backup…
  await host.api('people.create', { name: 'After Backup', email: 'after@example.com', roles: ['rep'] });
  // …is gone after restoring it.
  await page.getByTestId('restore-backup').last().click();
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByText('Backup restored')).toBeVisible();
  const list = await host.api<{ total: number }>('people.list', { query: 'after@example.com', includeInactive: true });
  expect(list.total).toBe(0);
  const kept = await host.api<{ total: number }>('people.list', { query: 'new.person@example.com' });
  expect(kept.total).toBe(1);
});

test('settings: new empty workspace, then back to the demo', async ({ page, host }) => {
  await page.goto(host.url + '#/settings');
  await page.getByTestId('new-workspace-name').fill('Отдел продаж Москва');
  await page.getByTestId('create-workspace').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Отдел продаж Москва');
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await page.getByTestId('nav-people').click();
  await expect(page.getByText('No people match.')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
});

test("a screen whose code can't be fetched says so and offers a reload (en/ru/zh); the rest of the app still works", async ({
  page,
  host,
}) => {
  // what a user sees when the app was updated under an open window, or the host went away mid-load
  await page.route(/\/assets\/LiveCall-[^/]*\.js$/, (r) => r.abort());
  const title = { en: 'This screen could not be shown', ru: 'Не удалось показать этот экран', zh: '无法显示此页面' };
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await openAt(page, host.url, '/live', lang, page.getByTestId('page-error'));
    await expect(page.getByTestId('page-error')).toContainText(title[lang]);
    await expect(page.getByTestId('page-error').getByRole('button')).toHaveCount(1); // only "Reload the window" helps
    await shot(page, `page-error-${lang}`);
  }
  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('page-error')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
});
