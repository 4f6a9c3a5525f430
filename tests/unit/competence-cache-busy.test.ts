/**
 * Competence scores are a read: while another connection holds the write lock (a CRM import's
 * one long transaction), they are computed and answered at once, and only the cache is skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { competenceScores } from '../../main/services/training/competence';
import { createPerson } from '../../main/services/people';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comp-busy-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers while a write lock is held elsewhere (no SQLITE_BUSY), and caches once the lock is free', () => {
  const rep = createPerson(db, { name: 'Rep', email: 'rep@x.io', roles: ['rep'], teamId: null, names: {}, hiredAt: null });
  const cached = () => db.prepare('SELECT COUNT(*) FROM competence_cache WHERE rep_id = ?').pluck().get(rep.id) as number;
  const other = new Database(db.name);
  other.exec('BEGIN IMMEDIATE');
  const scores = competenceScores(db, { repIds: [rep.id] });
  other.exec('ROLLBACK');
  other.close();
  expect(scores.some((s) => s.repId === rep.id && s.competencyId === null)).toBe(true);
  expect(cached()).toBe(0);
  expect(db.pragma('busy_timeout', { simple: true })).toBe(5000); // the connection's own wait is restored
  expect(competenceScores(db, { repIds: [rep.id] })).toEqual(scores);
  expect(cached()).toBeGreaterThan(0);
});
