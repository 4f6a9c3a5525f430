import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/contract';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export interface MigrateResult {
  from: number;
  to: number;
  /** Where the pre-migration copy was written (only when an existing, non-empty workspace was migrated). */
  copyPath: string | null;
}

const latestVersion = (migrations: Migration[]) => (migrations.length ? migrations[migrations.length - 1].version : 0);

/** Refuses a workspace saved by a newer app (checked before anything is written to the file). */
export function assertKnownSchema(version: number, migrations: Migration[] = allMigrations) {
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new AppError(
      'workspace',
      `This workspace was saved by a newer version of Sales Workbench (schema ${version}, this app knows ${latest}). Update the app to open it; the file was not changed.`,
      undefined,
      { key: 'workspace.newerSchema', params: { version, latest } },
    );
  }
}

/**
 * Brings the schema to the latest version. Before touching a workspace that
 * already holds data, a consistent copy is written beside it (VACUUM INTO),
 * so a failed or unwanted upgrade can be undone by hand.
 */
export function migrate(db: Database, file: string | null, migrations: Migration[] = allMigrations): MigrateResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  assertKnownSchema(from, migrations);
  const pending = migrations.filter((m) => m.version > from);
  if (!pending.length) return { from, to: from, copyPath: null };

  let copyPath: string | null = null;
  if (from > 0 && file && file !== ':memory:') {
    copyPath = `${file}.before-v${latest}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    if (fs.existsSync(copyPath)) fs.rmSync(copyPath);
    db.prepare('VACUUM INTO ?').run(copyPath);
  }
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest, copyPath };
}
