import type { DB } from '../db/open';

/** Appends to the workspace's audit log (who changed what); callers are already inside a transaction. */
export function audit(db: DB, actorId: number | null, entity: string, entityId: number | null, action: string, detail: object = {}) {
  db.prepare('INSERT INTO audit_log(actor_id, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    actorId,
    entity,
    entityId,
    action,
    JSON.stringify(detail),
  );
}
