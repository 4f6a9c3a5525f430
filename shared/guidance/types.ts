/**
 * Live guidance: one transcript stream, whatever its source (on-device speech
 * recognition, a softphone's live feed, or replay of a recorded call), and the
 * guidance events the engine derives from it.
 */
import type { Triggers } from '../api/scripts';

export type Speaker = 'rep' | 'customer';

/** One word or phrase of the live transcript. */
export interface TranscriptEvent {
  /** A word or a phrase (a recogniser's segment, a feed's utterance). */
  text: string;
  /** Call time when it was said (ms from the call's start). */
  atMs: number;
  /** When it ended; without it, the engine estimates from the text's length. */
  endMs?: number;
  speaker: Speaker;
  /** false: a partial hypothesis that may still change (used for cards only, never stored). */
  final: boolean;
}

export type NudgeKind = 'talk_share' | 'monologue' | 'forbidden';

export type GuidanceEvent =
  /** A customer phrase matched an objection card's trigger phrase. */
  | { kind: 'card'; atMs: number; objectionId: number; trigger: string; evidence: string }
  /** The rep said a talking point / must-say item of a step. */
  | {
      kind: 'tick';
      atMs: number;
      scriptId: number;
      stepKey: string;
      item: string;
      itemKind: 'must_say' | 'talking_point';
      index: number;
      evidence: string;
    }
  | { kind: 'nudge'; atMs: number; nudge: NudgeKind; value: number; phrase?: string };

export interface BankCard {
  id: number;
  objection: string;
  triggers: Triggers;
}

export interface BankStep {
  key: string;
  title: string;
  mustSay: string[];
  talkingPointsMd: string;
}

export interface BankScript {
  id: number;
  steps: BankStep[];
}

/** What the engine listens for. */
export interface GuidanceBank {
  cards: BankCard[];
  scripts: BankScript[];
  forbidden: string[];
}

export interface GuidanceOptions {
  /** At most one pop-up per objection in this long (default 60 s). */
  cardCooldownMs: number;
  /** Talk-share nudge: the rep's share of speech over this window (default 2 min)… */
  talkWindowMs: number;
  /** …above this share (default 0.65). */
  talkShareMax: number;
  /** Monologue nudge after this long of the rep alone (default 60 s). */
  monologueMs: number;
}

export const DEFAULT_OPTIONS: GuidanceOptions = { cardCooldownMs: 60_000, talkWindowMs: 120_000, talkShareMax: 0.65, monologueMs: 60_000 };
