import type { Migration } from './types';

/**
 * Team server accounts: a password per person (argon2id hash), single-use
 * invitations and sessions (both stored only as SHA-256 hashes of their
 * secrets), and the sign-in failure counters behind throttling and lock-out.
 * Times are epoch milliseconds (expiry arithmetic without date parsing).
 */
export const m011: Migration = {
  version: 11,
  name: 'team accounts: passwords, invitations, sessions, sign-in throttling',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL
      );

      CREATE TABLE invitations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL UNIQUE,
        created_by INTEGER,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX invitations_person ON invitations(person_id);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('browser','bearer')),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        user_agent TEXT NOT NULL DEFAULT '',
        ip TEXT NOT NULL DEFAULT '',
        role TEXT
      ) WITHOUT ROWID;
      CREATE INDEX sessions_person ON sessions(person_id);

      -- keys: 'acct:<e-mail>' (known or not, so behaviour leaks nothing) and 'ip:<address>'
      CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
