/** Links from other features' objects (script steps, objection cards, lessons, courses) to library items. */
import { AppError } from '../../../shared/api/contract';
import type { LinkedItem, LinkTarget } from '../../../shared/api/library';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { ITEM_SELECT, todayIso, toListRow, type ItemRow } from './rows';

/** Linked items, always resolved to the item's current version; reps do not see expired ones. */
export function listLinks(db: DB, targetKind: LinkTarget, targetId: number, opts: { role?: string; today?: string } = {}): LinkedItem[] {
  const today = opts.today ?? todayIso();
  const rows = db
    .prepare(
      `SELECT l.id AS link_id, x.* FROM content_links l JOIN (${ITEM_SELECT}) x ON x.id = l.item_id WHERE l.target_kind = ? AND l.target_id = ? ORDER BY l.position, l.id`,
    )
    .all(targetKind, targetId) as (ItemRow & { link_id: number })[];
  return rows
    .map((r) => ({ linkId: r.link_id, item: toListRow(r, today), url: r.kind === 'link' ? r.url : '' }))
    .filter((l) => opts.role !== 'rep' || l.item.status !== 'expired');
}

export function link(db: DB, targetKind: LinkTarget, targetId: number, itemId: number, actorId: number | null) {
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM library_items WHERE id = ?').get(itemId))
      throw new AppError('not_found', 'This library item no longer exists.', undefined, { key: 'library.itemGone' });
    const pos = (
      db
        .prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM content_links WHERE target_kind = ? AND target_id = ?')
        .get(targetKind, targetId) as { n: number }
    ).n;
    const r = db
      .prepare('INSERT OR IGNORE INTO content_links(item_id, target_kind, target_id, position, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(itemId, targetKind, targetId, pos, actorId);
    if (r.changes) audit(db, actorId, 'content_link', itemId, 'link', { targetKind, targetId });
  })();
}

export function unlink(db: DB, targetKind: LinkTarget, targetId: number, itemId: number, actorId: number | null) {
  db.transaction(() => {
    const r = db
      .prepare('DELETE FROM content_links WHERE target_kind = ? AND target_id = ? AND item_id = ?')
      .run(targetKind, targetId, itemId);
    if (r.changes) audit(db, actorId, 'content_link', itemId, 'unlink', { targetKind, targetId });
  })();
}
