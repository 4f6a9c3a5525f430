/** Session expiry settings of the workspace (meta keys), with safe defaults and bounds. */
import type { SessionSettings } from '../../../shared/api/auth';
import { SESSION_LIMITS } from '../../../shared/api/auth';
import type { DB } from '../../db/open';
import { audit } from '../audit';

const DEFAULTS: SessionSettings = { idleMinutes: 8 * 60, absoluteHours: 14 * 24 };

function readInt(db: DB, key: string, fallback: number, min: number, max: number) {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function getSessionSettings(db: DB): SessionSettings {
  return {
    idleMinutes: readInt(db, 'auth.idle_minutes', DEFAULTS.idleMinutes, SESSION_LIMITS.idleMinutes.min, SESSION_LIMITS.idleMinutes.max),
    absoluteHours: readInt(
      db,
      'auth.absolute_hours',
      DEFAULTS.absoluteHours,
      SESSION_LIMITS.absoluteHours.min,
      SESSION_LIMITS.absoluteHours.max,
    ),
  };
}

export function setSessionSettings(db: DB, s: SessionSettings, by: number | null = null): SessionSettings {
  const put = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    put.run('auth.idle_minutes', String(s.idleMinutes));
    put.run('auth.absolute_hours', String(s.absoluteHours));
    audit(db, by, 'workspace', null, 'session_settings', { ...s });
  })();
  return getSessionSettings(db);
}
