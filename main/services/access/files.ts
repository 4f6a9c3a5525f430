/**
 * Stored files (call recordings, library versions) are served only to people
 * who may see a record that references them.
 */
import type { Actor } from '../../../shared/api/access';
import type { DB } from '../../db/open';
import { callScope } from './scope';

const AUTHORS = ['manager', 'trainer'] as const;

export function mayReadBlob(db: DB, actor: Actor, sha256: string): boolean {
  if (actor.owner) return true;
  if (actor.personId === null) return false;
  // library: authors see every version; readers only versions of items that have not expired
  const authors = AUTHORS.some((r) => actor.roles.includes(r));
  const lib = db
    .prepare(
      `SELECT 1 FROM library_versions v JOIN library_items i ON i.id = v.item_id
       WHERE v.sha256 = ? ${authors ? '' : "AND (i.valid_until IS NULL OR i.valid_until >= date('now'))"} LIMIT 1`,
    )
    .get(sha256);
  if (lib) return true;
  const s = callScope(actor, 'c');
  return !!db.prepare(`SELECT 1 FROM calls c WHERE c.audio_sha = ? AND ${s.sql} LIMIT 1`).get(sha256, ...s.params);
}
