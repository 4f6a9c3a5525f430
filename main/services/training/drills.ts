/**
 * Objection and product-fact drills with FSRS scheduling. Cards come from the
 * scripts' objection bank (listObjectionCards) and from quiz questions of the
 * courses a rep is assigned; they are synced into drill_cards when a session starts.
 */
import { AppError } from '../../../shared/api/contract';
import type { DrillCard, DrillSession } from '../../../shared/api/training';
import {
  DEFAULT_RETENTION,
  clampRetention,
  newCardState,
  previewIntervals,
  scheduleReview,
  type DrillRating,
  type StoredCardState,
} from '../../../shared/domain/drills';
import type { DB } from '../../db/open';
import { DRILL_RATING_VALUE } from '../../../shared/domain/competence';
import { listObjectionCards } from '../scripts/published';
import { invalidateCompetence } from './competence';
import { clock } from './clock';

const RETENTION_KEY = 'training.desired_retention';
const NEW_PER_SESSION = 10;

export function desiredRetention(db: DB): number {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(RETENTION_KEY) as { value: string } | undefined;
  const v = r ? Number(r.value) : DEFAULT_RETENTION;
  return Number.isFinite(v) ? clampRetention(v) : DEFAULT_RETENTION;
}
export function setDesiredRetention(db: DB, v: number) {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    RETENTION_KEY,
    String(clampRetention(v)),
  );
  return { desiredRetention: desiredRetention(db) };
}

const compId = (db: DB, key: string) =>
  (db.prepare('SELECT id FROM competencies WHERE key = ?').get(key) as { id: number } | undefined)?.id ?? null;

/** Brings drill_cards up to date with the objection bank and quiz questions (insert new, refresh text, retire gone). */
export function syncDrillCards(db: DB) {
  const up = db.prepare(
    `INSERT INTO drill_cards(source, source_ref, competency_id, prompt, answer, language, active) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT(source, source_ref) DO UPDATE SET prompt = excluded.prompt, answer = excluded.answer, competency_id = excluded.competency_id, language = excluded.language, active = 1`,
  );
  db.transaction(() => {
    const objection = compId(db, 'objection_handling');
    const seen = new Set<number>();
    for (const c of listObjectionCards(db)) {
      up.run('objection', c.id, objection, c.objection, c.responses.map((r) => `• ${r}`).join('\n'), c.language);
      seen.add(c.id);
    }
    for (const r of db.prepare("SELECT id, source_ref FROM drill_cards WHERE source = 'objection' AND active = 1").all() as {
      id: number;
      source_ref: number;
    }[])
      if (!seen.has(r.source_ref)) db.prepare('UPDATE drill_cards SET active = 0 WHERE id = ?').run(r.id);
    // Quiz questions of published courses (single/multiple/true-false; ordering reads badly as a flashcard).
    const qs = db
      .prepare(
        `SELECT q.id, q.kind, q.prompt, q.options_json, q.correct_json, q.explanation, c.language,
                (SELECT min(competency_id) FROM course_competencies cc WHERE cc.course_id = c.id) AS comp
         FROM quiz_questions q JOIN course_items i ON i.id = q.item_id AND i.removed = 0 JOIN courses c ON c.id = i.course_id AND c.status = 'published'
         WHERE q.removed = 0 AND q.kind <> 'ordering'
           AND NOT EXISTS (SELECT 1 FROM drill_cards d WHERE d.source = 'question' AND d.source_ref = q.id)`,
      )
      .all() as {
      id: number;
      kind: string;
      prompt: string;
      options_json: string;
      correct_json: string;
      explanation: string;
      language: string;
      comp: number | null;
    }[];
    for (const q of qs) {
      const opts = JSON.parse(q.options_json) as { id: string; text: string }[];
      const correct = JSON.parse(q.correct_json) as string[];
      const answer = opts
        .filter((o) => correct.includes(o.id))
        .map((o) => o.text)
        .join('; ');
      up.run('question', q.id, q.comp, q.prompt, q.explanation ? `${answer}\n\n${q.explanation}` : answer, q.language);
    }
  })();
}

interface CardRow {
  id: number;
  source: 'objection' | 'question';
  prompt: string;
  answer: string;
  competency_id: number | null;
  state_json: string | null;
  due: string | null;
  reps: number | null;
  lapses: number | null;
}

/** The rep's deck: objection cards for everyone, question cards from courses assigned to the rep. */
const DECK = `
  FROM drill_cards d LEFT JOIN drill_state s ON s.card_id = d.id AND s.person_id = @p
  WHERE d.active = 1 AND (d.source = 'objection' OR d.source_ref IN (
    SELECT q.id FROM quiz_questions q JOIN course_items i ON i.id = q.item_id JOIN assignments a ON a.course_id = i.course_id AND a.person_id = @p AND a.retired_at IS NULL))`;

export function drillSession(db: DB, personId: number, limit: number): DrillSession {
  syncDrillCards(db);
  const now = clock.now();
  const nowIso = now.toISOString();
  const retention = desiredRetention(db);
  const cols = 'SELECT d.id, d.source, d.prompt, d.answer, d.competency_id, s.state_json, s.due, s.reps, s.lapses';
  const due = db
    .prepare(`${cols} ${DECK} AND s.due IS NOT NULL AND s.due <= @now ORDER BY s.due LIMIT @limit`)
    .all({ p: personId, now: nowIso, limit }) as CardRow[];
  const fresh =
    due.length < limit
      ? (db
          .prepare(`${cols} ${DECK} AND s.card_id IS NULL ORDER BY d.source DESC, d.id LIMIT @limit`)
          .all({ p: personId, limit: Math.min(NEW_PER_SESSION, limit - due.length) }) as CardRow[])
      : [];
  const counts = db
    .prepare(`SELECT count(*) AS total, sum(s.due IS NOT NULL AND s.due <= @now) AS due, sum(s.card_id IS NULL) AS new ${DECK}`)
    .get({ p: personId, now: nowIso }) as { total: number; due: number | null; new: number | null };
  const dayStart = nowIso.slice(0, 10);
  const reviewedToday = (
    db.prepare('SELECT count(*) AS n FROM drill_reviews WHERE person_id = ? AND reviewed_at >= ?').get(personId, dayStart) as { n: number }
  ).n;
  const ret = db
    .prepare('SELECT avg(rating > 1) AS r FROM drill_reviews WHERE person_id = ? AND reviewed_at >= ?')
    .get(personId, new Date(now.getTime() - 30 * 86_400_000).toISOString()) as { r: number | null };
  const toCard = (r: CardRow): DrillCard => {
    const state: StoredCardState = r.state_json ? (JSON.parse(r.state_json) as StoredCardState) : newCardState(now);
    return {
      id: r.id,
      source: r.source,
      prompt: r.prompt,
      answer: r.answer,
      competencyId: r.competency_id,
      due: r.due ?? nowIso,
      reps: r.reps ?? 0,
      lapses: r.lapses ?? 0,
      isNew: !r.state_json,
      intervals: previewIntervals(state, now, retention),
    };
  };
  return {
    cards: [...due, ...fresh].map(toCard),
    dueCount: counts.due ?? 0,
    newCount: counts.new ?? 0,
    totalCards: counts.total,
    reviewedToday,
    retention30d: ret.r,
    desiredRetention: retention,
  };
}

export function reviewCard(db: DB, personId: number, cardId: number, rating: DrillRating, typed: string, at = clock.now()) {
  return db.transaction(() => {
    const card = db.prepare('SELECT id, competency_id FROM drill_cards WHERE id = ?').get(cardId) as
      { id: number; competency_id: number | null } | undefined;
    if (!card) throw new AppError('not_found', 'This drill card does not exist.', undefined, { key: 'training.drillCardNotFound' });
    const s = db.prepare('SELECT state_json FROM drill_state WHERE person_id = ? AND card_id = ?').get(personId, cardId) as
      { state_json: string } | undefined;
    const prev: StoredCardState = s ? (JSON.parse(s.state_json) as StoredCardState) : newCardState(at);
    // A review can't precede the previous one (clock changes, two devices): FSRS needs time to move forward.
    if (prev.lastReview && at.getTime() < Date.parse(prev.lastReview)) at = new Date(prev.lastReview);
    const next = scheduleReview(prev, rating, at, desiredRetention(db));
    db.prepare(
      `INSERT INTO drill_state(person_id, card_id, due, state_json, reps, lapses) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(person_id, card_id) DO UPDATE SET due = excluded.due, state_json = excluded.state_json, reps = excluded.reps, lapses = excluded.lapses`,
    ).run(personId, cardId, next.due, JSON.stringify(next), next.reps, next.lapses);
    db.prepare('INSERT INTO drill_reviews(person_id, card_id, competency_id, rating, typed, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      personId,
      cardId,
      card.competency_id,
      rating,
      typed,
      at.toISOString(),
    );
    if (card.competency_id != null)
      db.prepare(
        `INSERT INTO drill_daily(person_id, competency_id, day, reviews, value_sum) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT(person_id, competency_id, day) DO UPDATE SET reviews = reviews + 1, value_sum = value_sum + excluded.value_sum`,
      ).run(personId, card.competency_id, at.toISOString().slice(0, 10), DRILL_RATING_VALUE[rating]);
    invalidateCompetence(db, personId);
    return { nextDue: next.due };
  })();
}
