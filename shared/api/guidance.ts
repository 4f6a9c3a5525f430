/**
 * Live guidance: the bank the engine listens for, the workspace's forbidden phrases,
 * a local live-transcript feed (softphones / contact-centre software post to it), and
 * each call's transcript and guidance events kept with the call record.
 */
import { z } from 'zod';
import { id, method, requiredText, WRITES } from './contract';
import type { GuidanceBank, GuidanceEvent, TranscriptEvent } from '../guidance/types';

export const MAX_FEED_BATCH = 500;
export const MAX_CALL_WORDS = 50_000;

export const transcriptEventInput = z.object({
  text: z.string().max(2000),
  atMs: z.number().int().min(0).max(86_400_000),
  endMs: z.number().int().min(0).max(86_400_000).optional(),
  speaker: z.enum(['rep', 'customer']),
  final: z.boolean().default(true),
});

const guidanceEventInput = z.union([
  z.object({ kind: z.literal('card'), atMs: z.number(), objectionId: id, trigger: z.string().max(300), evidence: z.string().max(2000) }),
  z.object({
    kind: z.literal('tick'),
    atMs: z.number(),
    scriptId: id,
    stepKey: z.string().max(40),
    item: z.string().max(2000),
    itemKind: z.enum(['must_say', 'talking_point']),
    index: z.number().int().min(0),
    evidence: z.string().max(2000),
  }),
  z.object({
    kind: z.literal('nudge'),
    atMs: z.number(),
    nudge: z.enum(['talk_share', 'monologue', 'forbidden']),
    value: z.number(),
    phrase: z.string().max(300).optional(),
  }),
]);

export interface FeedEvent extends TranscriptEvent {
  /** Position in the feed: poll with `after` = the last one seen. */
  seq: number;
}

export interface CallGuidance {
  callId: number;
  source: 'speech' | 'feed' | 'replay';
  scriptId: number | null;
  transcript: TranscriptEvent[];
  events: GuidanceEvent[];
  createdAt: string;
}

export const guidanceMethods = {
  /** Cards with trigger phrases, the chosen script's steps and the forbidden phrases. */
  'guidance.bank': method(z.object({ scriptId: id.nullable().default(null) }), 'signedIn').returns<GuidanceBank>(),
  'guidance.forbidden.get': method(z.object({}), 'signedIn').returns<string[]>(),
  'guidance.forbidden.save': method(
    z.object({ phrases: z.array(requiredText(200)).max(300) }),
    ['manager', 'trainer', 'admin'],
    WRITES,
  ).returns<string[]>(),
  /** The local live-transcript feed: POST /api/guidance.feed.push on 127.0.0.1 with the session token (README). */
  'guidance.feed.push': method(z.object({ events: z.array(transcriptEventInput).min(1).max(MAX_FEED_BATCH) }), 'signedIn').returns<{
    accepted: number;
    cursor: number;
  }>(),
  'guidance.feed.poll': method(z.object({ after: z.number().int().min(0).default(0) }), 'signedIn').returns<{
    events: FeedEvent[];
    cursor: number;
  }>(),
  /** After the call: its transcript and guidance events, kept with the call record (replaces an earlier one). */
  'guidance.save': method(
    z.object({
      callId: id,
      source: z.enum(['speech', 'feed', 'replay']),
      scriptId: id.nullable().default(null),
      transcript: z.array(transcriptEventInput).max(MAX_CALL_WORDS),
      events: z.array(guidanceEventInput).max(10_000),
    }),
    'signedIn',
    WRITES,
  ).returns<CallGuidance>(),
  'guidance.get': method(z.object({ callId: id }), 'signedIn').returns<CallGuidance | null>(),
};
