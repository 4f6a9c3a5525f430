/**
 * Usage events a client queued while offline. A retry after a lost answer
 * sends the same events again: an event is stored once per (person, client
 * time, session, action, target), which a client id maps to one-to-one, so the
 * upload is idempotent without a table of seen ids.
 */
import type { z } from 'zod';
import type { queuedUsage } from '../../../shared/api/sync';
import type { DB } from '../../db/open';

type Event = z.output<typeof queuedUsage>;

export function storeQueuedUsage(db: DB, personId: number, events: Event[]): { stored: number; duplicates: number } {
  const seen = db.prepare(
    `SELECT 1 FROM script_usage_events WHERE person_id = ? AND at = ? AND session_key = ? AND action = ?
       AND step_id IS ? AND coalesce(script_id, -1) = coalesce(?, -1) AND coalesce(objection_id, -1) = coalesce(?, -1) LIMIT 1`,
  );
  const ins = db.prepare(
    'INSERT INTO script_usage_events(at, person_id, session_key, action, script_id, step_id, objection_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const hasScript = db.prepare('SELECT 1 FROM scripts WHERE id = ?');
  const hasCard = db.prepare('SELECT 1 FROM objection_cards WHERE id = ?');
  let stored = 0;
  let duplicates = 0;
  db.transaction(() => {
    const inBatch = new Set<string>();
    for (const e of events) {
      const at = new Date(e.at.endsWith('Z') || e.at.length === 10 ? e.at : e.at + 'Z').toISOString();
      // A target deleted on the server meanwhile is kept as "unknown", as the live log does.
      const scriptId = e.scriptId != null && hasScript.get(e.scriptId) ? e.scriptId : null;
      const objectionId = e.objectionId != null && hasCard.get(e.objectionId) ? e.objectionId : null;
      const key = JSON.stringify([at, e.sessionKey, e.action, scriptId, e.stepId, objectionId]);
      if (inBatch.has(key) || seen.get(personId, at, e.sessionKey, e.action, e.stepId, scriptId, objectionId)) {
        duplicates++;
        continue;
      }
      inBatch.add(key);
      ins.run(at, personId, e.sessionKey, e.action, scriptId, e.stepId, objectionId);
      stored++;
    }
  })();
  return { stored, duplicates };
}
