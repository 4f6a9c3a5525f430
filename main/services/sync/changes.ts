/**
 * What changed for an offline client since its cursor. Without a change log
 * table the cursor carries what the client holds: each published script's
 * revision, the newest objection/library `updated_at` it has seen, the linked
 * library ids, and a digest of the synonyms. Rows at the newest stamp are sent
 * again (an equal stamp may have been written after the last read); the client's
 * upserts make that harmless. Deletions come as the full lists of live ids.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/contract';
import type { ScriptLanguage, SynonymGroup, Triggers } from '../../../shared/api/scripts';
import type { SyncChanges, SyncLibraryItem, SyncObjection, SyncScript, SyncStep } from '../../../shared/api/sync';
import type { DB } from '../../db/open';
import { loadSynonyms } from '../scripts/synonyms';

interface Cursor {
  v: 1;
  /** script id -> published revision the client holds */
  s: Record<string, number>;
  /** newest objection updated_at seen */
  o: string;
  /** newest library item updated_at seen */
  l: string;
  /** linked library ids the client holds */
  li: number[];
  /** digest of links (which item is linked where) */
  lh: string;
  /** synonyms digest */
  y: string;
}

const EMPTY: Cursor = { v: 1, s: {}, o: '', l: '', li: [], lh: '', y: '' };

export function decodeCursor(raw: string | null): Cursor {
  if (!raw) return EMPTY;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c.v !== 1 || typeof c.s !== 'object' || !Array.isArray(c.li)) throw new Error('shape');
    return c;
  } catch {
    throw new AppError('invalid_input', 'The sync cursor is not valid; the client starts a full refresh.', 'cursor', {
      key: 'sync.badCursor',
    });
  }
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('base64url').slice(0, 22);

function publishedScripts(db: DB): { id: number; rev: number; snapshot: string }[] {
  return db
    .prepare(
      `SELECT s.id, s.published_revision AS rev, r.snapshot FROM scripts s
       JOIN script_revisions r ON r.script_id = s.id AND r.rev = s.published_revision
       WHERE s.published_revision IS NOT NULL ORDER BY s.id`,
    )
    .all() as { id: number; rev: number; snapshot: string }[];
}

function scriptSteps(db: DB, scriptId: number): SyncStep[] {
  return (
    db
      .prepare(
        'SELECT step_id, key, position, stage, title, talking_points_md, say_it, listen_for, must_say, choices FROM script_published_steps WHERE script_id = ? ORDER BY position',
      )
      .all(scriptId) as {
      step_id: number;
      key: string;
      position: number;
      stage: string;
      title: string;
      talking_points_md: string;
      say_it: string;
      listen_for: string;
      must_say: string;
      choices: string;
    }[]
  ).map((r) => ({
    id: r.step_id,
    key: r.key,
    position: r.position,
    stage: r.stage,
    title: r.title,
    talkingPointsMd: r.talking_points_md,
    sayIt: r.say_it,
    listenFor: r.listen_for,
    mustSay: JSON.parse(r.must_say) as string[],
    choices: (JSON.parse(r.choices) as { label: string; toStepKey?: string | null; toObjectionId?: number | null }[]).map((c) => ({
      label: c.label,
      toStepKey: c.toStepKey ?? null,
      toObjectionId: c.toObjectionId ?? null,
    })),
  }));
}

interface LinkRow {
  item_id: number;
  target_kind: 'script_step' | 'objection';
  target_id: number;
}

/** Links to what a rep sees on calls (published steps, objection cards), to items that have not expired. */
function liveLinks(db: DB, today: string): LinkRow[] {
  return db
    .prepare(
      `SELECT l.item_id, l.target_kind, l.target_id FROM content_links l JOIN library_items i ON i.id = l.item_id
       WHERE (i.valid_until IS NULL OR i.valid_until >= ?)
         AND ((l.target_kind = 'script_step' AND l.target_id IN (SELECT step_id FROM script_published_steps))
           OR (l.target_kind = 'objection' AND l.target_id IN (SELECT id FROM objection_cards)))
       ORDER BY l.item_id, l.target_kind, l.target_id`,
    )
    .all(today) as LinkRow[];
}

export function syncChanges(db: DB, workspaceId: string, rawCursor: string | null, now = new Date()): SyncChanges {
  const c = decodeCursor(rawCursor);
  const today = now.toISOString().slice(0, 10);
  // One read transaction: every part of the answer comes from the same state.
  return db.transaction((): SyncChanges => {
    const pub = publishedScripts(db);
    const scripts: SyncScript[] = pub
      .filter((p) => c.s[p.id] !== p.rev)
      .map((p) => {
        const snap = JSON.parse(p.snapshot) as { title: string; language: ScriptLanguage };
        return { id: p.id, title: snap.title, language: snap.language, revision: p.rev, steps: scriptSteps(db, p.id) };
      });

    const objRows = db
      .prepare(
        `SELECT id, objection, responses, tags, language, triggers, updated_at FROM objection_cards WHERE updated_at >= ? ORDER BY id`,
      )
      .all(c.o) as {
      id: number;
      objection: string;
      responses: string;
      tags: string;
      language: ScriptLanguage;
      triggers: string;
      updated_at: string;
    }[];
    const objections: SyncObjection[] = objRows.map((r) => {
      const t = JSON.parse(r.triggers || '{}') as Partial<Triggers>;
      return {
        id: r.id,
        objection: r.objection,
        responses: JSON.parse(r.responses) as string[],
        tags: JSON.parse(r.tags) as string[],
        language: r.language,
        triggers: { en: t.en ?? [], ru: t.ru ?? [], zh: t.zh ?? [] },
        updatedAt: r.updated_at,
      };
    });
    const objIds = db.prepare('SELECT id FROM objection_cards ORDER BY id').pluck().all() as number[];
    const maxObj = (db.prepare('SELECT max(updated_at) FROM objection_cards').pluck().get() as string | null) ?? c.o;

    const links = liveLinks(db, today);
    const linkedIds = [...new Set(links.map((l) => l.item_id))];
    const linksHash = digest(links);
    const held = new Set(c.li);
    const maxLib = (db.prepare('SELECT max(updated_at) FROM library_items').pluck().get() as string | null) ?? c.l;
    // Links changed: every linked item is sent again (its link list is part of the item).
    const sendAll = linksHash !== c.lh;
    const getItem = db.prepare(
      `SELECT i.id, i.kind, i.title, i.description, i.language, i.url, i.body_md, i.valid_until, i.sha256, v.file_name, v.mime, v.size, i.updated_at
       FROM library_items i LEFT JOIN library_versions v ON v.id = i.current_version_id WHERE i.id = ?`,
    );
    const library: SyncLibraryItem[] = [];
    for (const itemId of linkedIds) {
      const r = getItem.get(itemId) as
        | {
            id: number;
            kind: SyncLibraryItem['kind'];
            title: string;
            description: string;
            language: string;
            url: string;
            body_md: string;
            valid_until: string | null;
            sha256: string | null;
            file_name: string | null;
            mime: string | null;
            size: number | null;
            updated_at: string;
          }
        | undefined;
      if (!r || (!sendAll && held.has(itemId) && r.updated_at < c.l)) continue;
      library.push({
        id: r.id,
        kind: r.kind,
        title: r.title,
        description: r.description,
        language: r.language,
        url: r.kind === 'link' ? r.url : '',
        bodyMd: r.kind === 'note' ? r.body_md : '',
        validUntil: r.valid_until,
        sha256: r.kind === 'file' ? r.sha256 : null,
        fileName: r.file_name,
        mime: r.mime,
        size: r.size,
        updatedAt: r.updated_at,
        links: links.filter((l) => l.item_id === itemId).map((l) => ({ kind: l.target_kind, id: l.target_id })),
      });
    }

    const syn: SynonymGroup[] = loadSynonyms(db);
    const synHash = digest(syn);
    const next: Cursor = {
      v: 1,
      s: Object.fromEntries(pub.map((p) => [String(p.id), p.rev])),
      o: maxObj,
      l: maxLib,
      li: linkedIds,
      lh: linksHash,
      y: synHash,
    };
    return {
      workspaceId,
      cursor: encodeCursor(next),
      scripts,
      objections,
      library,
      synonyms: synHash === c.y ? null : syn,
      live: { scripts: pub.map((p) => p.id), objections: objIds, library: linkedIds },
      serverTime: now.toISOString(),
    };
  })();
}
