/**
 * What other features read of scripts (call coverage in scorecards, drills in
 * training, content links): published scripts and the objection bank.
 */
import type { DB } from '../../db/open';

export interface PublishedStep {
  id: number;
  position: number;
  stage: 'opening' | 'discovery' | 'presentation' | 'objection_handling' | 'closing' | 'follow_up';
  title: string;
  talkingPointsMd: string;
  sayIt: string;
  listenFor: string;
  /** Checklist items the rep must say in this step. */
  mustSay: string[];
}

export interface PublishedScript {
  id: number;
  title: string;
  language: string;
  steps: PublishedStep[];
}

export interface ObjectionCardRef {
  id: number;
  objection: string;
  responses: string[];
  tags: string[];
  language: string;
}

/** Published scripts (title of the published revision), alphabetical. */
export function listPublishedScripts(db: DB): { id: number; title: string; language: string }[] {
  return (
    db
      .prepare(
        `SELECT s.id, r.snapshot FROM scripts s JOIN script_revisions r ON r.script_id = s.id AND r.rev = s.published_revision
         WHERE s.published_revision IS NOT NULL ORDER BY s.title_fold, s.id`,
      )
      .all() as { id: number; snapshot: string }[]
  ).map((r) => {
    const snap = JSON.parse(r.snapshot) as { title: string; language: string };
    return { id: r.id, title: snap.title, language: snap.language };
  });
}

/** The published version of one script, or null when it does not exist or is not published. */
export function getPublishedScript(db: DB, id: number): PublishedScript | null {
  const row = db
    .prepare(
      `SELECT s.id, r.snapshot FROM scripts s JOIN script_revisions r ON r.script_id = s.id AND r.rev = s.published_revision
       WHERE s.id = ? AND s.published_revision IS NOT NULL`,
    )
    .get(id) as { id: number; snapshot: string } | undefined;
  if (!row) return null;
  const snap = JSON.parse(row.snapshot) as { title: string; language: string };
  const head = { id: row.id, title: snap.title, language: snap.language };
  const steps = (
    db
      .prepare(
        'SELECT step_id, position, stage, title, talking_points_md, say_it, listen_for, must_say FROM script_published_steps WHERE script_id = ? ORDER BY position',
      )
      .all(id) as {
      step_id: number;
      position: number;
      stage: PublishedStep['stage'];
      title: string;
      talking_points_md: string;
      say_it: string;
      listen_for: string;
      must_say: string;
    }[]
  ).map((s) => ({
    id: s.step_id,
    position: s.position,
    stage: s.stage,
    title: s.title,
    talkingPointsMd: s.talking_points_md,
    sayIt: s.say_it,
    listenFor: s.listen_for,
    mustSay: JSON.parse(s.must_say) as string[],
  }));
  return { ...head, steps };
}

/** The whole objection bank (cards are shared and live as soon as they are saved). */
export function listObjectionCards(db: DB): ObjectionCardRef[] {
  return (
    db.prepare('SELECT id, objection, responses, tags, language FROM objection_cards ORDER BY id').all() as {
      id: number;
      objection: string;
      responses: string;
      tags: string;
      language: string;
    }[]
  ).map((r) => ({
    id: r.id,
    objection: r.objection,
    responses: JSON.parse(r.responses) as string[],
    tags: JSON.parse(r.tags) as string[],
    language: r.language,
  }));
}
