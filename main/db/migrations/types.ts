import type { Database } from 'better-sqlite3';

/** One numbered schema step. `up` runs inside a transaction; never edit a shipped migration, add a new one. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
