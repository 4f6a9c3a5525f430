import type { Migration } from './types';
import { createFtsTable } from '../fts';

export const m005: Migration = {
  version: 5,
  name: 'training: competency levels, job roles & targets, assessments, courses, quizzes, plans, assignments, certificates, competence cache, drills',
  up(db) {
    db.exec(`
      CREATE TABLE competency_levels (
        competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        text_en TEXT NOT NULL DEFAULT '', text_ru TEXT NOT NULL DEFAULT '', text_zh TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (competency_id, level)
      ) WITHOUT ROWID;

      -- Job roles for targets (junior rep, rep, senior rep…), separate from app permission roles.
      CREATE TABLE job_roles (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
        name_en TEXT NOT NULL, name_ru TEXT NOT NULL DEFAULT '', name_zh TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE job_role_members (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        job_role_id INTEGER NOT NULL REFERENCES job_roles(id) ON DELETE CASCADE
      );
      CREATE TABLE role_targets (
        job_role_id INTEGER NOT NULL REFERENCES job_roles(id) ON DELETE CASCADE,
        competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (job_role_id, competency_id)
      ) WITHOUT ROWID;

      CREATE TABLE competency_assessments (
        id INTEGER PRIMARY KEY,
        rep_id INTEGER NOT NULL REFERENCES people(id),
        competency_id INTEGER NOT NULL REFERENCES competencies(id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        note TEXT NOT NULL DEFAULT '',
        assessed_at TEXT NOT NULL,
        assessor_id INTEGER REFERENCES people(id),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX assessments_rep ON competency_assessments(rep_id, assessed_at);

      CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX courses_status ON courses(status, title);
      CREATE TABLE course_competencies (
        course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        competency_id INTEGER NOT NULL REFERENCES competencies(id),
        PRIMARY KEY (course_id, competency_id)
      ) WITHOUT ROWID;
      CREATE INDEX course_competencies_comp ON course_competencies(competency_id, course_id);
      CREATE TABLE course_modules (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL
      );
      CREATE INDEX course_modules_course ON course_modules(course_id, position);
      CREATE TABLE course_items (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        module_id INTEGER NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('lesson','quiz')),
        title TEXT NOT NULL,
        body_md TEXT NOT NULL DEFAULT '',
        pass_mark REAL NOT NULL DEFAULT 80 CHECK (pass_mark BETWEEN 0 AND 100),
        attempts_allowed INTEGER NOT NULL DEFAULT 3,
        shuffle INTEGER NOT NULL DEFAULT 1,
        removed INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX course_items_course ON course_items(course_id, module_id, position);
      CREATE TABLE quiz_questions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES course_items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options_json TEXT NOT NULL,
        correct_json TEXT NOT NULL,
        explanation TEXT NOT NULL DEFAULT '',
        removed INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX quiz_questions_item ON quiz_questions(item_id, position);

      -- Progress is per person × item, independent of plans: editing a plan never erases it.
      CREATE TABLE lesson_progress (
        person_id INTEGER NOT NULL REFERENCES people(id),
        item_id INTEGER NOT NULL REFERENCES course_items(id) ON DELETE CASCADE,
        course_id INTEGER NOT NULL,
        completed_at TEXT NOT NULL,
        PRIMARY KEY (person_id, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX lesson_progress_course ON lesson_progress(course_id, person_id);
      CREATE TABLE quiz_attempts (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        item_id INTEGER NOT NULL REFERENCES course_items(id),
        course_id INTEGER NOT NULL REFERENCES courses(id),
        attempt_no INTEGER NOT NULL,
        submitted_at TEXT NOT NULL,
        score REAL NOT NULL,
        passed INTEGER NOT NULL,
        answers_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX quiz_attempts_person ON quiz_attempts(person_id, course_id, submitted_at);
      CREATE INDEX quiz_attempts_item ON quiz_attempts(item_id, submitted_at);
      CREATE INDEX quiz_attempts_course ON quiz_attempts(course_id, person_id);
      CREATE TABLE attempt_answers (
        attempt_id INTEGER NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        question_id INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      ) WITHOUT ROWID;
      CREATE INDEX attempt_answers_question ON attempt_answers(question_id, correct);
      -- Per person × quiz summary, kept up to date on each submit (progress, dashboard and "stuck" read it).
      CREATE TABLE quiz_person (
        person_id INTEGER NOT NULL REFERENCES people(id),
        item_id INTEGER NOT NULL REFERENCES course_items(id),
        course_id INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        best_score REAL NOT NULL,
        passed INTEGER NOT NULL,
        last_at TEXT NOT NULL,
        -- extra attempts a trainer allowed beyond the quiz's limit
        granted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (person_id, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX quiz_person_course ON quiz_person(course_id, person_id, passed);
      CREATE INDEX quiz_person_item ON quiz_person(item_id, passed);
      -- Item analysis counters (answered / correct per question), incremented on each submit.
      CREATE TABLE question_stats (
        question_id INTEGER PRIMARY KEY REFERENCES quiz_questions(id) ON DELETE CASCADE,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE course_completions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        course_id INTEGER NOT NULL REFERENCES courses(id),
        completed_at TEXT NOT NULL,
        score REAL,
        certificate_no TEXT NOT NULL UNIQUE
      );
      CREATE INDEX completions_person ON course_completions(person_id, course_id, completed_at);
      CREATE INDEX completions_course ON course_completions(course_id, completed_at);

      -- Plans are versioned: each save adds a version; assignments point at the plan and keep their history.
      CREATE TABLE training_plans (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        current_version INTEGER NOT NULL DEFAULT 1,
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE plan_versions (
        plan_id INTEGER NOT NULL REFERENCES training_plans(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        course_ids TEXT NOT NULL,
        target_json TEXT NOT NULL,
        due_date TEXT,
        recurrence_months INTEGER,
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        PRIMARY KEY (plan_id, version)
      ) WITHOUT ROWID;
      CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES training_plans(id),
        plan_version INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        course_id INTEGER NOT NULL REFERENCES courses(id),
        due_date TEXT,
        recurrence_months INTEGER,
        assigned_at TEXT NOT NULL,
        retired_at TEXT,
        UNIQUE (plan_id, person_id, course_id)
      );
      CREATE INDEX assignments_person ON assignments(person_id, retired_at);
      CREATE INDEX assignments_course ON assignments(course_id, retired_at);

      -- Per-rep competence cache; a rep's rows are dropped when new evidence for the rep arrives.
      CREATE TABLE competence_cache (
        rep_id INTEGER NOT NULL,
        competency_id INTEGER NOT NULL,
        as_of TEXT NOT NULL,
        score REAL,
        raw_score REAL,
        n INTEGER NOT NULL,
        sufficient INTEGER NOT NULL,
        PRIMARY KEY (rep_id, competency_id)
      ) WITHOUT ROWID;

      CREATE TABLE drill_cards (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('objection','question')),
        source_ref INTEGER NOT NULL,
        competency_id INTEGER REFERENCES competencies(id),
        prompt TEXT NOT NULL,
        answer TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        active INTEGER NOT NULL DEFAULT 1,
        UNIQUE (source, source_ref)
      );
      CREATE TABLE drill_state (
        person_id INTEGER NOT NULL REFERENCES people(id),
        card_id INTEGER NOT NULL REFERENCES drill_cards(id) ON DELETE CASCADE,
        due TEXT NOT NULL,
        state_json TEXT NOT NULL,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (person_id, card_id)
      ) WITHOUT ROWID;
      CREATE INDEX drill_state_due ON drill_state(person_id, due);
      CREATE TABLE drill_reviews (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        card_id INTEGER NOT NULL REFERENCES drill_cards(id) ON DELETE CASCADE,
        competency_id INTEGER,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        typed TEXT NOT NULL DEFAULT '',
        reviewed_at TEXT NOT NULL
      );
      CREATE INDEX drill_reviews_person ON drill_reviews(person_id, reviewed_at);
      -- Daily drill recall per rep × competency (one piece of competence evidence per day), kept on each review.
      CREATE TABLE drill_daily (
        person_id INTEGER NOT NULL,
        competency_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        reviews INTEGER NOT NULL,
        value_sum REAL NOT NULL,
        PRIMARY KEY (person_id, competency_id, day)
      ) WITHOUT ROWID;

      -- Per person × course progress (items done, last activity, latest completion), kept on each lesson/quiz event,
      -- so assignment status for thousands of assignments is one join.
      CREATE TABLE course_progress (
        person_id INTEGER NOT NULL,
        course_id INTEGER NOT NULL,
        done_items INTEGER NOT NULL DEFAULT 0,
        last_activity TEXT,
        completed_at TEXT,
        PRIMARY KEY (person_id, course_id)
      ) WITHOUT ROWID;
    `);
    createFtsTable(db, 'courses_fts', ['title', 'body']);
  },
};
