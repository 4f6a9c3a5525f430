/**
 * Listening on the live-call screen, in real Chromium with a fake microphone playing a
 * generated 440 Hz tone (tests/fixtures/speech, 48 kHz): the AudioWorklet's 16 kHz mono
 * frames reach the host's speech session with the right duration, pitch and level; with no
 * model set, the rep is told so (with the way to Settings) while the level meter shows the
 * microphone works. Settings → Speech checks each model folder at once (empty, wrong files,
 * right names with dummy content, a model that crashes the native loader) and shows the
 * message under the field. A browser that refuses the microphone gets the permission message.
 * Recognition itself cannot run here (no model can be downloaded). Screenshots in en/ru/zh.
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, openAt, shot, ROOT } from './host';

const WAV = path.join(ROOT, 'tests', 'fixtures', 'speech', 'tone-440hz-48k-mono.wav');
/** 2 s of a 440 Hz sine at half scale, 48 kHz mono 16-bit (Chromium loops the file). */
function writeTone() {
  const rate = 48_000;
  const n = rate * 2;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) data.writeInt16LE(Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  fs.mkdirSync(path.dirname(WAV), { recursive: true });
  fs.writeFileSync(WAV, Buffer.concat([h, data]));
}
if (!fs.existsSync(WAV)) writeTone();

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...BASE_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${WAV}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
});
test.describe.configure({ mode: 'serial' });

interface Stats {
  frames: number;
  ms: number;
  sampleRate: number;
  rms: number;
  peak: number;
  lastHz: number;
}
interface Status {
  mixed: boolean;
  recognizer: { state: string; problem?: { code: string } };
  channels: { rep?: Stats; customer?: Stats };
}

const ONNX_LIKE = Buffer.concat([Buffer.from([0x08, 0x07, 0x12, 0x07]), Buffer.from('pytorch'), Buffer.alloc(4096)]);
const MODEL_FILES = ['encoder-epoch-99-avg-1.onnx', 'decoder-epoch-99-avg-1.onnx', 'joiner-epoch-99-avg-1.onnx'];
const EN_TOKENS = ['<blk> 0', ...'▁THE ▁PRICE S ▁TOO ▁EXPENSIVE ▁CALL ING ▁HELLO'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');
const RU_TOKENS = ['<blk> 0', ...'▁при вет ▁как ▁дела ▁до рого ▁це на'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');
const fakes = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-speech-models-'));
function folder(name: string, files: string[], content: Buffer | string, tokens: string | null) {
  const d = path.join(fakes, name);
  fs.mkdirSync(d, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(d, f), content);
  if (tokens !== null) fs.writeFileSync(path.join(d, 'tokens.txt'), tokens);
  return d;
}
test.afterAll(() => fs.rmSync(fakes, { recursive: true, force: true }));

async function openLive(page: Page, url: string, lang: 'en' | 'ru' | 'zh') {
  await openAt(page, url, '/live', lang, page.getByTestId('guidance'));
  await page.getByTestId('guidance-source').locator('label').nth(3).click(); // Listen
}

test("Listen: the fake microphone's tone reaches the speech session as 16 kHz mono frames; no model → the plain message and the way to Settings", async ({
  page,
  host,
}) => {
  await page.context().grantPermissions(['microphone']);
  for (const lang of ['en', 'ru', 'zh'] as const) {
    await openLive(page, host.url, lang);
    await page.getByTestId('guidance-start').click();
    await expect(page.getByTestId('guidance-running')).toBeVisible();
    const listen = page.getByTestId('listen');
    await expect(page.getByTestId('listen-recognizer-problem')).toContainText(
      { en: 'No speech model is set for English', ru: 'не выбрана модель', zh: '尚未为中文设置' }[lang],
    );
    await expect(page.getByTestId('listen-channels')).toContainText(
      { en: 'One mixed channel', ru: 'Один общий канал', zh: '单一混合声道' }[lang],
    );
    // the meter moves: the tone is about −9 dBFS
    await expect
      .poll(async () => Number(await page.getByTestId('listen-level-rep').getAttribute('data-value')), { timeout: 5000 })
      .toBeGreaterThan(60);
    const sessionId = await listen.getAttribute('data-session');
    expect(sessionId).toBeTruthy();
    const t0 = Date.now();
    const first = await host.api<Status>('speech.capture.status', { sessionId });
    await page.waitForTimeout(2500);
    const later = await host.api<Status>('speech.capture.status', { sessionId });
    const wall = Date.now() - t0;
    expect(later.mixed).toBe(true);
    expect(later.channels.customer).toBeUndefined();
    expect(later.recognizer).toMatchObject({ state: 'off', problem: { code: 'no_model_set' } });
    const rep = later.channels.rep!;
    expect(rep.sampleRate).toBe(16_000);
    // the audio arrives as fast as time passes (a wrong rate label would make it 3× too long or short)
    const gained = rep.ms - first.channels.rep!.ms;
    expect(gained).toBeGreaterThan(wall * 0.75);
    expect(gained).toBeLessThan(wall * 1.25);
    // the tone's pitch and level survive capture, the worklet and the trip
    expect(Math.abs(rep.lastHz - 440)).toBeLessThan(25);
    expect(rep.rms).toBeGreaterThan(0.2);
    expect(rep.rms).toBeLessThan(0.45);
    await expect(page.getByTestId('listen-sent')).toContainText(/\d+\.\d/);
    await listen.scrollIntoViewIfNeeded();
    await shot(page, `speech-listen-no-model-${lang}`);
    await page.getByTestId('guidance-start').click(); // stop
    await expect(page.getByTestId('guidance-running')).toBeHidden();
    await expect
      .poll(async () =>
        host.api<Status>('speech.capture.status', { sessionId }).then(
          () => 'open',
          (e: Error) => e.message,
        ),
      )
      .toMatch(/ended/);
  }
  // the way to Settings → Speech
  await openLive(page, host.url, 'en');
  await page.getByTestId('guidance-start').click();
  await page.getByTestId('listen-open-settings').click();
  await expect(page.getByTestId('speech-settings')).toBeVisible();
  await expect(page.getByTestId('speech-settings')).toBeInViewport();
});

test('Settings → Speech checks each folder at once and says what is wrong under the field; a model that crashes the loader is reported, the app lives on', async ({
  page,
  host,
}) => {
  await page.context().grantPermissions(['microphone']);
  await page.goto(host.url);
  await page.evaluate(() => localStorage.setItem('workbench.lang', 'en'));
  await page.goto(`${host.url}#/settings`);
  await page.reload();
  const row = page.getByTestId('speech-model-en');
  await expect(row).toBeVisible();
  await expect(page.getByTestId('speech-system-audio')).toContainText('share the softphone');
  const field = page.getByTestId('speech-folder-en');
  const check = async (dir: string, expected: RegExp) => {
    await field.fill(dir);
    await page.getByTestId('speech-check-en').click();
    await expect(row).toContainText(expected);
  };
  await check(path.join(fakes, 'nowhere'), /There is no folder ".*nowhere"/);
  await check(
    folder('empty', [], '', null),
    /is not a streaming speech model: encoder\*\.onnx, decoder\*\.onnx, joiner\*\.onnx, tokens\.txt missing/,
  );
  await check(folder('wrong-files', ['model.bin', 'README.md'], 'x', null), /is not a streaming speech model/);
  await check(folder('dummy', MODEL_FILES, 'dummy content', EN_TOKENS), /"encoder-epoch-99-avg-1\.onnx" in ".*dummy" is not an ONNX model/);
  await check(folder('ru-model', MODEL_FILES, ONNX_LIKE, RU_TOKENS), /recognises Russian, not English/);
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'speech-settings-error-en');
  // nothing wrong was kept
  expect((await host.api<{ models: { en: { folder: string | null } } }>('speech.settings.get')).models.en.folder).toBeNull();
  // right names, ONNX-looking content: passes the checks and is kept
  const crashing = folder('crashing', MODEL_FILES, ONNX_LIKE, EN_TOKENS);
  await field.fill(crashing);
  await page.getByTestId('speech-check-en').click();
  await expect(page.getByTestId('speech-ready-en')).toBeVisible();
  expect((await host.api<{ models: { en: { folder: string | null } } }>('speech.settings.get')).models.en.folder).toBe(crashing);
  await page.getByTestId('speech-settings').scrollIntoViewIfNeeded();
  await shot(page, 'speech-settings-en');

  // Listen with it: the native loader dies in its own process; the rep gets the message and the host still answers
  await openLive(page, host.url, 'en');
  await page.getByTestId('guidance-start').click();
  await expect(page.getByTestId('listen-recognizer-problem')).toContainText('The speech recogniser stopped unexpectedly', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('listen-level-rep')).toBeVisible();
  expect((await host.api<{ version: string }>('app.about')).version).toBeTruthy();
  await page.getByTestId('listen').scrollIntoViewIfNeeded();
  await shot(page, 'speech-listen-crashed-en');
  await page.getByTestId('guidance-start').click();

  // the same checks read in Russian and Chinese
  for (const lang of ['ru', 'zh'] as const) {
    await page.evaluate((l) => localStorage.setItem('workbench.lang', l), lang);
    await page.goto(`${host.url}#/settings`);
    await page.reload();
    const f = page.getByTestId('speech-folder-ru');
    await f.fill(path.join(fakes, 'dummy'));
    await page.getByTestId('speech-check-ru').click();
    await expect(page.getByTestId('speech-model-ru')).toContainText({ ru: 'не модель ONNX', zh: '不是 ONNX 模型' }[lang]);
    await page.getByTestId('speech-folder-zh').fill(path.join(fakes, 'ru-model'));
    await page.getByTestId('speech-check-zh').click();
    await expect(page.getByTestId('speech-model-zh')).toContainText({ ru: 'распознаёт язык «русский»', zh: '识别的是俄语' }[lang]);
    await page.getByTestId('speech-settings').scrollIntoViewIfNeeded();
    await shot(page, `speech-settings-${lang}`);
  }
});

test('a browser that refuses the microphone: the rep is told how to allow it', async ({ host }) => {
  // no fake-UI flag and no granted permission: Chromium refuses the microphone
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BASE_ARGS, '--use-fake-device-for-media-stream'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    for (const lang of ['en', 'ru', 'zh'] as const) {
      await openLive(page, host.url, lang);
      await page.getByTestId('guidance-start').click();
      await expect(page.getByTestId('listen-problem')).toContainText(
        { en: 'Microphone access was refused', ru: 'Доступ к микрофону запрещён', zh: '麦克风访问被拒绝' }[lang],
      );
      await expect(page.getByTestId('guidance-running')).toBeHidden();
      await page.getByTestId('listen').scrollIntoViewIfNeeded();
      await shot(page, `speech-permission-denied-${lang}`);
    }
  } finally {
    await browser.close();
  }
});
