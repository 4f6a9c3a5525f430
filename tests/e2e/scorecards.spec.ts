/**
 * Calls and scorecards, end to end: import the two sample calls with transcripts
 * (a corrupt file in the batch is refused), play and comment, score with evidence,
 * fail a critical item and see the 0, dispute as the rep and resolve as the
 * manager, and a 2-grader blind calibration with its report. Screenshots in en/ru.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, shot, test } from './host';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'calls');
interface P {
  id: number;
  name: string;
  email: string;
}

async function people(host: { api<T>(m: string, i?: unknown): Promise<T> }, role: string) {
  return (await host.api<{ rows: P[] }>('people.list', { role, limit: 100 })).rows;
}
async function actAs(page: Page, host: { api<T>(m: string, i?: unknown): Promise<T>; url: string }, personId: number, role: string) {
  await host.api('session.set', { personId, role });
  await page.reload();
}
async function answerAll(page: Page, choice: 'max' | 'min' | 'mid') {
  const controls = page.locator('[data-testid^="answer-"]');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const labels = controls.nth(i).locator('label');
    const k = await labels.count();
    const texts = await labels.allInnerTexts();
    const real = texts.filter((x) => !/^(N\/A|Н\/П|不适用)$/.test(x.trim())).length;
    const idx = choice === 'max' ? real - 1 : choice === 'min' ? 0 : Math.max(0, Math.floor(real / 2));
    await labels.nth(Math.min(idx, k - 1)).click();
  }
}

test('import, play, comment, score, critical fail, dispute and resolve, calibration', async ({ page, host }) => {
  test.setTimeout(150_000);
  const managers = await people(host, 'manager');
  const reps = await people(host, 'rep');
  const nina = managers.find((m) => m.email === 'nina.orlova@example.com')!;
  const tom = managers.find((m) => m.email === 'tom.baker@example.com')!;
  const maria = reps.find((r) => r.email === 'maria.ivanova@example.com')!;
  await host.api('session.set', { personId: nina.id, role: 'manager' });
  await page.goto(host.url);
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.goto(host.url + '#/calls');

  // --- import a batch: two recordings + transcripts, one corrupt file and a non-audio one
  await expect(page.getByTestId('calls-table')).toBeVisible();
  await page.getByTestId('import-calls').click();
  await page
    .locator('[data-testid="calls-dropzone"] input[type=file]')
    .setInputFiles(
      [
        'call-en-northwind.mp3',
        'call-en-northwind.vtt',
        'call-ru-vektor.mp3',
        'call-ru-vektor.vtt',
        'corrupt-truncated.mp3',
        'not-audio.wav',
      ].map((f) => path.join(FIX, f)),
    );
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('call-en-northwind.vtt');
  for (let i = 0; i < 4; i++) {
    await rows.nth(i).getByTestId('import-rep').click();
    await page.getByRole('option', { name: 'Maria Ivanova' }).click();
  }
  await rows.nth(0).getByTestId('import-customer').fill('Northwind Supplies (e2e)');
  await rows.nth(1).getByTestId('import-customer').fill('Вектор (e2e)');
  await page.getByTestId('import-run').click();
  await expect(rows.nth(0).getByTestId('import-status')).toHaveText('Imported', { timeout: 20_000 });
  await expect(rows.nth(1).getByTestId('import-status')).toHaveText('Imported');
  await expect(rows.nth(2).getByTestId('import-status')).toContainText('cut off');
  await expect(rows.nth(3).getByTestId('import-status')).toContainText(/not an audio recording|cannot be read/);
  await shot(page, 'scorecards-import');
  await page.keyboard.press('Escape');

  // --- open the English call: waveform, transcript, metrics, comment
  await page.getByTestId('calls-search').fill('e2e');
  await expect(page.getByTestId('call-row')).toHaveCount(2);
  await page.getByTestId('call-row').filter({ hasText: 'Northwind Supplies (e2e)' }).click();
  await expect(page.locator('[data-testid="waveform"][data-ready="1"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('transcript')).toContainText('Good afternoon, this is Anna from Northwind Supplies');
  await expect(page.getByTestId('talk-ratio')).toBeVisible();
  const wave = page.getByTestId('waveform');
  const box = (await wave.boundingBox())!;
  await wave.click({ position: { x: box.width * 0.5, y: box.height / 2 } });
  await expect(page.locator('[data-testid="transcript"] [data-active="1"]')).toContainText('warranty');
  await page.getByTestId('comment-input').fill('Good use of the warranty <b>comparison</b>');
  await page.getByTestId('comment-add').click();
  await expect(page.getByTestId('comment-body')).toContainText('Good use of the warranty <b>comparison</b>');

  // --- score it with comments and evidence
  await page.getByTestId('start-scoring').click();
  await expect(page.getByTestId('score-form')).toBeVisible();
  await answerAll(page, 'max');
  await expect(page.getByTestId('live-score')).toHaveText('100%');
  const firstComment = page.getByTestId('score-form').locator('textarea').first();
  await firstComment.fill('Clear greeting, asked if it is a good time.');
  await page.getByTestId('score-form').locator('button[data-testid^="evidence-"]').first().click();
  await expect(page.locator('[data-testid^="evidence-time-"]').first()).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/, { timeout: 5000 });
  await shot(page, 'scorecards-scoring-en');
  await page.getByTestId('submit-evaluation').click();
  await expect(page.getByTestId('call-score')).toHaveText('100%');

  // --- the Russian call, in Russian: fail the critical compliance item
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'ru'));
  await page.goto(host.url + '#/calls');
  await page.getByTestId('calls-search').fill('e2e');
  await page.getByTestId('call-row').filter({ hasText: 'Вектор (e2e)' }).click();
  await expect(page.getByTestId('transcript')).toContainText('Меня зовут Иван');
  await page.getByTestId('start-scoring').click();
  await expect(page.getByTestId('score-form')).toBeVisible();
  await answerAll(page, 'mid');
  const compliance = page.locator('[data-criterion]').filter({ hasText: 'Соблюдение правил: без ложных обещаний' });
  await compliance.locator('[data-testid^="answer-"] label').filter({ hasText: 'Нет' }).click();
  await expect(page.getByTestId('live-score')).toHaveText('0%');
  await expect(page.getByTestId('autofail')).toContainText('Оценка 0');
  await page.getByTestId('submit-evaluation').click();
  await expect(page.getByTestId('score-error')).toContainText('Отметить момент');
  await compliance.locator('button[data-testid^="evidence-"]').first().click();
  await shot(page, 'scorecards-scoring-ru');
  await page.getByTestId('submit-evaluation').click();
  await expect(page.getByTestId('call-score')).toHaveText('0%');
  const ruUrl = page.url();

  // --- the rep disputes a criterion of the English call
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await actAs(page, host, maria.id, 'rep');
  await page.goto(host.url + '#/calls');
  await page.getByTestId('calls-search').fill('Northwind Supplies (e2e)');
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  await page.getByTestId('call-row').first().click();
  await expect(page.getByTestId('evaluation-view')).toBeVisible();
  await expect(page.getByTestId('final-score')).toHaveText('100%');
  await expect(page.getByTestId('final-bonus')).toHaveText('+5 bonus');
  await page.locator('[data-testid^="ack-"]').first().click();
  await expect(page.locator('[data-testid^="feedback-status-"]').first()).toHaveText('Acknowledged');
  await page.locator('[data-testid^="dispute-"]').nth(0).click();
  await page.getByTestId('dispute-reason').fill('The customer interrupted me, not the other way round.');
  await page.getByTestId('dispute-send').click();
  await expect(page.locator('[data-testid^="feedback-status-"]').filter({ hasText: 'Disputed' })).toHaveCount(1);
  await shot(page, 'scorecards-rep-dispute');

  // --- the manager resolves it (partly, with a corrected score)
  await actAs(page, host, nina.id, 'manager');
  await page.goto(host.url + '#/calls?tab=disputes');
  const row = page.getByTestId('dispute-row').filter({ hasText: 'The customer interrupted me' });
  await row.getByTestId('resolve').click();
  await page.getByTestId('decision').getByText('Partly accepted').click();
  await page.getByTestId('new-value').locator('label').nth(2).click();
  await page.getByTestId('resolve-note').fill('Fair, partly: you did let them finish the second time.');
  await page.getByTestId('resolve-save').click();
  await expect(page.getByTestId('dispute-row').filter({ hasText: 'The customer interrupted me' })).toHaveCount(0);
  await page.getByText('All', { exact: true }).click();
  await expect(page.getByTestId('dispute-row').filter({ hasText: 'The customer interrupted me' })).toContainText('Partly accepted → 3');

  // --- a 2-grader calibration on the Russian call
  await page.goto(host.url + '#/calls?tab=calibration');
  await page.getByTestId('new-calibration').click();
  await page.getByTestId('cal-title').fill('E2E calibration');
  await page.getByRole('combobox', { name: 'Calls' }).click({ force: true });
  await page.getByRole('option', { name: /Вектор \(e2e\)/ }).click();
  await page.getByTestId('cal-title').click();
  await page.getByRole('combobox', { name: 'Graders' }).click({ force: true });
  await page.getByRole('option', { name: 'Nina Orlova' }).click();
  await page.getByRole('option', { name: 'Tom Baker' }).click();
  await page.getByTestId('cal-title').click();
  await page.getByTestId('cal-create').click();
  await expect(page.getByTestId('calibration-view')).toBeVisible();
  await expect(page.getByText('Blind calibration')).toBeVisible();
  await page.getByTestId('cal-call').first().click();
  await expect(page.getByTestId('score-form')).toBeVisible();
  await answerAll(page, 'max');
  await page.getByTestId('submit-evaluation').click();
  await expect(page.getByTestId('save-state')).toContainText('Submitted');
  // The second grader scores through the API (blind: Nina cannot see it until she has submitted).
  const calId = Number(/calibration=(\d+)/.exec(page.url())![1]);
  const callId = Number(/calls\/(\d+)/.exec(ruUrl)![1]);
  await host.api('session.set', { personId: tom.id, role: 'manager' });
  const ev = await host.api<{
    evaluation: { id: number };
    version: { definition: { sections: { criteria: { id: number; scale: string; critical: boolean }[] }[] } };
  }>('scorecards.evaluations.start', { callId, calibrationId: calId });
  const answers: Record<string, { value: number; na: boolean; comment: string; evidenceMs: null }> = {};
  for (const s of ev.version.definition.sections)
    for (const c of s.criteria)
      answers[c.id] = { value: c.scale === 'yes_no' ? 1 : c.scale === '1_5' ? 2 : 1, na: false, comment: '', evidenceMs: null };
  await host.api('scorecards.evaluations.submit', { id: ev.evaluation.id, answers, summary: '' });
  await host.api('session.set', { personId: nina.id, role: 'manager' });
  await page.goto(host.url + `#/calls/calibration/${calId}`);
  await expect(page.getByTestId('calibration-report')).toBeVisible();
  await expect(page.getByTestId('bias-table')).toContainText('Lenient');
  await expect(page.getByTestId('bias-table')).toContainText('Harsh');
  await expect(page.getByTestId('per-criterion')).toContainText('n=');
  // agreement per criterion on its own scale: exact on yes/no, within one point on 1-5; summaries per scale
  await expect(page.getByTestId('calibration-report')).toContainText('Agreement, Yes / No criteria');
  await expect(page.getByTestId('calibration-report')).toContainText('α, Yes / No criteria (nominal)');
  await expect(page.getByTestId('per-criterion')).toContainText('exact match');
  await expect(page.getByTestId('per-criterion')).toContainText('within one point');
  await shot(page, 'scorecards-calibration-report');
});

test('rep home shows coaching; a call without audio says so; the demo calibration report', async ({ page, host }) => {
  const reps = await people(host, 'rep');
  const notes = await Promise.all(reps.map((r) => host.api<unknown[]>('scorecards.coaching.list', { repId: r.id })));
  const rep = reps[notes.findIndex((n) => n.length > 0)];
  await host.api('session.set', { personId: rep.id, role: 'rep' });
  await page.goto(host.url);
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.reload();
  await expect(page.getByTestId('coaching-note').first()).toBeVisible();
  await shot(page, 'scorecards-rep-home');
  const managers = await people(host, 'manager');
  await host.api('session.set', { personId: managers[0].id, role: 'manager' });
  await page.goto(host.url + '#/calls');
  await page.getByTestId('scored-filter').getByText('Scored', { exact: true }).click();
  await page.getByTestId('call-row').nth(3).click();
  await expect(page.getByTestId('no-audio')).toBeVisible();
  await shot(page, 'scorecards-call-no-audio');
  await page.goto(host.url + '#/calls?tab=calibration');
  await page.getByTestId('calibration-row').filter({ hasText: 'Q3 calibration' }).click();
  await expect(page.getByTestId('calibration-report')).toBeVisible();
  await expect(page.getByTestId('per-call').locator('tbody tr')).toHaveCount(5);
  await shot(page, 'scorecards-demo-calibration');
  for (const [lang, text] of [
    ['ru', 'Согласие, критерии Да / Нет'],
    ['zh', '一致率，是 / 否 评分项'],
  ] as const) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.reload();
    await expect(page.getByTestId('calibration-report')).toContainText(text);
    await shot(page, `scorecards-demo-calibration-${lang}`);
  }
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.reload();
  await page.goto(host.url + `#/people/${rep.id}`);
  await page.getByRole('tab', { name: 'Call scores' }).click();
  await expect(page.getByTestId('rep-scorecards')).toBeVisible();
  await expect(page.locator('.recharts-line').first()).toBeVisible();
  await shot(page, 'scorecards-rep-profile');

  // Scorecard builder: a new version from the published one, what-if, publish.
  await page.goto(host.url + '#/calls?tab=templates');
  await page.getByTestId('new-version').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  await page.getByLabel('Weight').first().fill('3');
  await shot(page, 'scorecards-builder');
  await page.getByTestId('builder-save').click();
  await page.getByTestId('what-if').click();
  await expect(page.getByTestId('what-if-result')).toContainText('Re-scored the last');
  await shot(page, 'scorecards-what-if');
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('templates')).toContainText('Archived');
});

test('disputes dashboard: waiting disputes by grader, criterion and age, in en/ru/zh', async ({ page, host }) => {
  const managers = await people(host, 'manager');
  await host.api('session.set', { personId: managers[0].id, role: 'manager' });
  const dash = await host.api<{ open: number; byGrader: { open: number }[]; byCriterion: { open: number }[] }>(
    'scorecards.disputes.dashboard',
    {},
  );
  expect(dash.open).toBeGreaterThan(0);
  await page.goto(host.url);
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.goto(host.url + '#/calls?tab=disputes');
    await page.reload();
    await expect(page.getByTestId('dash-open')).toContainText(String(dash.open));
    await expect(page.getByTestId('dash-graders').locator('tbody tr')).toHaveCount(dash.byGrader.length);
    await expect(page.getByTestId('dash-criteria').locator('tbody tr')).toHaveCount(dash.byCriterion.length);
    await expect(page.getByTestId('dispute-row')).toHaveCount(dash.open);
    if (lang === 'ru') await expect(page.getByTestId('dash-oldest')).toContainText(/\d+ (день|дня|дней)/);
    await shot(page, `scorecards-disputes-dashboard-${lang}`);
  }
  // the customer link is a real link: reachable with Tab, opened with Enter
  await page.getByTestId('dispute-row').first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/calls\/\d+/);
});
