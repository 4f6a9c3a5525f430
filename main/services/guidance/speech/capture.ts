/**
 * Capture sessions: the live-call screen streams 16 kHz mono PCM frames (microphone =
 * rep, system audio = customer) into one session per person; each frame is counted
 * (duration, level, rate — what the screen and the tests read back) and passed to the
 * recogniser, a forked child process running speech-worker: a damaged model file makes
 * the native loader abort its process, and that must never be the app's. The words it
 * hears go to the person's live-transcript feed, so the guidance engine reads them like
 * a softphone's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { AppError } from '../../../../shared/api/contract';
import type { ScriptLanguage } from '../../../../shared/api/scripts';
import {
  MODEL_SAMPLE_RATE,
  type CaptureChannelStats,
  type CaptureStatus,
  type RecognizerState,
  type SpeechProblem,
} from '../../../../shared/api/speech';
import type { Speaker, TranscriptEvent } from '../../../../shared/guidance/types';
import { bundledWorker } from '../../bundledWorker';
import { resample } from './audio';
import { checkFolder, noModelSet } from './settings';

export const speechWorker = bundledWorker('speech-worker', 'SALES_WORKBENCH_SPEECH_WORKER');

/** A session nobody pushed to for this long is closed (a closed tab, a sleeping laptop). */
const IDLE_MS = 30_000;

interface Totals {
  frames: number;
  samples: number;
  sumSq: number;
  peak: number;
  lastHz: number;
}

export interface CaptureDeps {
  /** Where the recogniser's words go (the person's live-transcript feed). */
  onWords: (events: TranscriptEvent[]) => void;
  /** The model folder set for a language, or null. */
  modelFolder: (language: ScriptLanguage) => string | null;
  /** The recogniser script (a bundled speech-worker.cjs), or null where there is none. */
  workerFile: () => string | null;
}

class Session {
  readonly id = crypto.randomBytes(12).toString('base64url');
  readonly totals = new Map<Speaker, Totals>();
  recognizer: RecognizerState;
  lastSeen = Date.now();
  private child: ChildProcess | null = null;
  private stopped = false;

  constructor(
    readonly language: ScriptLanguage,
    readonly channels: Speaker[],
    private readonly deps: CaptureDeps,
  ) {
    for (const c of channels) this.totals.set(c, { frames: 0, samples: 0, sumSq: 0, peak: 0, lastHz: 0 });
    this.recognizer = this.startRecognizer();
  }

  private startRecognizer(): RecognizerState {
    const folder = this.deps.modelFolder(this.language);
    if (!folder) return { state: 'off', problem: noModelSet(this.language) };
    const problem = checkFolder(folder, this.language);
    if (problem) return { state: 'off', problem };
    const file = this.deps.workerFile();
    if (!file)
      return {
        state: 'off',
        problem: {
          code: 'no_runtime',
          message: 'On-device speech recognition is not part of this build. Use the softphone feed or replay.',
          key: 'speech.model.no_runtime',
          params: {},
        },
      };
    // structured-clone IPC carries the Float32Array samples as they are
    const child = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    child.on(
      'message',
      (m: { type: 'ready' } | { type: 'event'; event: TranscriptEvent } | { type: 'error'; code: string; message: string }) => {
        if (m.type === 'ready') this.recognizer = { state: 'ready' };
        else if (m.type === 'event') this.deps.onWords([m.event]);
        else this.fail({ code: 'internal', message: m.message, key: 'speech.internal', params: {} });
      },
    );
    child.on('exit', (code, signal) => {
      this.child = null;
      if (this.stopped) return;
      console.error(`[speech] recogniser exited (${signal ?? code})`);
      this.fail({
        code: 'crashed',
        message:
          'The speech recogniser stopped unexpectedly: the model files may be damaged. Download the model again, or use the softphone feed.',
        key: 'speech.crashed',
        params: {},
      });
    });
    child.send({ type: 'start', modelDir: folder, language: this.language, channels: this.channels });
    return { state: 'starting' };
  }

  private fail(problem: SpeechProblem) {
    this.recognizer = { state: 'failed', problem };
    this.kill();
  }

  private kill() {
    const c = this.child;
    this.child = null;
    if (c && c.exitCode === null && c.signalCode === null) {
      if (c.connected) c.send({ type: 'stop' });
      setTimeout(() => c.exitCode === null && c.kill(), 2000).unref();
    }
  }

  accept(channel: Speaker, atMs: number, samples: Float32Array) {
    const t = this.totals.get(channel);
    if (!t) return;
    let crossings = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i];
      t.sumSq += v * v;
      const a = Math.abs(v);
      if (a > t.peak) t.peak = a;
      if (i > 0 && samples[i - 1] < 0 && v >= 0) crossings++;
    }
    t.frames++;
    t.samples += samples.length;
    if (samples.length) t.lastHz = Math.round(crossings / (samples.length / MODEL_SAMPLE_RATE));
    this.lastSeen = Date.now();
    if (this.recognizer.state === 'ready' && this.child?.connected) this.child.send({ type: 'audio', channel, atMs, samples });
  }

  status(): CaptureStatus {
    const channels: CaptureStatus['channels'] = {};
    for (const [c, t] of this.totals) {
      const stats: CaptureChannelStats = {
        frames: t.frames,
        ms: Math.round((t.samples / MODEL_SAMPLE_RATE) * 1000),
        sampleRate: MODEL_SAMPLE_RATE,
        rms: t.samples ? Math.sqrt(t.sumSq / t.samples) : 0,
        peak: t.peak,
        lastHz: t.lastHz,
      };
      channels[c] = stats;
    }
    return { sessionId: this.id, language: this.language, mixed: this.channels.length < 2, recognizer: this.recognizer, channels };
  }

  stop() {
    this.stopped = true;
    this.kill();
  }
}

/** Signed 16-bit little-endian PCM (base64) → samples in [-1, 1]. */
export function decodePcm16(base64: string): Float32Array {
  const buf = Buffer.from(base64, 'base64');
  const n = Math.floor(buf.length / 2);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(i * 2) / 32768;
  return out;
}

/** One capture session per person (a team server's people never share one). */
export class CaptureSessions {
  private readonly byOwner = new Map<number, Session>();

  private sweep() {
    const now = Date.now();
    for (const [k, s] of this.byOwner) {
      if (now - s.lastSeen > IDLE_MS) {
        s.stop();
        this.byOwner.delete(k);
      }
    }
  }

  private session(owner: number, id: string): Session {
    this.sweep();
    const s = this.byOwner.get(owner);
    if (!s || s.id !== id)
      throw new AppError('not_found', 'This listening session has ended. Press Listen again.', 'sessionId', { key: 'speech.sessionEnded' });
    return s;
  }

  start(owner: number, language: ScriptLanguage, channels: Speaker[], deps: CaptureDeps): CaptureStatus {
    this.sweep();
    this.byOwner.get(owner)?.stop();
    const s = new Session(language, [...new Set(channels)], deps);
    this.byOwner.set(owner, s);
    return s.status();
  }

  push(owner: number, id: string, frames: { channel: Speaker; atMs: number; sampleRate: number; pcm: string }[]): CaptureStatus {
    const s = this.session(owner, id);
    for (const f of frames) {
      const raw = decodePcm16(f.pcm);
      s.accept(f.channel, f.atMs, f.sampleRate === MODEL_SAMPLE_RATE ? raw : resample(raw, f.sampleRate, MODEL_SAMPLE_RATE));
    }
    s.lastSeen = Date.now();
    return s.status();
  }

  status(owner: number, id: string): CaptureStatus {
    const s = this.session(owner, id);
    s.lastSeen = Date.now();
    return s.status();
  }

  stop(owner: number, id: string): { stopped: boolean } {
    const s = this.byOwner.get(owner);
    if (!s || s.id !== id) return { stopped: false };
    s.stop();
    this.byOwner.delete(owner);
    return { stopped: true };
  }

  stopAll() {
    for (const s of this.byOwner.values()) s.stop();
    this.byOwner.clear();
  }
}

export const captureSessions = new CaptureSessions();
