/**
 * Listening from the live-call screen, on the main side: Settings → Speech keeps a model
 * folder per language only after the adapter's checks pass (each wrong folder refused with
 * its message on the field); a capture session counts the 16 kHz frames it receives
 * (duration, level, pitch), is bound to its person, says plainly when no model is set, and
 * survives a model whose files crash the native loader (the recogniser is a child process).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/contract';
import type { TranscriptEvent } from '../../shared/guidance/types';
import { CaptureSessions, decodePcm16, type CaptureDeps } from '../../main/services/guidance/speech/capture';
import { setModelFolder, speechSettings, SpeechSettingsFile } from '../../main/services/guidance/speech/settings';

let dir: string;
let workerFile: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-capture-'));
  const out = path.join(__dirname, '..', '..', 'test-results', 'speech-capture-worker');
  await build({
    entryPoints: { 'speech-worker': path.join(__dirname, '../../main/services/guidance/speech/speech-worker.ts') },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sherpa-onnx-node'],
    logLevel: 'warning',
  });
  workerFile = path.join(out, 'speech-worker.cjs');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ONNX_LIKE = Buffer.concat([Buffer.from([0x08, 0x07, 0x12, 0x07]), Buffer.from('pytorch'), Buffer.alloc(4096)]);
const MODEL_FILES = ['encoder-epoch-99-avg-1.onnx', 'decoder-epoch-99-avg-1.onnx', 'joiner-epoch-99-avg-1.onnx'];
const EN_TOKENS = ['<blk> 0', ...'▁THE ▁PRICE S ▁TOO ▁EXPENSIVE ▁CALL ING ▁HELLO'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');
const RU_TOKENS = ['<blk> 0', ...'▁при вет ▁как ▁дела ▁до рого ▁це на'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');

function folder(name: string, files: string[], content: Buffer | string, tokens: string | null) {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(d, f), content);
  if (tokens !== null) fs.writeFileSync(path.join(d, 'tokens.txt'), tokens);
  return d;
}

/** 16 kHz signed 16-bit PCM of a tone, base64, as the page's worklet sends it. */
function tonePcm(ms: number, hz: number, amp: number, rate = 16_000) {
  const n = Math.round((rate * ms) / 1000);
  const b = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(amp * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  return b.toString('base64');
}

function refused(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('Settings → Speech: the model folder per language', () => {
  it('refuses each wrong folder with its message on the field, keeps nothing', () => {
    const data = path.join(dir, 'data1');
    const cases = [
      [path.join(dir, 'nowhere'), 'speech.model.no_folder'],
      [folder('empty', [], '', null), 'speech.model.no_model'],
      [folder('wrong-files', ['model.bin', 'readme.txt'], 'x', null), 'speech.model.no_model'],
      [folder('dummy', MODEL_FILES, 'dummy content', EN_TOKENS), 'speech.model.bad_model'],
      [folder('ru-model', MODEL_FILES, ONNX_LIKE, RU_TOKENS), 'speech.model.wrong_language'],
    ] as const;
    for (const [f, key] of cases) {
      const e = refused(() => setModelFolder(data, 'en', f));
      expect(e.field).toBe('folder');
      expect(e.localized?.key, f).toBe(key);
    }
    const empty = refused(() => setModelFolder(data, 'en', path.join(dir, 'empty')));
    expect(empty.localized?.params).toMatchObject({ missing: 'encoder*.onnx, decoder*.onnx, joiner*.onnx, tokens.txt' });
    expect(refused(() => setModelFolder(data, 'en', path.join(dir, 'ru-model'))).localized?.params).toMatchObject({
      model: 'ru',
      language: 'en',
    });
    expect(speechSettings(data, 'browser').models.en.folder).toBeNull();
  });

  it('keeps a folder that passes, per language; a folder moved away later shows its problem', () => {
    const data = path.join(dir, 'data2');
    const en = folder('en-ok', MODEL_FILES, ONNX_LIKE, EN_TOKENS);
    setModelFolder(data, 'en', en);
    const s = speechSettings(data, 'electron', 'linux');
    expect(s.models.en).toEqual({ folder: en, problem: null });
    expect(s.models.ru).toEqual({ folder: null, problem: null });
    expect(s.systemAudio).toBe('none');
    expect(speechSettings(data, 'electron', 'win32').systemAudio).toBe('loopback');
    expect(speechSettings(data, 'browser').systemAudio).toBe('share');
    fs.renameSync(en, en + '-moved');
    expect(speechSettings(data, 'browser').models.en.problem?.code).toBe('no_folder');
    setModelFolder(data, 'en', null);
    expect(new SpeechSettingsFile(data).read()).toEqual({});
  });
});

describe('capture sessions', () => {
  const deps = (over: Partial<CaptureDeps> = {}): CaptureDeps => ({
    onWords: () => undefined,
    modelFolder: () => null,
    workerFile: () => workerFile,
    ...over,
  });

  it('without a model: says so, and still counts what arrives (16 kHz mono, duration, level, pitch)', () => {
    const sessions = new CaptureSessions();
    const s = sessions.start(1, 'ru', ['rep'], deps());
    expect(s.mixed).toBe(true);
    expect(s.recognizer).toMatchObject({
      state: 'off',
      problem: { code: 'no_model_set', key: 'speech.noModelSet', params: { language: 'ru' } },
    });
    let last = s;
    for (let k = 0; k < 20; k++)
      last = sessions.push(1, s.sessionId, [{ channel: 'rep', atMs: k * 100, sampleRate: 16_000, pcm: tonePcm(100, 440, 0.5) }]);
    expect(last.channels.rep).toMatchObject({ frames: 20, ms: 2000, sampleRate: 16_000 });
    expect(last.channels.rep!.rms).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(last.channels.rep!.peak).toBeGreaterThan(0.49);
    expect(Math.abs(last.channels.rep!.lastHz - 440)).toBeLessThanOrEqual(10);
    sessions.stopAll();
  });

  it('a 48 kHz frame is resampled to 16 kHz before it is counted', () => {
    const sessions = new CaptureSessions();
    const s = sessions.start(1, 'en', ['rep', 'customer'], deps());
    expect(s.mixed).toBe(false);
    const r = sessions.push(1, s.sessionId, [{ channel: 'customer', atMs: 0, sampleRate: 48_000, pcm: tonePcm(500, 300, 0.25, 48_000) }]);
    expect(r.channels.customer).toMatchObject({ frames: 1, ms: 500, sampleRate: 16_000 });
    expect(r.channels.rep).toMatchObject({ frames: 0, ms: 0 });
    expect(Math.abs(r.channels.customer!.lastHz - 300)).toBeLessThanOrEqual(6);
    sessions.stopAll();
  });

  it('a session belongs to its person; a new Listen ends the old one; stop ends it', () => {
    const sessions = new CaptureSessions();
    const a = sessions.start(7, 'en', ['rep'], deps());
    const frame = { channel: 'rep' as const, atMs: 0, sampleRate: 16_000, pcm: tonePcm(100, 200, 0.1) };
    expect(refused(() => sessions.push(8, a.sessionId, [frame])).localized?.key).toBe('speech.sessionEnded');
    const b = sessions.start(7, 'en', ['rep'], deps());
    expect(refused(() => sessions.push(7, a.sessionId, [frame])).code).toBe('not_found');
    expect(sessions.push(7, b.sessionId, [frame]).channels.rep?.frames).toBe(1);
    expect(sessions.stop(7, b.sessionId)).toEqual({ stopped: true });
    expect(refused(() => sessions.status(7, b.sessionId)).code).toBe('not_found');
  });

  it('PCM decoding: Int16 little-endian to [-1, 1]', () => {
    const b = Buffer.alloc(6);
    b.writeInt16LE(32767, 0);
    b.writeInt16LE(-32768, 2);
    b.writeInt16LE(0, 4);
    expect([...decodePcm16(b.toString('base64'))].map((v) => Math.round(v * 1000) / 1000)).toEqual([1, -1, 0]);
  });

  it('model files that pass the checks but crash the native loader: a clear message, and this process lives on', async () => {
    const sessions = new CaptureSessions();
    const words: TranscriptEvent[] = [];
    const model = folder('crashing', MODEL_FILES, ONNX_LIKE, EN_TOKENS);
    const s = sessions.start(3, 'en', ['rep', 'customer'], deps({ modelFolder: () => model, onWords: (e) => words.push(...e) }));
    expect(s.recognizer.state).toBe('starting');
    let state = s.recognizer;
    for (let i = 0; i < 100 && state.state === 'starting'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = sessions.status(3, s.sessionId).recognizer;
    }
    expect(state).toMatchObject({ state: 'failed', problem: { code: 'crashed', key: 'speech.crashed' } });
    // frames still arrive and are counted; nothing is heard
    expect(
      sessions.push(3, s.sessionId, [{ channel: 'rep', atMs: 0, sampleRate: 16_000, pcm: tonePcm(100, 440, 0.3) }]).channels.rep?.frames,
    ).toBe(1);
    expect(words).toEqual([]);
    sessions.stopAll();
  }, 30_000);
});
