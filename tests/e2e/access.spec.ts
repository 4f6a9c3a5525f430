import fs from 'node:fs';
import { expect, shot, test } from './host';

const pickOption = async (page: import('@playwright/test').Page, testId: string, option: string | RegExp) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
};

test('an admin reads the audit log with filters and exports it as CSV with formula cells escaped', async ({ page, host }) => {
  // writes through the API are audited like any other
  await host.api('teams.create', { name: '=HYPERLINK("http://evil")', description: 'formula' });
  await host.api('teams.create', { name: 'South', description: '+7 office' });
  await page.goto(host.url + '#/settings');
  const audit = page.getByTestId('audit-log');
  await audit.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('audit-table')).toContainText('teams.create');
  await pickOption(page, 'audit-entity', 'teams');
  await expect(page.getByTestId('audit-total')).toHaveText('2 entries');
  await audit.scrollIntoViewIfNeeded();
  await shot(page, 'access-audit-en');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffid,at,actor_id,actor,entity,entity_id,action,summary');
  expect(csv).toContain('teams.create');
  // the summary cell starts with the method name; names inside stay quoted, never a leading =
  expect(csv).not.toMatch(/(^|,)=/m);

  await pickOption(page, 'language-picker', 'Русский');
  await expect(audit.getByRole('heading', { name: 'Журнал аудита' })).toBeVisible();
  await audit.scrollIntoViewIfNeeded();
  await shot(page, 'access-audit-ru');
  await pickOption(page, 'language-picker', '中文');
  await expect(audit.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await audit.scrollIntoViewIfNeeded();
  await shot(page, 'access-audit-zh');
  await pickOption(page, 'language-picker', 'English');
});

test("the rep view hides what a rep may not do on a colleague's profile", async ({ page, host }) => {
  const olga = (await host.api<{ rows: { id: number }[] }>('people.list', { query: 'olga.smirnova' })).rows[0].id;
  await page.goto(host.url + `#/people/${olga}`);
  await expect(page.getByTestId('profile-name')).toHaveText('Olga Smirnova');
  await expect(page.getByTestId('edit-person')).toBeVisible();
  await pickOption(page, 'person-picker', /Anna Petrova/);
  await expect(page.getByTestId('edit-person')).toHaveCount(0);
  await expect(page.getByTestId('toggle-active')).toHaveCount(0);
  await shot(page, 'access-profile-rep-view');
  await page.getByTestId('nav-people').click();
  await expect(page.getByTestId('people-table')).toBeVisible();
  await expect(page.getByTestId('add-person')).toHaveCount(0);
});
