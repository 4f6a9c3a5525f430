/**
 * FTS5 helpers. SQLite-only search lives behind these few functions so a
 * server database could replace them later. Tables are contentless (the
 * original text stays in the feature's own table); the indexed text is
 * shared/search's `indexText` (folded, CJK as bigrams).
 */
import type { DB } from './open';
import { indexText, parseQuery, type ParsedQuery } from '../../shared/search/text';

export function createFtsTable(db: DB, table: string, columns: string[], opts: { prefix?: number[] } = {}) {
  // Optional prefix indexes make "word"* queries of those lengths cheap on large tables (stems are 4+ letters).
  const prefix = opts.prefix?.length ? `, prefix='${opts.prefix.filter((n) => Number.isInteger(n) && n > 0 && n < 20).join(' ')}'` : '';
  db.exec(
    `CREATE VIRTUAL TABLE ${table} USING fts5(${columns.join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'${prefix})`,
  );
}

/** Returns a function that (re)indexes one row: fts(rowid, [col1Text, col2Text, ...]). */
export function ftsWriter(db: DB, table: string, columns: string[]) {
  const del = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
  const ins = db.prepare(`INSERT INTO ${table}(rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
  return {
    put(rowid: number | bigint, values: string[]) {
      del.run(rowid);
      ins.run(rowid, ...values.map((v) => indexText(v ?? '')));
    },
    remove(rowid: number | bigint) {
      del.run(rowid);
    },
  };
}

export { parseQuery, type ParsedQuery };
