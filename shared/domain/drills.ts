/**
 * Drill scheduling with FSRS (ts-fsrs): the stored card state <-> ts-fsrs
 * cards, and the next state after a rating. Desired retention is a workspace
 * setting (0.70–0.97).
 */
import { createEmptyCard, fsrs, generatorParameters, type Card } from 'ts-fsrs';

export type DrillRating = 1 | 2 | 3 | 4; // Again, Hard, Good, Easy

export interface StoredCardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: string | null;
}

export const DEFAULT_RETENTION = 0.9;
export const clampRetention = (r: number) => Math.min(0.97, Math.max(0.7, r));

export function newCardState(now: Date): StoredCardState {
  return fromCard(createEmptyCard(now));
}

function fromCard(c: Card): StoredCardState {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.toISOString() : null,
  };
}

function toCard(s: StoredCardState): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReview ? new Date(s.lastReview) : undefined,
  };
}

/** The card's next state after the rep rates recall; fuzz off so schedules are reproducible. */
export function scheduleReview(
  state: StoredCardState,
  rating: DrillRating,
  now: Date,
  desiredRetention = DEFAULT_RETENTION,
): StoredCardState {
  const f = fsrs(generatorParameters({ request_retention: clampRetention(desiredRetention), enable_fuzz: false }));
  return fromCard(f.next(toCard(state), now, rating).card);
}

/** Intervals each rating would give now (shown on the buttons: "Good · 3 d"). */
export function previewIntervals(state: StoredCardState, now: Date, desiredRetention = DEFAULT_RETENTION): Record<DrillRating, string> {
  const out = {} as Record<DrillRating, string>;
  for (const r of [1, 2, 3, 4] as DrillRating[]) out[r] = scheduleReview(state, r, now, desiredRetention).due;
  return out;
}
