/**
 * The sherpa-onnx adapter without a model (none can be downloaded here): the audio pipeline
 * (WAV → mono → 16 kHz → 100 ms chunks) on generated tone files, and clear messages for no
 * model, a wrong folder and a model for another language — in-process and through the real
 * worker thread, which also proves the native sherpa-onnx-node module loads offline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioError, chunks, MODEL_RATE, prepare, readWav, resample, toMono } from '../../main/services/guidance/speech/audio';
import { checkModel, ModelError, tokenLanguages } from '../../main/services/guidance/speech/model';
import { loadSherpa } from '../../main/services/guidance/speech/recognizer';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A WAV file of a sine tone: 16-bit integer or 32-bit float, any rate and channel count. */
function toneWav(o: { rate: number; channels: number; seconds: number; hz: number; float?: boolean }): Buffer {
  const frames = Math.round(o.rate * o.seconds);
  const bytes = o.float ? 4 : 2;
  const data = Buffer.alloc(frames * o.channels * bytes);
  for (let i = 0; i < frames; i++) {
    const v = 0.5 * Math.sin((2 * Math.PI * o.hz * i) / o.rate);
    for (let c = 0; c < o.channels; c++) {
      const p = (i * o.channels + c) * bytes;
      if (o.float) data.writeFloatLE(v, p);
      else data.writeInt16LE(Math.round(v * 32767), p);
    }
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(o.float ? 3 : 1, 20);
  h.writeUInt16LE(o.channels, 22);
  h.writeUInt32LE(o.rate, 24);
  h.writeUInt32LE(o.rate * o.channels * bytes, 28);
  h.writeUInt16LE(o.channels * bytes, 32);
  h.writeUInt16LE(bytes * 8, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Dominant frequency by counting upward zero crossings. */
function frequency(s: Float32Array, rate: number) {
  let n = 0;
  for (let i = 1; i < s.length; i++) if (s[i - 1] < 0 && s[i] >= 0) n++;
  return n / (s.length / rate);
}

describe('audio pipeline', () => {
  it('44.1 kHz stereo 16-bit tone file → 16 kHz mono, same pitch and length, 100 ms chunks', () => {
    const file = path.join(dir, 'tone-44k-stereo.wav');
    fs.writeFileSync(file, toneWav({ rate: 44_100, channels: 2, seconds: 2, hz: 440 }));
    const pcm = readWav(fs.readFileSync(file));
    expect(pcm.sampleRate).toBe(44_100);
    expect(pcm.channels.length).toBe(2);
    const parts = prepare(pcm);
    expect(parts.length).toBe(20);
    expect(parts.every((p) => p.samples.length === 1600)).toBe(true);
    expect(parts.map((p) => p.atMs).slice(0, 3)).toEqual([0, 100, 200]);
    const mono16 = resample(toMono(pcm.channels), pcm.sampleRate);
    expect(mono16.length).toBe(32_000);
    expect(frequency(mono16, MODEL_RATE)).toBeCloseTo(440, -1);
    // amplitude kept (no gain loss from the filter), away from the edges
    const mid = mono16.subarray(8000, 24_000);
    expect(Math.max(...mid)).toBeGreaterThan(0.45);
    expect(Math.max(...mid)).toBeLessThan(0.55);
  });
  it('48 kHz float tone: a frequency above 8 kHz is filtered out, not folded into the speech band', () => {
    const pcm = readWav(toneWav({ rate: 48_000, channels: 1, seconds: 1, hz: 11_000, float: true }));
    const out = resample(toMono(pcm.channels), 48_000);
    expect(out.length).toBe(16_000);
    const rms = Math.sqrt(out.subarray(1000, 15_000).reduce((a, v) => a + v * v, 0) / 14_000);
    expect(rms).toBeLessThan(0.05); // the 0.35 RMS input is gone
  });
  it('mixes channels and chunks a stream with a short last chunk', () => {
    const m = toMono([new Float32Array([1, 0, 1]), new Float32Array([0, 0, -1])]);
    expect([...m]).toEqual([0.5, 0, 0]);
    const c = [...chunks(new Float32Array(3900), 16_000, 100)];
    expect(c.map((x) => x.samples.length)).toEqual([1600, 1600, 700]);
  });
  it('refuses what is not a PCM WAV with a clear message', () => {
    expect(() => readWav(Buffer.from('not audio at all'))).toThrow(AudioError);
    expect(() => readWav(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'calls', 'not-audio.wav')))).toThrow(/WAV/);
  });
});

/** Bytes that pass the ONNX header check (ir_version 7) without being a loadable model. */
const ONNX_LIKE = Buffer.concat([Buffer.from([0x08, 0x07, 0x12, 0x07]), Buffer.from('pytorch'), Buffer.alloc(4096)]);
function fakeModel(
  name: string,
  tokens: string,
  files = ['encoder-epoch-99-avg-1.int8.onnx', 'decoder-epoch-99-avg-1.onnx', 'joiner-epoch-99-avg-1.onnx'],
  content: Buffer | string = ONNX_LIKE,
) {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(d, f), content);
  fs.writeFileSync(path.join(d, 'tokens.txt'), tokens);
  return d;
}
const RU_TOKENS = ['<blk> 0', ...'▁при вет ▁как ▁дела ▁до рого ▁це на ▁по ставка ▁ско лько'.split(' ').map((t, i) => `${t} ${i + 1}`)].join(
  '\n',
);
const EN_TOKENS = ['<blk> 0', ...'▁THE ▁PRICE S ▁TOO ▁EXPENSIVE ▁CALL ING ▁HELLO'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');
const ZH_EN_TOKENS = ['<blk> 0', ...'价 格 太 高 贵 了 ▁THE ▁PRICE ▁HELLO'.split(' ').map((t, i) => `${t} ${i + 1}`)].join('\n');

describe('model checks (clear messages, no native crash)', () => {
  const fail = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      return (e as ModelError).problem;
    }
    throw new Error('expected a ModelError');
  };
  it('no model folder', () => {
    const p = fail(() => checkModel(path.join(dir, 'missing'), 'ru'));
    expect(p.code).toBe('no_folder');
    expect(p.message).toMatch(/Russian streaming model/);
  });
  it('a wrong folder: a file, or a folder without a streaming model', () => {
    fs.writeFileSync(path.join(dir, 'a-file.txt'), 'x');
    expect(fail(() => checkModel(path.join(dir, 'a-file.txt'), 'en')).code).toBe('not_a_folder');
    const p = fail(() => checkModel(fakeModel('only-tokens', EN_TOKENS, ['model.onnx']), 'en'));
    expect(p).toMatchObject({ code: 'no_model', missing: ['encoder*.onnx', 'decoder*.onnx', 'joiner*.onnx'] });
  });
  it('a model for another language', () => {
    const p = fail(() => checkModel(fakeModel('ru-model', RU_TOKENS), 'en'));
    expect(p).toMatchObject({ code: 'wrong_language', modelLanguages: ['ru'] });
    expect(p.message).toMatch(/recognises Russian, but this call is in English/);
  });
  it('model files with the right names but dummy content: a clear message, never the native loader (which aborts the process)', () => {
    const p = fail(() => checkModel(fakeModel('dummy', EN_TOKENS, undefined, 'dummy'), 'en'));
    expect(p).toMatchObject({ code: 'bad_model', file: 'encoder-epoch-99-avg-1.int8.onnx' });
    expect(p.message).toMatch(/not an ONNX model .*Download and unpack the model again/);
    const html = fail(() => checkModel(fakeModel('html', EN_TOKENS, undefined, '<!doctype html>' + ' '.repeat(5000)), 'en'));
    expect(html.code).toBe('bad_model');
  });
  it('a right model is accepted (the int8 encoder preferred); a bilingual model serves both languages', () => {
    const ok = checkModel(
      fakeModel('en-model', EN_TOKENS, [
        'encoder-epoch-99-avg-1.onnx',
        'encoder-epoch-99-avg-1.int8.onnx',
        'decoder-x.onnx',
        'joiner-x.onnx',
      ]),
      'en',
    );
    expect(path.basename(ok.encoder)).toBe('encoder-epoch-99-avg-1.int8.onnx');
    expect(tokenLanguages(ZH_EN_TOKENS)).toEqual(['en', 'zh']);
    expect(checkModel(fakeModel('zh-en', ZH_EN_TOKENS), 'zh').languages).toEqual(['en', 'zh']);
  });
  it('the native sherpa-onnx-node module loads offline', () => {
    expect(typeof loadSherpa().OnlineRecognizer).toBe('function');
  });
});

describe('speech worker thread', () => {
  let workerFile: string;
  beforeAll(async () => {
    // inside the repository, so the bundle resolves sherpa-onnx-node from node_modules
    const out = path.join(__dirname, '..', '..', 'test-results', 'speech-worker');
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
  const ask = (msg: unknown) =>
    new Promise<{ type: string; code?: string; message?: string }>((resolve, reject) => {
      const w = new Worker(workerFile);
      w.once('message', (m: { type: string }) => {
        void w.terminate();
        resolve(m);
      });
      w.once('error', reject);
      w.postMessage(msg);
    });
  it('answers each bad model with its clear message, off the main thread', async () => {
    expect(await ask({ type: 'start', modelDir: path.join(dir, 'nowhere'), language: 'zh', channels: ['rep', 'customer'] })).toMatchObject({
      type: 'error',
      code: 'no_folder',
      message: expect.stringMatching(/Chinese/),
    });
    expect(
      await ask({ type: 'start', modelDir: fakeModel('w-junk', EN_TOKENS, ['notes.txt']), language: 'en', channels: ['rep'] }),
    ).toMatchObject({ type: 'error', code: 'no_model' });
    expect(await ask({ type: 'start', modelDir: fakeModel('w-ru', RU_TOKENS), language: 'zh', channels: ['rep'] })).toMatchObject({
      type: 'error',
      code: 'wrong_language',
    });
  }, 60_000);
});
