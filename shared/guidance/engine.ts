/**
 * The guidance engine: pure logic, fed one transcript event at a time, answering
 * with the guidance events it causes (cards, checklist ticks, nudges). Nothing here
 * knows where the words come from (speech recognition, a feed, a replay) or how
 * the events are shown.
 */
import { talkingPoints } from '../domain/coverage';
import { compilePhrase, matchAtEnd, PhraseIndex, streamTokens, type Phrase, type Tok } from './matcher';
import { DEFAULT_OPTIONS, type GuidanceBank, type GuidanceEvent, type GuidanceOptions, type Speaker, type TranscriptEvent } from './types';

type Ref =
  | { kind: 'card'; objectionId: number; trigger: string }
  | { kind: 'item'; scriptId: number; stepKey: string; item: string; itemKind: 'must_say' | 'talking_point'; index: number }
  | { kind: 'forbidden'; phrase: string };

/** Talking points are said in the rep's own words: 60% of their content words is enough. */
const ITEM_NEED = 0.6;
/** Content tokens kept per speaker (the longest phrase window is far shorter). */
const BUFFER = 64;
/** Estimated speaking rate when an event has no end time (words per second). */
const WORDS_PER_SECOND = 2.5;
/** Forbidden phrases are nudged again only after this long. */
const FORBIDDEN_COOLDOWN_MS = 10_000;
/** A talk share means something only over enough speech (a lone sentence after silence is 100%). */
const MIN_SPEECH_MS = 30_000;

interface Span {
  speaker: Speaker;
  from: number;
  to: number;
}

export class GuidanceEngine {
  private readonly opts: GuidanceOptions;
  private readonly customer = new PhraseIndex<Ref>();
  private readonly rep = new PhraseIndex<Ref>();
  private readonly bufs: Record<Speaker, Tok[]> = { rep: [], customer: [] };
  private readonly cardShown = new Map<number, number>();
  private readonly ticked = new Set<string>();
  private readonly forbiddenAt = new Map<string, number>();
  /** Speech spans (final events), for talk share and monologues. */
  private spans: Span[] = [];
  private monologueStart: number | null = null;
  private monologueNudged = false;
  private lastTalkNudge = -Infinity;
  readonly events: GuidanceEvent[] = [];
  readonly transcript: TranscriptEvent[] = [];

  constructor(bank: GuidanceBank, opts: Partial<GuidanceOptions> = {}) {
    this.opts = { ...DEFAULT_OPTIONS, ...opts };
    for (const c of bank.cards) {
      for (const trigger of [...c.triggers.en, ...c.triggers.ru, ...c.triggers.zh]) {
        const p = compilePhrase<Ref>(trigger, { kind: 'card', objectionId: c.id, trigger });
        if (p) this.customer.add(p);
      }
    }
    for (const s of bank.scripts) {
      for (const st of s.steps) {
        const items = [
          ...st.mustSay.map((text) => ({ text, itemKind: 'must_say' as const })),
          ...talkingPoints(st.talkingPointsMd).map((text) => ({ text, itemKind: 'talking_point' as const })),
        ];
        let m = 0;
        let tp = 0;
        for (const it of items) {
          const index = it.itemKind === 'must_say' ? m++ : tp++;
          const p = compilePhrase<Ref>(
            it.text,
            { kind: 'item', scriptId: s.id, stepKey: st.key, item: it.text, itemKind: it.itemKind, index },
            ITEM_NEED,
          );
          if (p) this.rep.add(p);
        }
      }
    }
    for (const phrase of bank.forbidden) {
      const p = compilePhrase<Ref>(phrase, { kind: 'forbidden', phrase });
      if (p) this.rep.add(p);
    }
  }

  /** Feeds one transcript event; returns the guidance events it caused (also kept in `events`). */
  push(ev: TranscriptEvent): GuidanceEvent[] {
    const out: GuidanceEvent[] = [];
    const toks = streamTokens(ev.text, ev.atMs);
    const cjk = toks.length > 0 && toks[0].cjk;
    // Without an end time: about 2.5 words or 4 Chinese characters a second.
    const endMs =
      ev.endMs ??
      ev.atMs + Math.round(cjk ? (toks.length / 4) * 1000 : (Math.max(1, ev.text.trim().split(/\s+/).length) / WORDS_PER_SECOND) * 1000);
    // Spread a phrase's tokens over its duration, so a card's time is when its words were said.
    if (toks.length > 1) toks.forEach((t, i) => (t.atMs = ev.atMs + Math.round(((endMs - ev.atMs) * (i + 1)) / toks.length)));
    const buf = this.bufs[ev.speaker];
    const index = ev.speaker === 'customer' ? this.customer : this.rep;
    // Partial hypotheses are matched on a copy: only final words enter the buffers and the record.
    const work = ev.final ? buf : buf.slice(-BUFFER);
    for (const t of toks) {
      work.push(t);
      for (const p of index.candidates(t)) {
        const m = matchAtEnd(p, work);
        if (m) this.hit(p, work, m.from, t.atMs, out, ev.final);
      }
    }
    if (ev.final) {
      if (buf.length > BUFFER * 2) buf.splice(0, buf.length - BUFFER);
      this.transcript.push({ ...ev, endMs });
      this.speech(ev.speaker, ev.atMs, endMs, out);
    }
    this.events.push(...out);
    return out;
  }

  private hit(p: Phrase<Ref>, buf: Tok[], from: number, atMs: number, out: GuidanceEvent[], final: boolean) {
    const r = p.ref;
    const evidence = buf
      .slice(from)
      .map((t) => t.text)
      .join(t0cjk(buf[from]) ? '' : ' ');
    if (r.kind === 'card') {
      const last = this.cardShown.get(r.objectionId);
      if (last != null && atMs - last < this.opts.cardCooldownMs) return;
      this.cardShown.set(r.objectionId, atMs);
      out.push({ kind: 'card', atMs, objectionId: r.objectionId, trigger: r.trigger, evidence });
    } else if (r.kind === 'item') {
      if (!final) return;
      const key = `${r.scriptId}:${r.stepKey}:${r.itemKind}:${r.index}`;
      if (this.ticked.has(key)) return;
      this.ticked.add(key);
      out.push({
        kind: 'tick',
        atMs,
        scriptId: r.scriptId,
        stepKey: r.stepKey,
        item: r.item,
        itemKind: r.itemKind,
        index: r.index,
        evidence,
      });
    } else {
      if (!final) return;
      const last = this.forbiddenAt.get(r.phrase);
      if (last != null && atMs - last < FORBIDDEN_COOLDOWN_MS) return;
      this.forbiddenAt.set(r.phrase, atMs);
      out.push({ kind: 'nudge', atMs, nudge: 'forbidden', value: 1, phrase: r.phrase });
    }
  }

  /** Talk share over the last window and monologue length, from final speech spans. */
  private speech(speaker: Speaker, from: number, to: number, out: GuidanceEvent[]) {
    this.spans.push({ speaker, from, to });
    const now = to;
    if (speaker === 'customer') {
      this.monologueStart = null;
      this.monologueNudged = false;
    } else {
      this.monologueStart ??= from;
      if (!this.monologueNudged && now - this.monologueStart > this.opts.monologueMs) {
        this.monologueNudged = true;
        out.push({ kind: 'nudge', atMs: now, nudge: 'monologue', value: Math.round((now - this.monologueStart) / 1000) });
      }
    }
    const w = this.opts.talkWindowMs;
    const since = now - w;
    this.spans = this.spans.filter((s) => s.to > since);
    if (now < w || now - this.lastTalkNudge < w) return;
    let rep = 0;
    let all = 0;
    for (const s of this.spans) {
      const d = Math.max(0, s.to - Math.max(s.from, since));
      all += d;
      if (s.speaker === 'rep') rep += d;
    }
    if (all >= MIN_SPEECH_MS && rep / all > this.opts.talkShareMax) {
      this.lastTalkNudge = now;
      out.push({ kind: 'nudge', atMs: now, nudge: 'talk_share', value: Math.round((rep / all) * 100) / 100 });
    }
  }

  /** Ticks so far (for the checklist). */
  ticks() {
    return this.events.filter((e): e is Extract<GuidanceEvent, { kind: 'tick' }> => e.kind === 'tick');
  }
}

const t0cjk = (t: Tok | undefined) => !!t?.cjk;
