/**
 * The on-device recogniser, off the UI and main threads. It runs as a child process
 * (capture.ts forks it: the native loader aborts its whole process on a damaged model
 * file, and only this process may go) or as a worker thread (tests).
 * Messages in: {type:'start', modelDir, language, channels}, then
 * {type:'audio', channel, atMs, samples (16 kHz mono Float32Array)}, {type:'stop'};
 * out: {type:'ready', mixed} | {type:'event', event} | {type:'error', code, message}.
 * `mixed` says there is one channel with both voices (no system-audio capture).
 */
import { parentPort } from 'node:worker_threads';
import type { ScriptLanguage } from '../../../../shared/api/scripts';
import type { Speaker } from '../../../../shared/guidance/types';
import { ModelError } from './model';
import { createRecognizer, SpeechChannel } from './recognizer';

type In =
  | { type: 'start'; modelDir: string; language: ScriptLanguage; channels: Speaker[] }
  | { type: 'audio'; channel: Speaker; atMs: number; samples: Float32Array }
  | { type: 'stop' };

const port = parentPort;
const send = port ? (m: unknown) => port.postMessage(m) : process.send ? (m: unknown) => process.send?.(m) : null;
const listen = port ? (f: (m: In) => void) => port.on('message', f) : (f: (m: In) => void) => process.on('message', f);

if (send) {
  const chans = new Map<Speaker, SpeechChannel>();
  listen((m: In) => {
    try {
      if (m.type === 'stop') {
        if (!port) process.exit(0);
        return;
      }
      if (m.type === 'start') {
        const rec = createRecognizer(m.modelDir, m.language);
        chans.clear();
        for (const c of m.channels) chans.set(c, new SpeechChannel(rec, c));
        send({ type: 'ready', mixed: m.channels.length < 2 });
      } else {
        const ch = chans.get(m.channel);
        if (!ch) return;
        for (const event of ch.accept(m.samples, m.atMs)) send({ type: 'event', event });
      }
    } catch (e) {
      const code = e instanceof ModelError ? e.problem.code : 'internal';
      send({ type: 'error', code, message: (e as Error).message });
    }
  });
  // the parent went away (app closed, host killed): nothing left to listen for
  if (!port) process.on('disconnect', () => process.exit(0));
}
