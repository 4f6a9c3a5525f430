/**
 * Replays the sample calls (and one without objections) at 4× through the engine, on a
 * virtual clock (the replay's timers fire in order without waiting; how fast the engine
 * answers each word is measured in bench/guidance): each objection brings its card up within
 * 1 s (call time) of the customer's phrase, a call without objections brings none, and
 * checklist ticks match the hand-labelled list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../shared/domain/transcript';
import { GuidanceEngine, replay, transcriptEvents, type GuidanceBank, type GuidanceEvent } from '../../shared/guidance';

const DIR = path.join(__dirname, '..', 'fixtures', 'guidance');
const bank = JSON.parse(fs.readFileSync(path.join(DIR, 'bank.json'), 'utf8')) as GuidanceBank;
const labels = JSON.parse(fs.readFileSync(path.join(DIR, 'labels.json'), 'utf8')) as {
  calls: { file: string; scriptId: number; cards: { objectionId: number; cue: number }[]; ticks: { item: string; cue: number }[] }[];
};
/** A clock whose timers run in due order as soon as the test yields, with time jumping to each. */
function virtualClock() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; f: () => void }>();
  const run = () => {
    const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
    if (!next) return;
    due.delete(next[0]);
    now = Math.max(now, next[1].at);
    next[1].f();
    setImmediate(run);
  };
  return {
    now: () => now,
    setTimeout: (f: () => void, ms: number) => {
      due.set(++seq, { at: now + ms, f });
      setImmediate(run);
      return seq;
    },
    clearTimeout: (h: unknown) => void due.delete(h as number),
  };
}

describe.each(labels.calls)('replay of $file at 4×', (call) => {
  it('cards come up within 1 s of the objection, only for objections; ticks match the labels', async () => {
    const { segments } = parseTranscript(fs.readFileSync(path.join(DIR, call.file), 'utf8'));
    const engine = new GuidanceEngine({ ...bank, scripts: bank.scripts.filter((s) => s.id === call.scriptId) });
    const shown: { e: GuidanceEvent; callMs: number }[] = [];
    const clock = virtualClock();
    const h = replay(transcriptEvents(segments), {
      speed: 4,
      clock,
      // callMs: the replay clock when the event was handled (clock time × 4), not the word's own time
      onEvent: (ev, callMs) => {
        for (const e of engine.push(ev)) shown.push({ e, callMs });
      },
    });
    await h.done;
    const cards = shown.filter((s) => s.e.kind === 'card');
    expect(cards.map((c) => (c.e.kind === 'card' ? c.e.objectionId : 0))).toEqual(call.cards.map((c) => c.objectionId));
    call.cards.forEach((label, i) => {
      const cue = segments[label.cue - 1];
      // on screen after the customer started the phrase and no later than 1 s after they finished it
      expect(cards[i].callMs).toBeGreaterThanOrEqual(cue.startMs);
      expect(cards[i].callMs).toBeLessThanOrEqual(cue.endMs + 1000);
    });
    const ticks = engine.ticks();
    expect(ticks.map((t) => `${t.scriptId}:${t.stepKey}:${t.itemKind}:${t.index}`).sort()).toEqual(call.ticks.map((t) => t.item).sort());
    for (const label of call.ticks) {
      const t = ticks.find((x) => `${x.scriptId}:${x.stepKey}:${x.itemKind}:${x.index}` === label.item)!;
      const cue = segments[label.cue - 1];
      expect(t.atMs, label.item).toBeGreaterThanOrEqual(cue.startMs);
      expect(t.atMs, label.item).toBeLessThanOrEqual(cue.endMs);
      expect(t.evidence.length).toBeGreaterThan(0);
    }
    // the whole transcript is kept, word by word, for the call record
    expect(engine.transcript.length).toBe(transcriptEvents(segments).length);
  });
});

describe('engine rules', () => {
  const card = { id: 1, objection: 'Too expensive', triggers: { en: ['too expensive'], ru: [], zh: [] } };
  it('at most one pop-up per objection per minute; partial hypotheses bring cards early but are not kept', () => {
    const e = new GuidanceEngine({ cards: [card], scripts: [], forbidden: [] });
    expect(e.push({ text: 'this is too', atMs: 1000, speaker: 'customer', final: false })).toEqual([]);
    expect(e.push({ text: 'this is too expensive', atMs: 1000, speaker: 'customer', final: false }).map((x) => x.kind)).toEqual(['card']);
    expect(e.push({ text: 'this is too expensive', atMs: 1000, endMs: 2000, speaker: 'customer', final: true })).toEqual([]);
    expect(e.push({ text: 'really too expensive', atMs: 30_000, speaker: 'customer', final: true })).toEqual([]);
    expect(e.push({ text: 'still too expensive', atMs: 65_000, speaker: 'customer', final: true }).map((x) => x.kind)).toEqual(['card']);
    // the rep saying it is not the customer's objection
    expect(e.push({ text: 'you may think it is too expensive', atMs: 200_000, speaker: 'rep', final: true })).toEqual([]);
    expect(e.transcript.map((t) => t.text)).toEqual([
      'this is too expensive',
      'really too expensive',
      'still too expensive',
      'you may think it is too expensive',
    ]);
  });
  it('nudges: monologue over 60 s, rep talk share over 65% across 2 minutes, forbidden phrases', () => {
    const e = new GuidanceEngine({ cards: [], scripts: [], forbidden: ['trust me', 'честно говоря'] });
    const said = (speaker: 'rep' | 'customer', from: number, to: number, text = 'words words') =>
      e.push({ text, atMs: from * 1000, endMs: to * 1000, speaker, final: true });
    said('customer', 0, 10);
    expect(said('rep', 10, 40)).toEqual([]);
    expect(said('rep', 40, 69)).toEqual([]);
    const mono = said('rep', 69, 75);
    expect(mono).toEqual([{ kind: 'nudge', atMs: 75_000, nudge: 'monologue', value: 65 }]);
    expect(said('rep', 75, 80)).toEqual([]); // once per monologue
    said('customer', 80, 85);
    const share = said('rep', 85, 121);
    expect(share).toEqual([{ kind: 'nudge', atMs: 121_000, nudge: 'talk_share', value: 0.88 }]);
    expect(said('rep', 122, 124, 'Trust me, it works')).toEqual([
      { kind: 'nudge', atMs: expect.any(Number), nudge: 'forbidden', value: 1, phrase: 'trust me' },
    ]);
    expect(said('rep', 125, 127, 'Ну, честно говоря, да')[0]).toMatchObject({ nudge: 'forbidden', phrase: 'честно говоря' });
    // a balanced conversation gets no talk-share nudge
    const b = new GuidanceEngine({ cards: [], scripts: [], forbidden: [] });
    const out: GuidanceEvent[] = [];
    for (let t = 0; t < 300; t += 20) {
      out.push(...b.push({ text: 'a b', atMs: t * 1000, endMs: (t + 10) * 1000, speaker: 'rep', final: true }));
      out.push(...b.push({ text: 'a b', atMs: (t + 10) * 1000, endMs: (t + 20) * 1000, speaker: 'customer', final: true }));
    }
    expect(out).toEqual([]);
  });
});
