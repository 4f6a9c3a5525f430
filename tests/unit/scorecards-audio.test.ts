import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AudioError, extOf, probeAudio } from '../../main/services/scorecards/audio';
import { tempDir } from './helpers/db';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real PCM WAV file: 16-bit mono at 8 kHz, a 440 Hz tone of `seconds`. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const n = Math.round(rate * seconds);
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

function save(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { file, size: bytes.length };
}

describe('probeAudio', () => {
  it('accepts a real WAV recording with its duration, MIME type and codec', async () => {
    const { file, size } = save('call.wav', wav(2));
    const info = await probeAudio(file, 'Call with ACME.WAV', size);
    expect(info.durationMs).toBe(2000);
    expect(info.mime).toBe('audio/wav');
    expect(info.codec).toMatch(/WAVE/i);
  });

  it('refuses an MP3 cut off in the middle (its header claims more audio than it holds)', async () => {
    const full = fs.readFileSync(path.join(__dirname, '..', '..', 'resources/demo/calls/call-en-northwind.mp3'));
    const whole = save('whole.mp3', full);
    expect((await probeAudio(whole.file, 'whole.mp3', whole.size)).mime).toBe('audio/mpeg');
    const { file, size } = save('cut.mp3', full.subarray(0, Math.floor(full.length / 4)));
    await expect(probeAudio(file, 'cut.mp3', size)).rejects.toThrow(/^"cut\.mp3" is cut off: it holds \d+ KB, but a \d+ s recording/);
  });

  it('a WAV cut short reports the audio it really holds (its length comes from the data, not a header claim)', async () => {
    const { file, size } = save('short.wav', wav(4).subarray(0, 44 + 8000));
    expect((await probeAudio(file, 'short.wav', size)).durationMs).toBe(500);
  });

  it('refuses a text file named .mp3, and an extension that is not audio', async () => {
    const { file, size } = save('notes.mp3', Buffer.from('These are my call notes, not audio.\n'.repeat(20)));
    const err = await probeAudio(file, 'notes.mp3', size).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AudioError);
    expect((err as Error).message).toMatch(/^"notes\.mp3" is not an audio recording or is damaged/);
    expect((err as Error).message).not.toContain(dir); // never the temp path
    await expect(probeAudio(file, 'notes.txt', size)).rejects.toThrow('"notes.txt" is not a supported recording');
  });

  it('reads the extension case-insensitively', () => {
    expect(extOf('A.B.Opus')).toBe('opus');
    expect(extOf('no-extension')).toBe('');
  });
});
