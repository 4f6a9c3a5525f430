/**
 * The desktop client's offline cache: one SQLite file, separate from any
 * workspace, with its own small schema (user_version). Holds the server, the
 * signed-in person, the sync cursor, what a rep needs on calls (indexed for
 * live search with the same folding/stemming as the server), and the usage
 * events waiting to be sent.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { highlight, parseQuery, type Segment } from '../../../shared/search/text';
import type { SynonymGroup } from '../../../shared/api/scripts';
import type { QueuedUsage, SyncChanges, SyncLibraryItem, SyncObjection, SyncScript } from '../../../shared/api/sync';
import { createFtsTable, ftsWriter } from '../../db/fts';
import type { DB } from '../../db/open';

const SCHEMA_VERSION = 1;

export function openCache(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // deleted rows are overwritten, not left in free pages (the token scrub below relies on it)
  db.pragma('secure_delete = ON');
  const v = db.pragma('user_version', { simple: true }) as number;
  if (v > SCHEMA_VERSION) {
    db.close();
    throw new Error('This offline cache was written by a newer version of the app.');
  }
  if (v < 1) {
    db.transaction(() => {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE scripts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, language TEXT NOT NULL, revision INTEGER NOT NULL);
        CREATE TABLE steps (id INTEGER PRIMARY KEY, script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE, position INTEGER NOT NULL, data TEXT NOT NULL);
        CREATE INDEX steps_script ON steps(script_id, position);
        CREATE TABLE objections (id INTEGER PRIMARY KEY, language TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE library (id INTEGER PRIMARY KEY, data TEXT NOT NULL, file_path TEXT);
        CREATE TABLE usage_queue (id TEXT PRIMARY KEY, data TEXT NOT NULL, queued_at TEXT NOT NULL);
      `);
      createFtsTable(db, 'steps_fts', ['title', 'body'], { prefix: [1, 2, 3, 4, 5, 6] });
      createFtsTable(db, 'objections_fts', ['objection', 'responses', 'tags', 'triggers'], { prefix: [1, 2, 3, 4, 5, 6] });
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}

export function getMeta(db: DB, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setMeta(db: DB, key: string, value: string | null) {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Moves every change into the main file and empties the WAL, so deleted bytes survive in neither. */
export function scrub(db: DB) {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const stepBody = (s: SyncScript['steps'][number]) =>
  [s.talkingPointsMd, s.sayIt, s.listenFor, ...s.mustSay, ...s.choices.map((c) => c.label)].filter(Boolean).join('\n');

/**
 * Applies one answer of `sync.changes` in ONE transaction, cursor included: a crash or a
 * lost connection leaves the previous version whole, never half of each.
 */
export function applyChanges(db: DB, ch: SyncChanges, syncedAt: string) {
  const stepsFts = ftsWriter(db, 'steps_fts', ['title', 'body']);
  const cardsFts = ftsWriter(db, 'objections_fts', ['objection', 'responses', 'tags', 'triggers']);
  db.transaction(() => {
    const dropScript = (id: number) => {
      for (const sid of db.prepare('SELECT id FROM steps WHERE script_id = ?').pluck().all(id) as number[]) stepsFts.remove(sid);
      db.prepare('DELETE FROM steps WHERE script_id = ?').run(id);
      db.prepare('DELETE FROM scripts WHERE id = ?').run(id);
    };
    const liveScripts = new Set(ch.live.scripts);
    for (const id of db.prepare('SELECT id FROM scripts').pluck().all() as number[]) if (!liveScripts.has(id)) dropScript(id);
    const insStep = db.prepare('INSERT INTO steps(id, script_id, position, data) VALUES (?, ?, ?, ?)');
    for (const s of ch.scripts) {
      dropScript(s.id);
      db.prepare('INSERT INTO scripts(id, title, language, revision) VALUES (?, ?, ?, ?)').run(s.id, s.title, s.language, s.revision);
      for (const st of s.steps) {
        insStep.run(st.id, s.id, st.position, JSON.stringify(st));
        stepsFts.put(st.id, [st.title, stepBody(st)]);
      }
    }

    const liveCards = new Set(ch.live.objections);
    for (const id of db.prepare('SELECT id FROM objections').pluck().all() as number[]) {
      if (liveCards.has(id)) continue;
      db.prepare('DELETE FROM objections WHERE id = ?').run(id);
      cardsFts.remove(id);
    }
    const putCard = db.prepare(
      'INSERT INTO objections(id, language, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET language = excluded.language, data = excluded.data',
    );
    for (const o of ch.objections) {
      putCard.run(o.id, o.language, JSON.stringify(o));
      cardsFts.put(o.id, [
        o.objection,
        o.responses.join('\n'),
        o.tags.join(' '),
        [...o.triggers.en, ...o.triggers.ru, ...o.triggers.zh].join('\n'),
      ]);
    }

    const liveLib = new Set(ch.live.library);
    for (const r of db.prepare('SELECT id, file_path FROM library').all() as { id: number; file_path: string | null }[]) {
      if (liveLib.has(r.id)) continue;
      db.prepare('DELETE FROM library WHERE id = ?').run(r.id);
    }
    // A new version of an item drops the downloaded file (fetched again on demand).
    const putItem = db.prepare(
      `INSERT INTO library(id, data, file_path) VALUES (?, ?, NULL) ON CONFLICT(id) DO UPDATE SET data = excluded.data,
         file_path = CASE WHEN json_extract(library.data, '$.sha256') IS json_extract(excluded.data, '$.sha256') THEN library.file_path ELSE NULL END`,
    );
    for (const it of ch.library) putItem.run(it.id, JSON.stringify(it));

    if (ch.synonyms) setMeta(db, 'synonyms', JSON.stringify(ch.synonyms));
    setMeta(db, 'workspace_id', ch.workspaceId);
    setMeta(db, 'cursor', ch.cursor);
    setMeta(db, 'synced_at', syncedAt);
  })();
}

export interface CachedHit {
  kind: 'step' | 'objection';
  id: number;
  title: Segment[];
  /** the script (steps) or the card's first response */
  detail: string;
  language: string;
}

/** Live-call search over the cache: the server's query rules (folding, stems, CJK bigrams, synonyms). */
export function searchCache(db: DB, query: string, opts: { language?: string | null; limit?: number } = {}): CachedHit[] {
  const synonyms = JSON.parse(getMeta(db, 'synonyms') ?? '[]') as SynonymGroup[];
  const q = parseQuery(query, 12, synonyms);
  if (!q.match) return [];
  const limit = opts.limit ?? 20;
  const lang = opts.language ?? null;
  const hits: CachedHit[] = [];
  const cards = db
    .prepare(
      `SELECT o.id, o.language, o.data FROM objections_fts f JOIN objections o ON o.id = f.rowid
       WHERE objections_fts MATCH ? ${lang ? 'AND o.language = ?' : ''} ORDER BY bm25(objections_fts, 4.0, 1.0, 2.0, 4.0) LIMIT ?`,
    )
    .all(...(lang ? [q.match, lang, limit] : [q.match, limit])) as { id: number; language: string; data: string }[];
  for (const c of cards) {
    const o = JSON.parse(c.data) as SyncObjection;
    hits.push({ kind: 'objection', id: o.id, title: highlight(o.objection, q.terms), detail: o.responses[0] ?? '', language: c.language });
  }
  const steps = db
    .prepare(
      `SELECT st.id, st.data, s.title AS script, s.language FROM steps_fts f JOIN steps st ON st.id = f.rowid JOIN scripts s ON s.id = st.script_id
       WHERE steps_fts MATCH ? ${lang ? 'AND s.language = ?' : ''} ORDER BY bm25(steps_fts, 4.0, 1.0) LIMIT ?`,
    )
    .all(...(lang ? [q.match, lang, limit] : [q.match, limit])) as { id: number; data: string; script: string; language: string }[];
  for (const s of steps) {
    const st = JSON.parse(s.data) as SyncScript['steps'][number];
    hits.push({ kind: 'step', id: st.id, title: highlight(st.title, q.terms), detail: s.script, language: s.language });
  }
  return hits.slice(0, limit);
}

export function cachedScripts(db: DB): (Omit<SyncScript, 'steps'> & { steps: SyncScript['steps'] })[] {
  return (db.prepare('SELECT id, title, language, revision FROM scripts ORDER BY id').all() as Omit<SyncScript, 'steps'>[]).map((s) => ({
    ...s,
    steps: (db.prepare('SELECT data FROM steps WHERE script_id = ? ORDER BY position').pluck().all(s.id) as string[]).map(
      (d) => JSON.parse(d) as SyncScript['steps'][number],
    ),
  }));
}

export const cachedObjections = (db: DB): SyncObjection[] =>
  (db.prepare('SELECT data FROM objections ORDER BY id').pluck().all() as string[]).map((d) => JSON.parse(d) as SyncObjection);

export const cachedLibrary = (db: DB): (SyncLibraryItem & { filePath: string | null })[] =>
  (db.prepare('SELECT data, file_path FROM library ORDER BY id').all() as { data: string; file_path: string | null }[]).map((r) => ({
    ...(JSON.parse(r.data) as SyncLibraryItem),
    filePath: r.file_path,
  }));

export function setLibraryFile(db: DB, id: number, file: string) {
  db.prepare('UPDATE library SET file_path = ? WHERE id = ?').run(file, id);
}

export function queueUsage(db: DB, e: QueuedUsage & { id: string }) {
  db.prepare('INSERT OR IGNORE INTO usage_queue(id, data, queued_at) VALUES (?, ?, ?)').run(
    e.id,
    JSON.stringify(e),
    new Date().toISOString(),
  );
}

/** In the order they were logged (rowid: events of the same millisecond keep their order). */
export const queuedEvents = (db: DB, limit: number): (QueuedUsage & { id: string })[] =>
  (db.prepare('SELECT data FROM usage_queue ORDER BY queued_at, rowid LIMIT ?').pluck().all(limit) as string[]).map(
    (d) => JSON.parse(d) as QueuedUsage & { id: string },
  );

export function dropQueued(db: DB, ids: string[]) {
  const del = db.prepare('DELETE FROM usage_queue WHERE id = ?');
  db.transaction(() => ids.forEach((id) => del.run(id)))();
}

export const queueLength = (db: DB) => db.prepare('SELECT count(*) FROM usage_queue').pluck().get() as number;
