/**
 * Replay of a recorded call's transcript as a live stream: each cue becomes word
 * events timed across the cue (by character offset), then fed at real speed or
 * faster. For the demo, for training ("what would guidance have shown?") and tests.
 */
import type { TranscriptSegment } from '../domain/transcript';
import { tokenize } from '../search/text';
import type { TranscriptEvent } from './types';

/** Word-level final events of a transcript; Chinese runs are split into characters. */
export function transcriptEvents(segments: readonly TranscriptSegment[]): TranscriptEvent[] {
  const out: TranscriptEvent[] = [];
  for (const s of segments) {
    const speaker = s.speaker === 'customer' ? 'customer' : 'rep';
    const span = Math.max(1, s.endMs - s.startMs);
    const len = Math.max(1, s.text.length);
    const pieces: { text: string; start: number; end: number }[] = [];
    for (const t of tokenize(s.text)) {
      if (t.cjk) {
        let off = t.start;
        for (const ch of t.text) {
          pieces.push({ text: ch, start: off, end: off + ch.length });
          off += ch.length;
        }
      } else pieces.push({ text: t.text, start: t.start, end: t.start + t.text.length });
    }
    for (const p of pieces) {
      out.push({
        text: p.text,
        atMs: s.startMs + Math.round((span * p.start) / len),
        endMs: s.startMs + Math.round((span * p.end) / len),
        speaker,
        final: true,
      });
    }
  }
  return out;
}

/** Timers of the host (window or Node); shared/ has neither. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReplayOptions {
  /** 1 = real time, 4 = four times faster. */
  speed: number;
  onEvent: (e: TranscriptEvent, callMs: number) => void;
  clock: Clock;
  /** Call time to start from (ms). */
  fromMs?: number;
}

export interface ReplayHandle {
  /** Resolves when every event was fed, or when stopped. */
  done: Promise<void>;
  stop(): void;
}

/** Feeds each event when its end comes (a word is known once said). */
export function replay(events: readonly TranscriptEvent[], o: ReplayOptions): ReplayHandle {
  const from = o.fromMs ?? 0;
  const queue = events.filter((e) => (e.endMs ?? e.atMs) >= from);
  const start = o.clock.now();
  let i = 0;
  let timer: unknown = null;
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stop = () => {
    stopped = true;
    if (timer != null) o.clock.clearTimeout(timer);
    finish();
  };
  const step = () => {
    if (stopped) return;
    const callMs = from + (o.clock.now() - start) * o.speed;
    while (i < queue.length && (queue[i].endMs ?? queue[i].atMs) <= callMs) o.onEvent(queue[i++], callMs);
    if (i >= queue.length) return stop();
    const wait = ((queue[i].endMs ?? queue[i].atMs) - callMs) / o.speed;
    timer = o.clock.setTimeout(step, Math.max(0, wait));
  };
  step();
  return { done, stop };
}
