/**
 * A manager scores the 11-criterion demo call with the keyboard only: the waveform
 * takes a comment at the clicked moment (spaces type, they do not toggle playback),
 * `>` speeds up, digits score and move on, N marks N/A, C comments at the playback
 * time, the overall feedback keeps every character typed right after rating, and
 * Ctrl+Enter submits. Suggestions show their transcript evidence. Another call
 * opened by its address shows none of this call's evaluation. A coaching note is
 * written from the call, linked to the call, the moment and the criterion.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, shot, test } from './host';

interface Crit {
  id: number;
  scale: string;
  naAllowed: boolean;
}
interface Version {
  definition: { sections: { kind: string; criteria: Crit[] }[] };
}

async function openAs(
  page: Page,
  host: { api<T>(m: string, i?: unknown): Promise<T>; url: string },
  email: string,
  role: string,
  lang: string,
) {
  const people = (await host.api<{ rows: { id: number; email: string }[] }>('people.list', { role, limit: 100 })).rows;
  const me = people.find((p) => p.email === email)!;
  await host.api('session.set', { personId: me.id, role });
  await page.goto(host.url);
  await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
  return me;
}

test('score an 11-criterion call from the keyboard, comment on the waveform, coach from the call', async ({ page, host }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAs(page, host, 'nina.orlova@example.com', 'manager', 'en');
  const calls = await host.api<{ rows: { id: number; customer: string; score: number | null }[] }>('scorecards.calls.list', {
    query: 'Northwind',
    limit: 5,
  });
  const call = calls.rows.find((r) => r.customer === 'Northwind Supplies')!;
  const other = (await host.api<{ rows: { id: number }[] }>('scorecards.calls.list', { scored: 'unscored', limit: 5 })).rows.find(
    (r) => r.id !== call.id,
  )!;
  const version = await host.api<Version>('scorecards.versions.current', {});
  const crits = version.definition.sections.flatMap((s) => s.criteria);
  expect(crits).toHaveLength(11);

  // Opened by its address.
  await page.goto(`${host.url}#/calls/${call.id}`);
  await expect(page.locator('[data-testid="waveform"][data-ready="1"]')).toBeVisible({ timeout: 20_000 });

  // Clicking the waveform focuses a comment at that moment; spaces are typed, playback does not start.
  const wave = page.getByTestId('waveform');
  const box = (await wave.boundingBox())!;
  await wave.click({ position: { x: box.width * 0.4, y: box.height / 2 } });
  await expect(page.getByTestId('comment-input')).toBeFocused();
  await page.keyboard.type('Good pause before the price');
  await expect(page.getByTestId('comment-input')).toHaveValue('Good pause before the price');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comment-body')).toContainText('Good pause before the price');
  await page.keyboard.press('Escape');
  // ">" speeds playback up, "<" slows it down (matched on the character, not on shift+period).
  await page.keyboard.press('>');
  await expect(page.getByTestId('speed').locator('input[value="1.25"]')).toBeChecked();
  await page.keyboard.press('>');
  await page.keyboard.press('<');
  await expect(page.getByTestId('speed').locator('input[value="1.25"]')).toBeChecked();

  // Start scoring with Enter on the focused button; then score all 11 with keys.
  await page.getByTestId('start-scoring').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('score-form')).toBeVisible();
  // Suggestions come with the transcript lines behind them.
  const cov = await host.api<{ suggestions: { criterionId: number; evidence: { snippet: string }[] }[] }>('scorecards.calls.coverage', {
    callId: call.id,
  });
  expect(cov.suggestions.length).toBeGreaterThan(0);
  for (const s of cov.suggestions)
    await expect(page.getByTestId(`suggest-${s.criterionId}`).getByTestId('suggest-snippet').first()).toHaveText(
      `“${s.evidence[0].snippet}”`,
    );
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  for (const [i, c] of crits.entries()) {
    await expect(page.locator(`[data-criterion="${c.id}"]`)).toHaveAttribute('data-current', '1');
    if (i === 1) {
      // C: a comment at the playback time, then Esc back to scoring.
      await page.keyboard.press('c');
      await expect(page.getByTestId(`comment-${c.id}`)).toBeFocused();
      await page.keyboard.type('Asked 3 open questions; 5 would be better');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(`evidence-time-${c.id}`)).toBeVisible();
    }
    if (c.naAllowed && c.scale === 'yes_no') await page.keyboard.press('n');
    else await page.keyboard.press(c.scale === 'yes_no' ? '1' : '4');
  }
  await expect(page.getByTestId(`comment-${crits[1].id}`)).toHaveValue('Asked 3 open questions; 5 would be better');
  const n = await page.getByTestId('score-form').locator('[data-testid^="answer-"] input:checked').count();
  expect(n).toBe(11);
  // The overall feedback, typed at once after the last rating, keeps every character.
  await page.getByTestId('summary').focus();
  const feedback = 'Question about the service was handled well; next time confirm the delivery date.';
  await page.keyboard.type(feedback, { delay: 5 });
  await expect(page.getByTestId('summary')).toHaveValue(feedback);
  await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/, { timeout: 5000 });
  await shot(page, 'scorecards-keyboard-en');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('call-score')).toBeVisible();
  const saved = await host.api<{ summary: string; answers: Record<string, { comment: string }> }>('scorecards.evaluations.get', {
    id: (
      await host.api<{ evaluationsList: { id: number; status: string; grader: { id: number } }[] }>('scorecards.calls.get', { id: call.id })
    ).evaluationsList.find((e) => e.status === 'submitted')!.id,
  });
  expect(saved.summary).toBe(feedback);
  expect(saved.answers[crits[1].id].comment).toBe('Asked 3 open questions; 5 would be better');
  await shot(page, 'scorecards-keyboard-submitted-en');

  // A coaching note from the call: linked to the call, the moment and the current criterion.
  await page.getByTestId('call-coaching').click();
  await page.getByTestId('coaching-body').fill('Listen to 0:20: let the customer finish before answering.');
  await page.getByTestId('coaching-save').click();
  await expect(page.getByTestId('coaching-body')).toBeHidden();
  const rep = (await host.api<{ rep: { id: number } }>('scorecards.calls.get', { id: call.id })).rep;
  const notes = await host.api<{ callId: number | null; atMs: number | null; criteria: unknown[]; body: string }[]>(
    'scorecards.coaching.list',
    { repId: rep.id, includeDone: true },
  );
  const note = notes.find((x) => x.body.startsWith('Listen to 0:20'))!;
  expect(note.callId).toBe(call.id);
  expect(note.atMs).not.toBeNull();

  // Another, unscored call opened by address shows nothing of this one.
  await page.goto(`${host.url}#/calls/${other.id}`);
  await expect(page.getByTestId('call-view')).toBeVisible();
  await expect(page.getByTestId('score-form')).toHaveCount(0);
  await expect(page.getByTestId('call-score')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('call-score')).toBeVisible();
  // The rep's name opens their profile.
  await page.getByTestId('call-rep').click();
  await expect(page).toHaveURL(new RegExp(`#/people/${rep.id}`));

  expect(errors).toEqual([]);
});

test('the scoring screen in Russian and Chinese; README screenshot of a real job', async ({ page, host }) => {
  await openAs(page, host, 'tom.baker@example.com', 'manager', 'ru');
  const calls = await host.api<{ rows: { id: number; customer: string }[] }>('scorecards.calls.list', { query: 'Вектор', limit: 5 });
  const call = calls.rows[0];
  for (const lang of ['ru', 'zh', 'en']) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.goto(`${host.url}#/calls/${call.id}`);
    await page.reload();
    await expect(page.locator('[data-testid="waveform"][data-ready="1"]')).toBeVisible({ timeout: 20_000 });
    if (lang === 'ru') {
      await page.getByTestId('start-scoring').click();
      await expect(page.getByTestId('score-form')).toBeVisible();
      for (let i = 0; i < 4; i++) await page.keyboard.press('4');
    } else await page.getByTestId('start-scoring').click();
    await expect(page.getByTestId('score-form')).toBeVisible();
    await shot(page, `scorecards-scoring-screen-${lang}`);
  }
  // The README shows a manager scoring a call.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
});

test('calibration says in plain words how reliable scoring is and exports; results export as CSV', async ({ page, host }) => {
  await openAs(page, host, 'nina.orlova@example.com', 'manager', 'en');
  await page.goto(host.url + '#/calls?tab=calibration');
  await page.getByTestId('calibration-row').filter({ hasText: 'Q3 calibration' }).click();
  const verdict = page.getByTestId('calibration-verdict');
  await expect(verdict).toBeVisible();
  const band = await verdict.getAttribute('data-band');
  expect(['reliable', 'tentative', 'unreliable']).toContain(band);
  await expect(verdict).toContainText(/α \d\.\d{2}/);
  await expect(page.getByTestId('discuss-first')).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Q3 calibration');
  expect(text).toMatch(/Krippendorff/);
  await shot(page, 'scorecards-calibration-verdict-en');
  for (const lang of ['ru', 'zh']) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.reload();
    await expect(page.getByTestId('calibration-verdict')).toBeVisible();
    await shot(page, `scorecards-calibration-verdict-${lang}`);
  }
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.goto(host.url + '#/calls');
  await page.getByTestId('results-export').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-csv-reps').click()]);
  const reps = fs.readFileSync(await dl.path(), 'utf8').split('\r\n');
  expect(reps[0]).toMatch(/^\uFEFFRep,Team,n,Score,/);
  expect(reps.length).toBeGreaterThan(10);
  await page.getByTestId('results-export').click();
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-csv-criteria').click()]);
  expect(
    fs
      .readFileSync(await dl2.path(), 'utf8')
      .split('\r\n')
      .filter(Boolean),
  ).toHaveLength(12);
});
