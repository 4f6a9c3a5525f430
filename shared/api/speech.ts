/**
 * On-device speech for live guidance: the model folder per language (Settings →
 * Speech) and a capture session the live-call screen streams 16 kHz audio into
 * (microphone = rep; system/softphone audio = customer where the OS allows).
 * The recogniser's words go to the person's live-transcript feed, like a softphone's.
 */
import { z } from 'zod';
import { method, WRITES, type MessageParams } from './contract';
import { SCRIPT_LANGUAGES, type ScriptLanguage } from './scripts';

/** Why recognition cannot run: a translation key under `errors.` with its values, and the English text. */
export interface SpeechProblem {
  code: 'no_model_set' | 'no_folder' | 'not_a_folder' | 'no_model' | 'bad_model' | 'wrong_language' | 'no_runtime' | 'crashed' | 'internal';
  message: string;
  key: string;
  params: MessageParams;
}

export interface SpeechModelSlot {
  folder: string | null;
  /** The folder's check right now (a folder that was fine may since have been moved). */
  problem: SpeechProblem | null;
}

/** How the customer's side can be captured on this host. */
export type SystemAudio =
  /** Electron on Windows/macOS: the system audio loopback (macOS asks for screen-recording permission). */
  | 'loopback'
  /** The browser host: the rep may share a tab or window with its audio (the browser asks each time). */
  | 'share'
  /** Nothing but the microphone (Linux desktop): one mixed channel. */
  | 'none';

export interface SpeechSettings {
  host: 'electron' | 'browser';
  /** Where the README suggests unpacking models: `<data folder>/models`. */
  modelsDir: string;
  models: Record<ScriptLanguage, SpeechModelSlot>;
  systemAudio: SystemAudio;
}

export type RecognizerState =
  { state: 'starting' } | { state: 'ready' } | { state: 'off'; problem: SpeechProblem } | { state: 'failed'; problem: SpeechProblem };

export interface CaptureChannelStats {
  /** Frames and audio received (after resampling to 16 kHz mono). */
  frames: number;
  ms: number;
  sampleRate: number;
  /** Root mean square and peak of everything received, in [0, 1]. */
  rms: number;
  peak: number;
  /** Upward zero crossings per second of the newest frame: its dominant frequency for a tone. */
  lastHz: number;
}

export interface CaptureStatus {
  sessionId: string;
  language: ScriptLanguage;
  /** One channel with both voices: no system audio here. */
  mixed: boolean;
  recognizer: RecognizerState;
  channels: Partial<Record<'rep' | 'customer', CaptureChannelStats>>;
}

export const MODEL_SAMPLE_RATE = 16_000;
/** One push: at most this many frames (a quarter second of two channels is 4–6). */
export const MAX_PUSH_FRAMES = 64;

const speaker = z.enum(['rep', 'customer']);
const language = z.enum(SCRIPT_LANGUAGES);
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const captureFrame = z.object({
  channel: speaker,
  atMs: z.number().int().min(0).max(86_400_000),
  sampleRate: z.number().int().min(8000).max(192_000),
  /** Signed 16-bit little-endian PCM, mono, base64 (at most 1 s at 48 kHz). */
  pcm: z
    .string()
    .max(131_072)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'pcm: base64 expected' }),
});

export const speechMethods = {
  'speech.settings.get': method(z.object({}), 'signedIn').returns<SpeechSettings>(),
  /** Checks the folder at once (a wrong one is refused with its message on `folder`) and keeps it; null forgets it. */
  'speech.settings.setModel': method(
    z.object({ language, folder: z.string().trim().min(1).max(1000).nullable() }),
    ['admin'],
    WRITES,
  ).returns<SpeechSettings>(),
  /** Desktop app: the system folder chooser; null when cancelled. */
  'speech.settings.pickFolder': method(z.object({ language }), ['admin']).returns<{ folder: string | null }>(),
  /** Opens this person's capture session (closing an earlier one); recognition starts when a model is set. */
  'speech.capture.start': method(z.object({ language, channels: z.array(speaker).min(1).max(2) }), 'signedIn').returns<CaptureStatus>(),
  'speech.capture.push': method(
    z.object({ sessionId, frames: z.array(captureFrame).min(1).max(MAX_PUSH_FRAMES) }),
    'signedIn',
  ).returns<CaptureStatus>(),
  'speech.capture.status': method(z.object({ sessionId }), 'signedIn').returns<CaptureStatus>(),
  'speech.capture.stop': method(z.object({ sessionId }), 'signedIn').returns<{ stopped: boolean }>(),
};
