/** Pins, "recently used" and the usage log (who opened which step / card during a call, and when). */
import { z } from 'zod';
import { AppError } from '../../../shared/api/contract';
import type { ScriptLanguage, UsageSummary, usageInput } from '../../../shared/api/scripts';
import type { DB } from '../../db/open';

export function setPinned(db: DB, personId: number | null, scriptId: number, pinned: boolean) {
  if (personId == null)
    throw new AppError('invalid_input', 'Choose who you are in the header before pinning scripts.', undefined, {
      key: 'scripts.pinNoPerson',
    });
  if (!db.prepare('SELECT 1 FROM scripts WHERE id = ?').get(scriptId))
    throw new AppError('not_found', `Script #${scriptId} does not exist.`, undefined, {
      key: 'scripts.scriptMissing',
      params: { id: scriptId },
    });
  if (pinned) db.prepare('INSERT OR IGNORE INTO script_pins(person_id, script_id) VALUES (?, ?)').run(personId, scriptId);
  else db.prepare('DELETE FROM script_pins WHERE person_id = ? AND script_id = ?').run(personId, scriptId);
  return { pinned };
}

export function logUsage(db: DB, personId: number | null, e: z.output<typeof usageInput>) {
  db.prepare(
    'INSERT INTO script_usage_events(person_id, session_key, action, script_id, step_id, objection_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    personId,
    e.sessionKey,
    e.action,
    e.scriptId != null && db.prepare('SELECT 1 FROM scripts WHERE id = ?').get(e.scriptId) ? e.scriptId : null,
    e.stepId,
    e.objectionId != null && db.prepare('SELECT 1 FROM objection_cards WHERE id = ?').get(e.objectionId) ? e.objectionId : null,
  );
  return { logged: true };
}

export function usageSummary(db: DB, personId: number | null): UsageSummary {
  const pid = personId ?? -1;
  const pinned = db
    .prepare(
      `SELECT s.id, s.title, s.language FROM script_pins p JOIN scripts s ON s.id = p.script_id
       WHERE p.person_id = ? AND s.published_revision IS NOT NULL ORDER BY s.title_fold LIMIT 20`,
    )
    .all(pid) as { id: number; title: string; language: ScriptLanguage }[];
  const recent = db
    .prepare(
      `SELECT s.id, s.title, s.language, max(e.at) AS at FROM script_usage_events e JOIN scripts s ON s.id = e.script_id
       WHERE e.person_id = ? AND s.published_revision IS NOT NULL GROUP BY s.id ORDER BY at DESC LIMIT 8`,
    )
    .all(pid) as UsageSummary['recent'];
  const published = db
    .prepare(
      `SELECT s.id, s.title, s.language, (SELECT count(*) FROM script_published_steps ps WHERE ps.script_id = s.id) AS stepCount
       FROM scripts s WHERE s.published_revision IS NOT NULL ORDER BY s.title_fold LIMIT 12`,
    )
    .all() as UsageSummary['published'];
  return { pinned, recent, published };
}
