/**
 * Invitations: a single-use code for one active person, valid 7 days, kept
 * only as its SHA-256. Accepting it sets the person's password (and signs
 * them in); a newer invitation for the same person replaces older ones.
 */
import { AppError } from '../../../shared/api/contract';
import { INVITATION_DAYS, type InvitationRow } from '../../../shared/api/auth';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { newSecret, sha256, wellFormedSecret } from './secrets';

interface Row {
  id: number;
  person_id: number;
  expires_at: number;
  used_at: number | null;
  name: string;
  email: string;
  active: number;
}

export function createInvitation(
  db: DB,
  personId: number,
  by: number | null,
  now = Date.now(),
): { id: number; code: string; expiresAt: string } {
  const p = db.prepare('SELECT id, active FROM people WHERE id = ?').get(personId) as { id: number; active: number } | undefined;
  if (!p || !p.active)
    throw new AppError('invalid_input', 'Only an active person can be invited.', 'personId', { key: 'auth.personInactive' });
  const code = newSecret();
  const expiresAt = now + INVITATION_DAYS * 86_400_000;
  const id = db.transaction(() => {
    db.prepare('DELETE FROM invitations WHERE person_id = ? AND used_at IS NULL').run(personId);
    const r = db
      .prepare('INSERT INTO invitations(person_id, code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(personId, sha256(code), by, now, expiresAt);
    audit(db, by, 'account', personId, 'invite', { expiresAt: new Date(expiresAt).toISOString() });
    return Number(r.lastInsertRowid);
  })();
  return { id, code, expiresAt: new Date(expiresAt).toISOString() };
}

const invalid = () =>
  new AppError('not_found', 'This invitation link is not valid. Ask your administrator for a new one.', undefined, {
    key: 'auth.invitationInvalid',
  });

/** The invitation behind a code, or a localized error: unknown, used, expired, or the person was deactivated. */
export function invitationFor(db: DB, code: string, now = Date.now()): Row {
  if (!wellFormedSecret(code)) throw invalid();
  const row = db
    .prepare(
      'SELECT i.id, i.person_id, i.expires_at, i.used_at, p.name, p.email, p.active FROM invitations i JOIN people p ON p.id = i.person_id WHERE i.code_hash = ?',
    )
    .get(sha256(code)) as Row | undefined;
  if (!row || !row.active) throw invalid();
  if (row.used_at !== null)
    throw new AppError('conflict', 'This invitation has already been used. Sign in, or ask your administrator for a new one.', undefined, {
      key: 'auth.invitationUsed',
    });
  if (row.expires_at <= now)
    throw new AppError('conflict', 'This invitation has expired. Ask your administrator for a new one.', undefined, {
      key: 'auth.invitationExpired',
    });
  return row;
}

/** Marks the invitation used, once: a second acceptance racing the first gets "already used". */
export function consumeInvitation(db: DB, id: number, now = Date.now()) {
  if (db.prepare('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes !== 1) {
    throw new AppError('conflict', 'This invitation has already been used.', undefined, { key: 'auth.invitationUsed' });
  }
}

export function listInvitations(db: DB, now = Date.now()): InvitationRow[] {
  const rows = db
    .prepare(
      'SELECT i.id, i.person_id, i.created_at, i.expires_at, p.name, p.email FROM invitations i JOIN people p ON p.id = i.person_id WHERE i.used_at IS NULL AND i.expires_at > ? ORDER BY i.created_at DESC',
    )
    .all(now) as { id: number; person_id: number; created_at: number; expires_at: number; name: string; email: string }[];
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    name: r.name,
    email: r.email,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
  }));
}

export function revokeInvitation(db: DB, id: number, by: number | null) {
  db.transaction(() => {
    const r = db.prepare('SELECT person_id FROM invitations WHERE id = ? AND used_at IS NULL').get(id) as { person_id: number } | undefined;
    if (!r) return;
    db.prepare('DELETE FROM invitations WHERE id = ?').run(id);
    audit(db, by, 'account', r.person_id, 'invite_revoked', {});
  })();
}
