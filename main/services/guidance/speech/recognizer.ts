/**
 * The thin adapter over sherpa-onnx (npm sherpa-onnx-node, prebuilt native binaries):
 * a streaming recogniser fed 16 kHz mono chunks, giving partial and final text as
 * transcript events. Runs inside speech-worker (off the UI and main threads); the
 * audio pipeline and model checks are plain modules tested without a model.
 * Recognition itself cannot be tested on machines without a downloaded model.
 */
import { createRequire } from 'node:module';
import type { ScriptLanguage } from '../../../../shared/api/scripts';
import type { Speaker, TranscriptEvent } from '../../../../shared/guidance/types';
import { MODEL_RATE } from './audio';
import { checkModel, ModelError } from './model';

interface SherpaStream {
  acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void;
}
interface SherpaRecognizer {
  createStream(): SherpaStream;
  isReady(s: SherpaStream): boolean;
  decode(s: SherpaStream): void;
  isEndpoint(s: SherpaStream): boolean;
  reset(s: SherpaStream): void;
  getResult(s: SherpaStream): { text: string };
}
interface SherpaModule {
  OnlineRecognizer: new (config: unknown) => SherpaRecognizer;
}

/** Loads the native module; a clear message when it is not installed for this platform. */
export function loadSherpa(): SherpaModule {
  try {
    return createRequire(__filename)('sherpa-onnx-node') as SherpaModule;
  } catch (e) {
    throw new ModelError({
      code: 'no_model',
      missing: ['sherpa-onnx-node'],
      message: `On-device speech recognition is not installed (sherpa-onnx-node: ${(e as Error).message.split('\n')[0]}). Reinstall the app, or use the softphone feed or replay.`,
    });
  }
}

/** One speaker's stream (the microphone is the rep; system audio, where it can be captured, the customer). */
export class SpeechChannel {
  private readonly stream: SherpaStream;
  private partial = '';
  private segmentStart = 0;

  constructor(
    private readonly rec: SherpaRecognizer,
    readonly speaker: Speaker,
  ) {
    this.stream = rec.createStream();
  }

  /** Feeds one chunk (16 kHz mono); returns the events it produced (a changed partial, or a final segment). */
  accept(samples: Float32Array, atMs: number): TranscriptEvent[] {
    const out: TranscriptEvent[] = [];
    if (!this.partial) this.segmentStart = atMs;
    this.stream.acceptWaveform({ samples, sampleRate: MODEL_RATE });
    while (this.rec.isReady(this.stream)) this.rec.decode(this.stream);
    const text = this.rec.getResult(this.stream).text.trim();
    const endMs = atMs + Math.round((samples.length / MODEL_RATE) * 1000);
    if (this.rec.isEndpoint(this.stream)) {
      if (text) out.push({ text, atMs: this.segmentStart, endMs, speaker: this.speaker, final: true });
      this.rec.reset(this.stream);
      this.partial = '';
    } else if (text && text !== this.partial) {
      this.partial = text;
      out.push({ text, atMs: this.segmentStart, speaker: this.speaker, final: false });
    }
    return out;
  }
}

/** Checks the model folder, then builds a recogniser for it (throws ModelError with a clear message). */
export function createRecognizer(modelDir: string, language: ScriptLanguage, sherpa: SherpaModule = loadSherpa()): SherpaRecognizer {
  const m = checkModel(modelDir, language);
  return new sherpa.OnlineRecognizer({
    featConfig: { sampleRate: MODEL_RATE, featureDim: 80 },
    modelConfig: {
      transducer: { encoder: m.encoder, decoder: m.decoder, joiner: m.joiner },
      tokens: m.tokens,
      numThreads: 1,
      provider: 'cpu',
      debug: 0,
    },
    decodingMethod: 'greedy_search',
    enableEndpoint: true,
    rule1MinTrailingSilence: 2.4,
    rule2MinTrailingSilence: 0.8,
    rule3MinUtteranceLength: 20,
  });
}
