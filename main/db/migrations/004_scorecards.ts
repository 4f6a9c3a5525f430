import type { Migration } from './types';
import { createFtsTable } from '../fts';

/**
 * Calls, scorecard templates (versioned), evaluations with per-criterion answers,
 * disputes, coaching notes and calibration sessions. Template definitions are
 * stored as JSON per version so past evaluations display exactly as scored;
 * answers are rows so trends and evidence are plain indexed queries.
 */
export const m004: Migration = {
  version: 4,
  name: 'scorecards: calls, templates, evaluations, disputes, coaching, calibration',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        rep_id INTEGER NOT NULL REFERENCES people(id),
        -- the rep's team when the call happened (team filters follow history, and stay index-only)
        team_id INTEGER,
        at TEXT NOT NULL,
        customer TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT 'phone',
        direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('inbound','outbound')),
        duration_ms INTEGER,
        outcome TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        audio_sha TEXT,
        audio_type TEXT NOT NULL DEFAULT '',
        audio_name TEXT NOT NULL DEFAULT '',
        audio_size INTEGER,
        audio_codec TEXT NOT NULL DEFAULT '',
        transcript TEXT,
        transcript_format TEXT,
        -- scripts live in another feature's migration: a plain id, no foreign key
        script_id INTEGER,
        -- latest submitted (non-calibration) evaluation: for list filters without a join
        score REAL,
        evaluations INTEGER NOT NULL DEFAULT 0,
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX calls_at ON calls(at DESC, id DESC);
      CREATE INDEX calls_rep_at ON calls(rep_id, at DESC);
      CREATE INDEX calls_team_at ON calls(team_id, at DESC);
      CREATE INDEX calls_score_at ON calls(score, at DESC);
      CREATE INDEX calls_audio ON calls(audio_sha) WHERE audio_sha IS NOT NULL;

      CREATE TABLE call_peaks (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        peaks BLOB NOT NULL
      );

      CREATE TABLE call_comments (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        author_id INTEGER REFERENCES people(id),
        at_ms INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX call_comments_call ON call_comments(call_id, at_ms);

      CREATE TABLE scorecard_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE scorecard_versions (
        id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES scorecard_templates(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','published','archived')),
        definition TEXT NOT NULL,
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        published_at TEXT,
        UNIQUE (template_id, version)
      );
      -- Criterion ids are allocated here and kept across versions, so trends follow a criterion through edits.
      CREATE TABLE scorecard_criteria (
        id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES scorecard_templates(id) ON DELETE CASCADE
      );

      CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL REFERENCES scorecard_versions(id),
        grader_id INTEGER NOT NULL REFERENCES people(id),
        rep_id INTEGER NOT NULL REFERENCES people(id),
        call_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','submitted')),
        score REAL,
        auto_failed INTEGER NOT NULL DEFAULT 0,
        fail_reason TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        calibration_id INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        submitted_at TEXT
      );
      CREATE INDEX evaluations_rep ON evaluations(rep_id, status, call_at);
      CREATE INDEX evaluations_call ON evaluations(call_id);
      CREATE INDEX evaluations_grader ON evaluations(grader_id, status);
      CREATE INDEX evaluations_calibration ON evaluations(calibration_id);
      CREATE UNIQUE INDEX evaluations_one_per_grader ON evaluations(call_id, grader_id, IFNULL(calibration_id, 0));

      CREATE TABLE evaluation_answers (
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL,
        competency_id INTEGER,
        value REAL,
        na INTEGER NOT NULL DEFAULT 0,
        scale_max REAL NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        evidence_ms INTEGER,
        PRIMARY KEY (evaluation_id, criterion_id)
      ) WITHOUT ROWID;

      CREATE TABLE evaluation_log (
        id INTEGER PRIMARY KEY,
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        actor_id INTEGER,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX evaluation_log_eval ON evaluation_log(evaluation_id);

      CREATE TABLE evaluation_feedback (
        id INTEGER PRIMARY KEY,
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL,
        rep_id INTEGER NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL CHECK (kind IN ('acknowledge','dispute')),
        reason TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('acknowledged','open','accepted','partly','rejected')),
        resolution TEXT NOT NULL DEFAULT '',
        old_value REAL,
        new_value REAL,
        resolved_by INTEGER REFERENCES people(id),
        resolved_at TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX evaluation_feedback_eval ON evaluation_feedback(evaluation_id, criterion_id);
      CREATE INDEX evaluation_feedback_open ON evaluation_feedback(status) WHERE status = 'open';

      CREATE TABLE coaching_notes (
        id INTEGER PRIMARY KEY,
        rep_id INTEGER NOT NULL REFERENCES people(id),
        author_id INTEGER REFERENCES people(id),
        evaluation_id INTEGER REFERENCES evaluations(id) ON DELETE SET NULL,
        criterion_ids TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL,
        action TEXT NOT NULL DEFAULT '',
        due TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX coaching_notes_rep ON coaching_notes(rep_id, done, created_at);

      CREATE TABLE calibration_sessions (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        version_id INTEGER NOT NULL REFERENCES scorecard_versions(id),
        deadline TEXT,
        reference_grader_id INTEGER REFERENCES people(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE calibration_calls (
        session_id INTEGER NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, call_id)
      ) WITHOUT ROWID;
      CREATE TABLE calibration_graders (
        session_id INTEGER NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        grader_id INTEGER NOT NULL REFERENCES people(id),
        PRIMARY KEY (session_id, grader_id)
      ) WITHOUT ROWID;
    `);
    // Customer / outcome search through the shared FTS module (CJK bigrams, ru/en stemming).
    createFtsTable(db, 'calls_fts', ['body']);
  },
};
