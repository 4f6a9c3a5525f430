/**
 * Worker thread for on-device recognition: the native recogniser never runs on
 * the UI or main thread. Messages in: {type:'start', modelDir, language, channels}
 * then {type:'audio', channel, atMs, samples (16 kHz mono Float32Array)}; out:
 * {type:'ready', mixed} | {type:'event', event} | {type:'error', code, message}.
 * `mixed` says there is one channel with both voices (no system-audio capture).
 */
import { parentPort } from 'node:worker_threads';
import type { ScriptLanguage } from '../../../../shared/api/scripts';
import type { Speaker } from '../../../../shared/guidance/types';
import { ModelError } from './model';
import { createRecognizer, SpeechChannel } from './recognizer';

type In = { type: 'start'; modelDir: string; language: ScriptLanguage; channels: Speaker[] } | { type: 'audio'; channel: Speaker; atMs: number; samples: Float32Array };

const port = parentPort;
if (port) {
  const chans = new Map<Speaker, SpeechChannel>();
  port.on('message', (m: In) => {
    try {
      if (m.type === 'start') {
        const rec = createRecognizer(m.modelDir, m.language);
        chans.clear();
        for (const c of m.channels) chans.set(c, new SpeechChannel(rec, c));
        port.postMessage({ type: 'ready', mixed: m.channels.length < 2 });
      } else {
        const ch = chans.get(m.channel);
        if (!ch) return;
        for (const event of ch.accept(m.samples, m.atMs)) port.postMessage({ type: 'event', event });
      }
    } catch (e) {
      const code = e instanceof ModelError ? e.problem.code : 'internal';
      port.postMessage({ type: 'error', code, message: (e as Error).message });
    }
  });
}
