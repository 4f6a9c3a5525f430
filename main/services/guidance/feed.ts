/**
 * The local live-transcript feed: a softphone or contact-centre client posts
 * transcript events (loopback only, with the session token — the host's rules),
 * and the live-call screen polls them. Kept in memory: a live feed is only
 * interesting while the call lasts; the record is saved with the call afterwards.
 */
import type { FeedEvent } from '../../../shared/api/guidance';
import type { TranscriptEvent } from '../../../shared/guidance/types';

/** The newest events kept; a screen that polls less often than this many words loses the oldest. */
const KEEP = 5000;

export class TranscriptFeed {
  private events: FeedEvent[] = [];
  private seq = 0;

  push(events: TranscriptEvent[]): { accepted: number; cursor: number } {
    for (const e of events) this.events.push({ ...e, seq: ++this.seq });
    if (this.events.length > KEEP) this.events.splice(0, this.events.length - KEEP);
    return { accepted: events.length, cursor: this.seq };
  }

  poll(after: number): { events: FeedEvent[]; cursor: number } {
    // a cursor from before a restart (larger than ours) starts over
    const from = after > this.seq ? 0 : after;
    return { events: this.events.filter((e) => e.seq > from), cursor: this.seq };
  }
}

/**
 * One feed per person: on a team server a rep's live transcript must never reach
 * another person's screen. The solo owner (no person) uses key 0.
 */
const feeds = new Map<number, TranscriptFeed>();
export function feedFor(personId: number | null): TranscriptFeed {
  const key = personId ?? 0;
  let f = feeds.get(key);
  if (!f) feeds.set(key, (f = new TranscriptFeed()));
  return f;
}
