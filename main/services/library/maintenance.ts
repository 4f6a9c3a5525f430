/** Workspace-open housekeeping and library settings (kept in the workspace's meta table). */
import fs from 'node:fs';
import type { LibrarySettings } from '../../../shared/api/library';
import type { DB } from '../../db/open';
import path from 'node:path';
import { blobPath, sweepOrphans, type SweepOptions, type SweepResult } from '../../files/store';
import { openReadonlyDb } from '../../db/open';
import { DEFAULT_UPLOAD_LIMIT } from '../../files/staging';

/**
 * Every content hash any table refers to. The store is shared by features
 * (library versions, call audio…), so each column named like *sha256* counts.
 */
export function referencedBlobs(db: DB): Set<string> {
  const refs = new Set<string>();
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    if (name.includes('_fts')) continue;
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => /sha|hash|blob/i.test(c));
    for (const c of cols) {
      for (const r of db.prepare(`SELECT DISTINCT "${c}" AS s FROM "${name}" WHERE "${c}" IS NOT NULL`).iterate() as Iterable<{
        s: string;
      }>)
        refs.add(r.s);
    }
  }
  return refs;
}

/** Every content hash the backups in `backupsDir` refer to (unreadable files are skipped, never fatal). */
export function blobsKeptByBackups(backupsDir: string, like: DB): Set<string> {
  const refs = new Set<string>();
  if (!fs.existsSync(backupsDir)) return refs;
  for (const f of fs.readdirSync(backupsDir)) {
    if (!f.endsWith('.sqlite')) continue;
    let b: DB | null = null;
    try {
      b = openReadonlyDb(path.join(backupsDir, f), like);
      for (const s of referencedBlobs(b)) refs.add(s);
    } catch (e) {
      console.warn(`[library] could not read backup ${f} for its file references: ${(e as Error).message}`);
    } finally {
      b?.close();
    }
  }
  return refs;
}

/**
 * At workspace open: moves unreferenced blobs to the trash, brings back trashed
 * blobs the database refers to again, and counts library versions whose file is missing.
 */
export function sweepLibrary(
  db: DB,
  filesDir: string,
  backupsDir?: string,
  opts: Omit<SweepOptions, 'keptByBackups'> = {},
): SweepResult & { missing: number } {
  const refs = referencedBlobs(db);
  const res = sweepOrphans(filesDir, refs, { ...opts, keptByBackups: backupsDir ? () => blobsKeptByBackups(backupsDir, db) : undefined });
  let missing = 0;
  for (const r of db.prepare('SELECT DISTINCT sha256 FROM library_versions WHERE sha256 IS NOT NULL').iterate() as Iterable<{
    sha256: string;
  }>) {
    if (!fs.existsSync(blobPath(filesDir, r.sha256))) missing++;
  }
  if (res.trashed || res.recovered || res.purged || missing) {
    console.warn(
      `[library] file sweep: ${res.trashed} to trash, ${res.recovered} recovered, ${res.purged} purged after retention; ${missing} version file(s) missing`,
    );
  }
  return { ...res, missing };
}

const num = (db: DB, key: string, dflt: number) => {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  const n = r ? Number(r.value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : dflt;
};

export function getSettings(db: DB): LibrarySettings {
  return {
    uploadLimitMb: num(db, 'library.upload_limit_mb', DEFAULT_UPLOAD_LIMIT / 1048576),
    staleDays: num(db, 'library.stale_days', 90),
  };
}

export function saveSettings(db: DB, s: LibrarySettings): LibrarySettings {
  const set = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    set.run('library.upload_limit_mb', String(s.uploadLimitMb));
    set.run('library.stale_days', String(s.staleDays));
  })();
  return getSettings(db);
}
