/**
 * Sessions: an opaque random token goes to the client (cookie or bearer); the
 * database keeps only its SHA-256 with the person, times, user agent and
 * address. Every request resolves the token, checks idle and absolute expiry
 * and that the person is still active (actorFor), else deletes the row.
 */
import { longWrites } from '../longWrites';
import type { Actor } from '../../../shared/api/access';
import type { Role } from '../../../shared/api/people';
import type { SessionRow } from '../../../shared/api/auth';
import type { DB } from '../../db/open';
import { actorFor } from '../access/actor';
import { newSecret, sha256, wellFormedSecret } from './secrets';
import { getSessionSettings } from './settings';
import { audit } from '../audit';

export type SessionKind = 'browser' | 'bearer';
/** The client behind a request on the team server (throttling, session rows, audit). */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** last_seen_at is rewritten at most this often (a write per request would serialize readers behind the WAL writer). */
const TOUCH_EVERY_MS = 60_000;

interface Row {
  id: string;
  person_id: number;
  kind: SessionKind;
  created_at: number;
  last_seen_at: number;
  user_agent: string;
  ip: string;
  role: Role | null;
}

export function createSession(
  db: DB,
  personId: number,
  kind: SessionKind,
  client: ClientInfo,
  now = Date.now(),
): { token: string; id: string } {
  const token = newSecret();
  const id = sha256(token);
  db.prepare('INSERT INTO sessions(id, person_id, kind, created_at, last_seen_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    personId,
    kind,
    now,
    now,
    client.userAgent.slice(0, 300),
    client.ip.slice(0, 64),
  );
  return { token, id };
}

export interface Resolved {
  actor: Actor;
  sessionId: string;
  role: Role | null;
}

/** The actor behind a token, or null (unknown, expired, or the person is gone or deactivated: the row is then deleted). */
export function resolveSession(db: DB, token: unknown, now = Date.now()): Resolved | null {
  if (!wellFormedSecret(token)) return null;
  const id = sha256(token);
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
  if (!row) return null;
  const { idleMinutes, absoluteHours } = getSessionSettings(db);
  if (now - row.last_seen_at > idleMinutes * 60_000 || now - row.created_at > absoluteHours * 3_600_000) {
    db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    return null;
  }
  const actor = actorFor(db, row.person_id, id);
  if (!actor) {
    revokePersonSessions(db, row.person_id);
    return null;
  }
  // not while a CRM import holds the write lock: waiting for it would stall every request
  if (now - row.last_seen_at > TOUCH_EVERY_MS && !longWrites.active())
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
  return { actor, sessionId: id, role: row.role };
}

/** Ends one session; `by` (an admin revoking it) is written to the audit log. */
export function revokeSession(db: DB, id: string, by?: number | null): boolean {
  return db.transaction(() => {
    const personId = sessionPerson(db, id);
    const gone = db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
    if (gone && by !== undefined) audit(db, by, 'account', personId, 'session_revoked', {});
    return gone;
  })();
}

/** Every session of a person, or all but one (a password change keeps the session that made it). */
export function revokePersonSessions(db: DB, personId: number, exceptId?: string, by?: number | null): number {
  return db.transaction(() => {
    const n = exceptId
      ? db.prepare('DELETE FROM sessions WHERE person_id = ? AND id <> ?').run(personId, exceptId).changes
      : db.prepare('DELETE FROM sessions WHERE person_id = ?').run(personId).changes;
    if (by !== undefined) audit(db, by, 'account', personId, 'sessions_revoked', { count: n });
    return n;
  })();
}

export function sessionPerson(db: DB, id: string): number | null {
  return (db.prepare('SELECT person_id AS p FROM sessions WHERE id = ?').get(id) as { p: number } | undefined)?.p ?? null;
}

export function sessionRole(db: DB, id: string): Role | null {
  return (db.prepare('SELECT role FROM sessions WHERE id = ?').get(id) as { role: Role | null } | undefined)?.role ?? null;
}

export function setSessionRole(db: DB, id: string, role: Role) {
  db.prepare('UPDATE sessions SET role = ? WHERE id = ?').run(role, id);
}

export function listSessions(db: DB, personId: number, currentId?: string): SessionRow[] {
  const rows = db.prepare('SELECT * FROM sessions WHERE person_id = ? ORDER BY last_seen_at DESC').all(personId) as Row[];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.id === currentId,
  }));
}

/** Drops expired rows (run at start and now and then; resolveSession also refuses them one by one). */
export function sweepSessions(db: DB, now = Date.now()): number {
  const { idleMinutes, absoluteHours } = getSessionSettings(db);
  return db
    .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
    .run(now - idleMinutes * 60_000, now - absoluteHours * 3_600_000).changes;
}
