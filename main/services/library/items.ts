/**
 * Library items: metadata, versions, the full-text index and the paged list
 * with search. Synchronous SQL inside transactions; the async import flow
 * (staging -> checks -> worker extraction -> store -> row) lives in import.ts.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/api/contract';
import type { itemMetaInput, LibraryItem, LibraryPage, LibraryVersion, ListInput, listInput, Facets } from '../../../shared/api/library';
import { fold, parseQuery, highlight, type ParsedQuery, type Segment } from '../../../shared/search/text';
import { ftsWriter } from '../../db/fts';
import type { DB } from '../../db/open';
import { prepared } from '../../db/statements';
import { audit } from '../audit';
import { ITEM_SELECT, SQL_EXPIRED, SQL_VERIFY_DUE, parseTags, statusOf, titleKey, todayIso, toListRow, type ItemRow } from './rows';

export type Meta = z.output<typeof itemMetaInput>;
type ListParams = z.output<typeof listInput>;

const FTS_COLUMNS = ['title', 'description', 'tags', 'body'];
/** Search ranks at most this many matches (bm25), then filters and pages them: bounded cost for common words. */
export const SEARCH_RANK_LIMIT = 2000;
/** How many of the newest matching documents are ranked by bm25. */
export const RANK_WINDOW = 3000;

export function normTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tags) {
    const clean = t.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (clean && !seen.has(fold(clean))) seen.set(fold(clean), clean);
  }
  return [...seen.values()];
}

function writeTags(db: DB, itemId: number, tags: string[]) {
  db.prepare('DELETE FROM library_item_tags WHERE item_id = ?').run(itemId);
  const ins = db.prepare('INSERT OR IGNORE INTO library_item_tags(item_id, tag) VALUES (?, ?)');
  for (const t of tags) ins.run(itemId, fold(t));
}

/** Re-indexes one item from its current state (title, description, tags, current version text / note / URL). */
export function reindex(db: DB, itemId: number) {
  const r = db
    .prepare(
      `SELECT i.title, i.description, i.tags, i.kind, i.url, i.body_md, coalesce(v.text, '') AS text
       FROM library_items i LEFT JOIN library_versions v ON v.id = i.current_version_id WHERE i.id = ?`,
    )
    .get(itemId) as
    { title: string; description: string; tags: string; kind: string; url: string; body_md: string; text: string } | undefined;
  const w = ftsWriter(db, 'library_fts', FTS_COLUMNS);
  if (!r) return w.remove(itemId);
  const body = r.kind === 'note' ? r.body_md : r.kind === 'link' ? r.url : r.text;
  w.put(itemId, [r.title, r.description, parseTags(r.tags).join(' '), body]);
}

function row(db: DB, id: number): ItemRow {
  const r = db.prepare(`${ITEM_SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  if (!r) throw new AppError('not_found', 'This library item no longer exists.', undefined, { key: 'library.itemGone' });
  return r;
}

export function assertOwner(db: DB, ownerId: number | null) {
  if (ownerId == null) return;
  if (!db.prepare('SELECT 1 FROM people WHERE id = ?').get(ownerId))
    throw new AppError('invalid_input', 'The chosen owner is not in the workspace.', 'ownerId', { key: 'library.ownerNotInWorkspace' });
}

interface VersionRow {
  id: number;
  version: number;
  file_name: string;
  sha256: string | null;
  mime: string;
  size: number;
  file_kind: LibraryVersion['fileKind'];
  page_count: number | null;
  extract_status: LibraryVersion['extractStatus'];
  extract_note: string;
  change_note: string;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
}

const VERSION_SELECT = `SELECT v.id, v.version, v.file_name, v.sha256, v.mime, v.size, v.file_kind, v.page_count, v.extract_status, v.extract_note,
  v.change_note, v.created_at, v.created_by, p.name AS created_by_name FROM library_versions v LEFT JOIN people p ON p.id = v.created_by`;

const toVersion = (v: VersionRow): LibraryVersion => ({
  id: v.id,
  version: v.version,
  fileName: v.file_name,
  sha256: v.sha256,
  mime: v.mime,
  size: v.size,
  fileKind: v.file_kind,
  pageCount: v.page_count,
  extractStatus: v.extract_status,
  extractNote: v.extract_note,
  changeNote: v.change_note,
  createdAt: v.created_at,
  createdById: v.created_by,
  createdByName: v.created_by_name,
});

export function listVersions(db: DB, itemId: number): LibraryVersion[] {
  row(db, itemId);
  return (db.prepare(`${VERSION_SELECT} WHERE v.item_id = ? ORDER BY v.version DESC`).all(itemId) as VersionRow[]).map(toVersion);
}

export function getItem(db: DB, id: number, today = todayIso()): LibraryItem {
  const r = row(db, id);
  const current = r.current_version_id
    ? (db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(r.current_version_id) as VersionRow | undefined)
    : undefined;
  const counts = db.prepare('SELECT count(*) AS n FROM library_versions WHERE item_id = ?').get(id) as { n: number };
  const usage = db.prepare(`SELECT sum(action = 'open') AS opens, max(at) AS last FROM library_usage WHERE item_id = ?`).get(id) as {
    opens: number | null;
    last: string | null;
  };
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    tags: parseTags(r.tags),
    stage: r.stage,
    channel: r.channel,
    product: r.product,
    audience: r.audience,
    language: r.language,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    validUntil: r.valid_until,
    verifyEveryDays: r.verify_every_days,
    verifiedAt: r.verified_at,
    url: r.url,
    bodyMd: r.body_md,
    status: statusOf(r, today),
    current: current ? toVersion(current) : null,
    versionCount: counts.n,
    opens: usage.opens ?? 0,
    lastUsedAt: usage.last,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewVersion {
  sha256: string | null;
  fileName: string;
  mime: string;
  size: number;
  fileKind: LibraryVersion['fileKind'];
  pageCount: number | null;
  text: string;
  extractStatus: LibraryVersion['extractStatus'];
  extractNote: string;
  changeNote?: string;
}

const now = () => new Date().toISOString();

/** Creates an item (and its first version for files) in one transaction. */
export function insertItem(
  db: DB,
  kind: LibraryItem['kind'],
  meta: Meta,
  extra: { url?: string; bodyMd?: string; version?: NewVersion },
  actorId: number | null,
): number {
  assertOwner(db, meta.ownerId);
  return db.transaction(() => {
    const tags = normTags(meta.tags);
    const info = db
      .prepare(
        `INSERT INTO library_items(kind, title, title_key, description, tags, stage, channel, product, audience, language, owner_id, valid_until, verify_every_days, url, body_md, created_by, verified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        kind,
        meta.title,
        titleKey(meta.title),
        meta.description,
        JSON.stringify(tags),
        meta.stage,
        meta.channel,
        meta.product,
        meta.audience,
        meta.language,
        meta.ownerId,
        meta.validUntil,
        meta.verifyEveryDays,
        extra.url ?? '',
        extra.bodyMd ?? '',
        actorId,
        null,
      );
    const id = Number(info.lastInsertRowid);
    if (extra.version) insertVersion(db, id, extra.version, actorId);
    writeTags(db, id, tags);
    reindex(db, id);
    audit(db, actorId, 'library_item', id, 'create', { kind, title: meta.title });
    return id;
  })();
}

/** Adds a version and makes it current (caller holds the transaction). */
export function insertVersion(db: DB, itemId: number, v: NewVersion, actorId: number | null): number {
  const next = (
    db.prepare('SELECT coalesce(max(version), 0) + 1 AS n FROM library_versions WHERE item_id = ?').get(itemId) as { n: number }
  ).n;
  const info = db
    .prepare(
      `INSERT INTO library_versions(item_id, version, sha256, file_name, mime, size, file_kind, page_count, text, extract_status, extract_note, change_note, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      itemId,
      next,
      v.sha256,
      v.fileName,
      v.mime,
      v.size,
      v.fileKind,
      v.pageCount,
      v.text,
      v.extractStatus,
      v.extractNote,
      v.changeNote ?? '',
      actorId,
    );
  const vid = Number(info.lastInsertRowid);
  db.prepare('UPDATE library_items SET current_version_id = ?, file_kind = ?, sha256 = ?, updated_at = ? WHERE id = ?').run(
    vid,
    v.fileKind,
    v.sha256,
    now(),
    itemId,
  );
  return vid;
}

export function addVersionRow(db: DB, itemId: number, v: NewVersion, actorId: number | null): void {
  db.transaction(() => {
    const r = row(db, itemId);
    if (r.kind !== 'file')
      throw new AppError('invalid_input', 'Only file items have versions; edit links and notes directly.', undefined, {
        key: 'library.onlyFilesHaveVersions',
      });
    const vid = insertVersion(db, itemId, v, actorId);
    reindex(db, itemId);
    audit(db, actorId, 'library_item', itemId, 'version', { versionId: vid, fileName: v.fileName });
  })();
}

/** Makes an old version current again by copying it as a new version, so history is never rewritten. */
export function restoreVersion(db: DB, itemId: number, versionId: number, actorId: number | null): LibraryItem {
  db.transaction(() => {
    const old = db.prepare('SELECT * FROM library_versions WHERE id = ? AND item_id = ?').get(versionId, itemId) as
      | {
          version: number;
          sha256: string | null;
          file_name: string;
          mime: string;
          size: number;
          file_kind: LibraryVersion['fileKind'];
          page_count: number | null;
          text: string;
          extract_status: LibraryVersion['extractStatus'];
          extract_note: string;
        }
      | undefined;
    if (!old) throw new AppError('not_found', 'That version does not belong to this item.', undefined, { key: 'library.versionNotOfItem' });
    insertVersion(
      db,
      itemId,
      {
        sha256: old.sha256,
        fileName: old.file_name,
        mime: old.mime,
        size: old.size,
        fileKind: old.file_kind,
        pageCount: old.page_count,
        text: old.text,
        extractStatus: old.extract_status,
        extractNote: old.extract_note,
        changeNote: `Restored version ${old.version}`,
      },
      actorId,
    );
    reindex(db, itemId);
    audit(db, actorId, 'library_item', itemId, 'restore', { fromVersion: old.version });
  })();
  return getItem(db, itemId);
}

export function updateItem(db: DB, id: number, meta: Meta, extra: { url?: string; bodyMd?: string }, actorId: number | null): LibraryItem {
  assertOwner(db, meta.ownerId);
  db.transaction(() => {
    const r = row(db, id);
    const tags = normTags(meta.tags);
    db.prepare(
      `UPDATE library_items SET title = ?, title_key = ?, description = ?, tags = ?, stage = ?, channel = ?, product = ?, audience = ?, language = ?,
         owner_id = ?, valid_until = ?, verify_every_days = ?, url = ?, body_md = ?, updated_at = ? WHERE id = ?`,
    ).run(
      meta.title,
      titleKey(meta.title),
      meta.description,
      JSON.stringify(tags),
      meta.stage,
      meta.channel,
      meta.product,
      meta.audience,
      meta.language,
      meta.ownerId,
      meta.validUntil,
      meta.verifyEveryDays,
      r.kind === 'link' && extra.url !== undefined ? extra.url : r.url,
      r.kind === 'note' && extra.bodyMd !== undefined ? extra.bodyMd : r.body_md,
      now(),
      id,
    );
    writeTags(db, id, tags);
    reindex(db, id);
    audit(db, actorId, 'library_item', id, 'update', { title: meta.title });
  })();
  return getItem(db, id);
}

export function bulkUpdate(
  db: DB,
  ids: number[],
  change: { addTags: string[]; removeTags: string[]; ownerId?: number | null },
  actorId: number | null,
) {
  if (change.ownerId != null) assertOwner(db, change.ownerId);
  const remove = new Set(change.removeTags.map((t) => fold(t.trim())));
  return db.transaction(() => {
    let updated = 0;
    const get = db.prepare('SELECT id, tags FROM library_items WHERE id = ?');
    const upd = db.prepare('UPDATE library_items SET tags = ?, owner_id = coalesce(?, owner_id), updated_at = ? WHERE id = ?');
    const setOwnerNull = db.prepare('UPDATE library_items SET owner_id = NULL WHERE id = ?');
    for (const id of ids) {
      const r = get.get(id) as { id: number; tags: string } | undefined;
      if (!r) continue;
      const tags = normTags([...parseTags(r.tags).filter((t) => !remove.has(fold(t))), ...change.addTags]);
      upd.run(JSON.stringify(tags), change.ownerId ?? null, now(), id);
      if (change.ownerId === null) setOwnerNull.run(id);
      writeTags(db, id, tags);
      reindex(db, id);
      updated++;
    }
    audit(db, actorId, 'library_item', null, 'bulk_update', { ids, ...change });
    return { updated };
  })();
}

/** Deletes an item with its versions, usage and links; returns the hashes that may now be unreferenced. */
export function removeItem(db: DB, id: number, actorId: number | null): string[] {
  return db.transaction(() => {
    const r = row(db, id);
    const shas = (
      db.prepare('SELECT DISTINCT sha256 FROM library_versions WHERE item_id = ? AND sha256 IS NOT NULL').all(id) as { sha256: string }[]
    ).map((x) => x.sha256);
    db.prepare('DELETE FROM library_items WHERE id = ?').run(id);
    ftsWriter(db, 'library_fts', FTS_COLUMNS).remove(id);
    audit(db, actorId, 'library_item', id, 'remove', { title: r.title });
    return shas.filter((s) => !db.prepare('SELECT 1 FROM library_versions WHERE sha256 = ? LIMIT 1').get(s));
  })();
}

export function setVerified(db: DB, id: number, actorId: number | null): LibraryItem {
  db.transaction(() => {
    row(db, id);
    db.prepare('UPDATE library_items SET verified_at = ?, updated_at = ? WHERE id = ?').run(now(), now(), id);
    audit(db, actorId, 'library_item', id, 'verify');
  })();
  return getItem(db, id);
}

export function setValidUntil(db: DB, id: number, validUntil: string | null, actorId: number | null): LibraryItem {
  db.transaction(() => {
    row(db, id);
    db.prepare('UPDATE library_items SET valid_until = ?, updated_at = ? WHERE id = ?').run(validUntil, now(), id);
    audit(db, actorId, 'library_item', id, 'valid_until', { validUntil });
  })();
  return getItem(db, id);
}

/** The current version of an item that already holds this exact file, if any. */
export function findBySha(db: DB, sha256: string): number | null {
  const r = db.prepare('SELECT id FROM library_items WHERE sha256 = ? ORDER BY id LIMIT 1').get(sha256) as { id: number } | undefined;
  return r?.id ?? null;
}

export function versionText(db: DB, versionId: number, maxChars: number) {
  const r = db
    .prepare('SELECT substr(text, 1, ?) AS text, length(text) AS n FROM library_versions WHERE id = ?')
    .get(maxChars, versionId) as { text: string; n: number } | undefined;
  if (!r) throw new AppError('not_found', 'That version no longer exists.', undefined, { key: 'library.versionGone' });
  return { text: r.text, truncated: r.n > maxChars };
}

const SORTS: Record<Exclude<ListParams['sort'], 'relevance'>, string> = {
  updated: 'i.updated_at DESC, i.id DESC',
  title: 'i.title COLLATE NOCASE, i.id',
  validUntil: 'i.valid_until IS NULL, i.valid_until, i.id',
};

/** Cheap case folding for locating hits (fold() is exact but normalises per character). */
const quickFold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/**
 * The first passage of `text` that contains a query term, highlighted. Finds
 * the hit with a cheap fold, then highlights only a window around it, so a
 * 2 MB document costs little more than a short one.
 */
export function passage(text: string, terms: ParsedQuery['terms'], radius = 90): Segment[] | null {
  if (!text || !terms.length) return null;
  const W = 50_000;
  for (let at = 0; at < text.length; at += W - 200) {
    const win = text.slice(at, at + W);
    const low = quickFold(win);
    // toLowerCase can change lengths for a few characters; then fall back to the exact fold.
    const folded = low.length === win.length ? low : fold(win);
    let first = -1;
    for (const t of terms) {
      if (!t.text) continue;
      let from = 0;
      for (;;) {
        const i = folded.indexOf(t.text, from);
        if (i < 0) break;
        // Word terms must start a word; CJK terms match anywhere.
        if (t.cjk || i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1])) {
          if (first < 0 || i < first) first = i;
          break;
        }
        from = i + 1;
      }
    }
    if (first < 0) continue;
    const start = Math.max(0, first - radius);
    const end = Math.min(win.length, first + radius * 2);
    const segs = highlight(win.slice(start, end).replace(/\s+/g, ' '), terms);
    if (!segs.some((s) => s.hit)) continue;
    if (at + start > 0) segs.unshift({ text: '…', hit: false });
    if (at + end < text.length) segs.push({ text: '…', hit: false });
    return segs;
  }
  return null;
}

/** Full rows for ids, in the given order. */
function rowsByIds(db: DB, ids: number[]): ItemRow[] {
  if (!ids.length) return [];
  const byId = new Map(
    (db.prepare(`${ITEM_SELECT} WHERE i.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as ItemRow[]).map((r) => [r.id, r]),
  );
  return ids.map((id) => byId.get(id)).filter((r): r is ItemRow => !!r);
}

/** Paged list with every metadata filter and full-text search (ranked, with the matching passage). */
export function listItems(db: DB, input: ListParams, opts: { role?: string; today?: string } = {}): LibraryPage {
  const today = opts.today ?? todayIso();
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  const eq = (col: string, key: string, v: unknown) => {
    if (v == null || v === '') return;
    where.push(`${col} = :${key}`);
    params[key] = v;
  };
  eq('i.kind', 'kind', input.kind);
  eq('i.file_kind', 'fileKind', input.fileKind);
  eq('i.stage', 'stage', input.stage);
  eq('i.channel', 'channel', input.channel);
  eq('i.product', 'product', input.product);
  eq('i.audience', 'audience', input.audience);
  eq('i.language', 'language', input.language);
  eq('i.owner_id', 'ownerId', input.ownerId);
  if (input.tag) {
    where.push('i.id IN (SELECT item_id FROM library_item_tags WHERE tag = :tag)');
    params.tag = fold(input.tag.trim());
  }
  // Reps never see expired content; others see it greyed unless they hide it.
  if (opts.role === 'rep' || !input.showExpired) where.push(`NOT ${SQL_EXPIRED}`);
  if (input.status === 'expired') where.push(SQL_EXPIRED);
  if (input.status === 'verify_due') where.push(`${SQL_VERIFY_DUE} AND NOT ${SQL_EXPIRED}`);
  if (input.status === 'ok') where.push(`NOT ${SQL_EXPIRED} AND NOT ${SQL_VERIFY_DUE}`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

  const q = parseQuery(input.query);
  if (!q.match) {
    const order = SORTS[input.sort === 'relevance' ? 'updated' : input.sort];
    const total = (db.prepare(`SELECT count(*) AS n FROM library_items i ${whereSql}`).get(params) as { n: number }).n;
    // Page the ids on the items table alone (index order), then join versions and owners for these rows only:
    // joining before OFFSET would read every skipped row's version record.
    const ids = (
      db
        .prepare(`SELECT i.id FROM library_items i ${whereSql} ORDER BY ${order} LIMIT :limit OFFSET :offset`)
        .all({ ...params, limit: input.limit, offset: input.offset }) as { id: number }[]
    ).map((r) => r.id);
    return { rows: rowsByIds(db, ids).map((r) => toListRow(r, today)), total, offset: input.offset, limit: input.limit, capped: false };
  }

  params.match = q.match;
  // Ranking cost is bounded: bm25 runs over the newest RANK_WINDOW matches only, so a word found in
  // 30,000 documents costs about what one found in 3,000 does. Older matches of such a word are
  // reached by adding words or filters; the page says so via `capped`.
  const hits = `win AS MATERIALIZED (
      SELECT rowid AS id, bm25(library_fts, 10.0, 3.0, 6.0, 1.0) AS score FROM library_fts WHERE library_fts MATCH :match ORDER BY rowid DESC LIMIT ${RANK_WINDOW}),
    hits AS MATERIALIZED (SELECT id, score FROM win ORDER BY score LIMIT ${SEARCH_RANK_LIMIT + 1})`;
  const order = input.sort === 'relevance' ? 'hits.score, i.id' : SORTS[input.sort];
  // Phase 1 touches only the small item rows: filter, count and page the ranked hits.
  const page = db
    .prepare(
      `WITH ${hits} SELECT i.id, count(*) OVER () AS total, (SELECT count(*) FROM win) AS windowSize FROM hits CROSS JOIN library_items i ON i.id = hits.id ${whereSql} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as { id: number; total: number; windowSize: number }[];
  let total = page[0]?.total ?? 0;
  if (!page.length && input.offset > 0) {
    total = (
      db.prepare(`WITH ${hits} SELECT count(*) AS n FROM hits CROSS JOIN library_items i ON i.id = hits.id ${whereSql}`).get(params) as {
        n: number;
      }
    ).n;
  }
  // Phase 2 reads the full rows (version, owner) for this page only.
  const rows = rowsByIds(
    db,
    page.map((p) => p.id),
  );
  const textOf = db.prepare('SELECT text FROM library_versions WHERE id = ?');
  const out = rows.map((r) => {
    const lr = toListRow(r, today);
    lr.titleSegments = highlight(r.title, q.terms);
    const desc = passage(r.description, q.terms);
    const tagHit = passage(parseTags(r.tags).join(' · '), q.terms);
    const body =
      r.kind === 'note'
        ? r.body_md
        : r.kind === 'link'
          ? r.url
          : r.current_version_id
            ? ((textOf.get(r.current_version_id) as { text: string } | undefined)?.text ?? '')
            : '';
    const textHit = passage(body, q.terms);
    // Prefer the passage inside the document: that is what a search "inside files" is for.
    if (textHit) [lr.snippet, lr.snippetFrom] = [textHit, 'text'];
    else if (desc) [lr.snippet, lr.snippetFrom] = [desc, 'description'];
    else if (tagHit) [lr.snippet, lr.snippetFrom] = [tagHit, 'tags'];
    else if (lr.titleSegments.some((s) => s.hit)) lr.snippetFrom = 'title';
    return lr;
  });
  // Capped: more matches exist than were ranked (the window filled up) or than are listed.
  const capped = total > SEARCH_RANK_LIMIT || (page[0]?.windowSize ?? 0) >= RANK_WINDOW;
  return { rows: out, total: Math.min(total, SEARCH_RANK_LIMIT), offset: input.offset, limit: input.limit, capped };
}

export function facets(db: DB): Facets {
  const distinct = (col: string) =>
    (
      db.prepare(`SELECT DISTINCT ${col} AS v FROM library_items WHERE ${col} <> '' ORDER BY ${col} COLLATE NOCASE LIMIT 200`).all() as {
        v: string;
      }[]
    ).map((r) => r.v);
  return {
    channels: distinct('channel'),
    products: distinct('product'),
    audiences: distinct('audience'),
    tags: db.prepare('SELECT tag, count(*) AS count FROM library_item_tags GROUP BY tag ORDER BY count DESC, tag LIMIT 200').all() as {
      tag: string;
      count: number;
    }[],
    owners: db
      .prepare('SELECT DISTINCT p.id, p.name FROM library_items i JOIN people p ON p.id = i.owner_id ORDER BY p.name COLLATE NOCASE')
      .all() as { id: number; name: string }[],
  };
}

export type { ListInput };

export interface LiveItemHit {
  id: number;
  kind: LibraryItem['kind'];
  title: Segment[];
  snippet: Segment[];
  language: string;
}

/**
 * Library items for live-call search: titles, descriptions and tags only (a rep on a call wants
 * "the price sheet", not a paragraph inside it), never expired ones, best bm25 first.
 */
export function liveSearchItems(db: DB, q: ParsedQuery, limit: number, today = todayIso()): LiveItemHit[] {
  if (!q.match) return [];
  const rows = prepared(
    db,
    `SELECT i.id, i.kind, i.title, i.description, i.tags, i.language FROM (
       SELECT rowid AS id, bm25(library_fts, 10.0, 3.0, 6.0, 0.0) AS score FROM library_fts
       WHERE library_fts MATCH :match ORDER BY rowid DESC LIMIT ${RANK_WINDOW}
     ) h JOIN library_items i ON i.id = h.id WHERE NOT ${SQL_EXPIRED} ORDER BY h.score LIMIT :limit`,
  ).all({ match: `{title description tags} : (${q.match})`, today, limit }) as {
    id: number;
    kind: LibraryItem['kind'];
    title: string;
    description: string;
    tags: string;
    language: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: highlight(r.title, q.terms),
    snippet:
      passage(r.description, q.terms) ?? passage(parseTags(r.tags).join(' · '), q.terms) ?? highlight(r.description.slice(0, 140), []),
    language: r.language,
  }));
}
