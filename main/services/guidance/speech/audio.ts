/**
 * The audio pipeline in front of speech recognition, as plain functions: read
 * PCM WAV, mix channels down to mono, resample to 16 kHz (what the streaming
 * models expect) and cut into fixed chunks for the recogniser. Browsers and OS
 * capture deliver 44.1/48 kHz, often stereo.
 */
export const MODEL_RATE = 16_000;

export interface Pcm {
  sampleRate: number;
  /** One Float32Array per channel, samples in [-1, 1]. */
  channels: Float32Array[];
}

export class AudioError extends Error {}

/** Reads a PCM WAV file (8/16/24/32-bit integer or 32-bit float). */
export function readWav(buf: Buffer): Pcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new AudioError('Not a WAV file (no RIFF/WAVE header).');
  let off = 12;
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        rate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
      if (fmt.format === 0xfffe && size >= 26) fmt.format = buf.readUInt16LE(body + 24); // WAVE_FORMAT_EXTENSIBLE: sub-format
    } else if (id === 'data') {
      if (!fmt) throw new AudioError('WAV data comes before its format chunk.');
      return { sampleRate: fmt.rate, channels: decode(buf.subarray(body, Math.min(buf.length, body + size)), fmt) };
    }
    off = body + size + (size % 2);
  }
  throw new AudioError('The WAV file has no audio data.');
}

function decode(data: Buffer, f: { format: number; channels: number; bits: number }): Float32Array[] {
  const bytes = f.bits / 8;
  if (!f.channels || ![8, 16, 24, 32].includes(f.bits) || (f.format !== 1 && f.format !== 3))
    throw new AudioError(`Unsupported WAV encoding (format ${f.format}, ${f.bits} bit).`);
  const frames = Math.floor(data.length / (bytes * f.channels));
  const out = Array.from({ length: f.channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < f.channels; c++) {
      const p = (i * f.channels + c) * bytes;
      let v: number;
      if (f.format === 3) v = data.readFloatLE(p);
      else if (f.bits === 8) v = (data[p] - 128) / 128;
      else if (f.bits === 16) v = data.readInt16LE(p) / 32768;
      else if (f.bits === 24) v = data.readIntLE(p, 3) / 8388608;
      else v = data.readInt32LE(p) / 2147483648;
      out[c][i] = v;
    }
  }
  return out;
}

/** Average of the channels (a single mixed channel when rep and customer cannot be told apart). */
export function toMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const n = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(n);
  for (const c of channels) for (let i = 0; i < n; i++) out[i] += c[i] / channels.length;
  return out;
}

/**
 * Resamples with a windowed-sinc low-pass (cut-off at the lower Nyquist), so downsampling
 * 48 kHz → 16 kHz does not fold high frequencies back into the speech band.
 */
export function resample(input: Float32Array, from: number, to = MODEL_RATE): Float32Array {
  if (from === to) return input;
  if (from <= 0 || to <= 0) throw new AudioError('Sample rates must be positive.');
  const ratio = to / from;
  const n = Math.floor(input.length * ratio);
  const out = new Float32Array(n);
  const cutoff = Math.min(1, ratio); // relative to the input Nyquist
  const half = 16; // taps on each side, in output-rate units scaled to the input
  const width = Math.ceil(half / cutoff);
  for (let i = 0; i < n; i++) {
    const center = i / ratio;
    const lo = Math.max(0, Math.floor(center) - width + 1);
    const hi = Math.min(input.length - 1, Math.floor(center) + width);
    let acc = 0;
    let norm = 0;
    for (let j = lo; j <= hi; j++) {
      const x = (j - center) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * (j - center)) / (width + 1)); // Hann window
      const k = sinc * w;
      acc += input[j] * k;
      norm += k;
    }
    out[i] = norm ? acc / norm : 0;
  }
  return out;
}

/** Cuts a stream into chunks of `ms` (the last one may be shorter); each with its start time. */
export function* chunks(samples: Float32Array, rate = MODEL_RATE, ms = 100): Generator<{ atMs: number; samples: Float32Array }> {
  const size = Math.max(1, Math.round((rate * ms) / 1000));
  for (let i = 0; i < samples.length; i += size)
    yield { atMs: Math.round((i / rate) * 1000), samples: samples.subarray(i, Math.min(samples.length, i + size)) };
}

/** Everything between capture and the recogniser: mono, 16 kHz, 100 ms chunks. */
export function prepare(pcm: Pcm, ms = 100) {
  return [...chunks(resample(toMono(pcm.channels), pcm.sampleRate), MODEL_RATE, ms)];
}
