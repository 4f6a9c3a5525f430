import { createFtsTable, ftsWriter } from '../fts';
import type { Migration } from './types';

/**
 * Reps' words and live guidance:
 * - objection cards get "what customers say" trigger phrases per language (JSON {en, ru, zh}),
 *   indexed in a new 4th column of the objection index (rebuilt here; Russian words are now
 *   indexed with their stems too, so the script-step index is rebuilt from its rows as well);
 * - search synonyms per workspace (groups of equivalent words/phrases, applied at query time);
 * - forbidden phrases for live-guidance nudges;
 * - each call's live transcript and guidance events, kept with the call record.
 */
export const m009: Migration = {
  version: 9,
  name: 'scripts: objection trigger phrases, search synonyms; guidance: forbidden phrases, call transcripts and events',
  up(db) {
    db.exec(`
      ALTER TABLE objection_cards ADD COLUMN triggers TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE search_synonyms (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        terms TEXT NOT NULL
      );
      CREATE TABLE guidance_forbidden (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        phrase TEXT NOT NULL
      );
      CREATE TABLE call_guidance (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        script_id INTEGER,
        transcript TEXT NOT NULL,
        events TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      DROP TABLE objection_cards_fts;
    `);
    createFtsTable(db, 'objection_cards_fts', ['objection', 'responses', 'tags', 'triggers'], { prefix: [1, 2, 3, 4, 5, 6] });
    const cards = ftsWriter(db, 'objection_cards_fts', ['objection', 'responses', 'tags', 'triggers']);
    for (const r of db.prepare('SELECT id, objection, responses, tags FROM objection_cards').all() as {
      id: number;
      objection: string;
      responses: string;
      tags: string;
    }[]) {
      cards.put(r.id, [r.objection, (JSON.parse(r.responses) as string[]).join('\n'), (JSON.parse(r.tags) as string[]).join(' '), '']);
    }
    // Same text as the scripts service indexes (title; talking points, say-it, listen-for, must-say, answers).
    const steps = ftsWriter(db, 'script_steps_fts', ['title', 'body']);
    const rows = db
      .prepare('SELECT step_id, title, talking_points_md, say_it, listen_for, must_say, choices FROM script_published_steps')
      .all() as {
      step_id: number;
      title: string;
      talking_points_md: string;
      say_it: string;
      listen_for: string;
      must_say: string;
      choices: string;
    }[];
    for (const r of rows) {
      const body = [
        r.talking_points_md,
        r.say_it,
        r.listen_for,
        ...(JSON.parse(r.must_say) as string[]),
        ...(JSON.parse(r.choices) as { label: string }[]).map((c) => c.label),
      ]
        .filter(Boolean)
        .join('\n');
      steps.put(r.step_id, [r.title, body]);
    }
  },
};
