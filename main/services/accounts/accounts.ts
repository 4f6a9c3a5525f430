/**
 * Accounts of a team workspace: sign-in (throttled, locked after repeated
 * failures, one message for unknown e-mail and wrong password), passwords,
 * the owner's set-up and the admin's overview. Sign-ins and failed sign-ins
 * go to the audit log with the client address, never with a password.
 */
import { AppError } from '../../../shared/api/contract';
import type { TeamAccount, TeamOverview } from '../../../shared/api/auth';
import type { Role } from '../../../shared/api/people';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { createPerson } from '../people';
import { checkPasswordRules, burnVerify, hashPassword, verifyPassword } from './passwords';
import { newSecret, sha256, wellFormedSecret } from './secrets';
import { createSession, revokePersonSessions, type ClientInfo, type SessionKind } from './sessions';
import { getSessionSettings } from './settings';
import { clearAccountFailures, failuresByEmail, gate, LOCK_AFTER, recordFailure } from './throttle';
import { consumeInvitation, invitationFor, listInvitations } from './invitations';
import { namesColumn, parseNames } from '../personNames';

export const wrongCredentials = () =>
  new AppError('unauthorized', 'The e-mail or password is wrong.', undefined, { key: 'auth.wrongCredentials' });
export const lockedOut = () =>
  new AppError('unauthorized', 'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.', undefined, {
    key: 'auth.locked',
  });
export const tooManyAttempts = (seconds: number) =>
  new AppError('unavailable', `Too many attempts: wait ${seconds} s and try again.`, undefined, {
    key: 'auth.tooManyAttempts',
    params: { seconds },
  });

interface PersonRow {
  id: number;
  name: string;
  email: string;
}

function activePersonByEmail(db: DB, email: string): (PersonRow & { hash: string | null }) | null {
  return (
    (db
      .prepare(
        'SELECT p.id, p.name, p.email, a.password_hash AS hash FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.email = ? AND p.active = 1',
      )
      .get(email.trim().toLowerCase()) as (PersonRow & { hash: string | null }) | undefined) ?? null
  );
}

export function activePerson(db: DB, personId: number): PersonRow | null {
  return (db.prepare('SELECT id, name, email FROM people WHERE id = ? AND active = 1').get(personId) as PersonRow | undefined) ?? null;
}

/** Stores a new password hash (rules checked first) and revokes the person's sessions except `keepSession`. */
export async function setPassword(
  db: DB,
  person: PersonRow,
  password: string,
  keepSession?: string,
  now = Date.now(),
  alsoInTx?: () => void,
): Promise<number> {
  checkPasswordRules(password, person);
  const hash = await hashPassword(password);
  return db.transaction(() => {
    alsoInTx?.();
    db.prepare(
      `INSERT INTO accounts(person_id, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(person_id) DO UPDATE SET password_hash = excluded.password_hash, password_changed_at = excluded.password_changed_at`,
    ).run(person.id, hash, now, now);
    const revoked = revokePersonSessions(db, person.id, keepSession);
    clearAccountFailures(db, person.email);
    audit(db, person.id, 'account', person.id, 'password_set', { revokedSessions: revoked });
    return revoked;
  })();
}

/** Accepting an invitation: the password is set and the invitation used up in one transaction, then a session starts. */
export async function acceptInvitation(
  db: DB,
  code: string,
  password: string,
  kind: SessionKind,
  client: ClientInfo,
  now = Date.now(),
): Promise<SignInResult> {
  const inv = invitationFor(db, code, now);
  const person = { id: inv.person_id, name: inv.name, email: inv.email };
  await setPassword(db, person, password, undefined, now, () => consumeInvitation(db, inv.id, now));
  return startSession(db, person, kind, client, 'invitation', now);
}

export interface SignInResult {
  personId: number;
  name: string;
  token: string;
  sessionId: string;
}

export async function signIn(
  db: DB,
  email: string,
  password: string,
  kind: SessionKind,
  client: ClientInfo,
  now = Date.now(),
): Promise<SignInResult> {
  const g = gate(db, email, client.ip, now);
  if (g.locked) {
    audit(db, null, 'auth', null, 'sign_in_refused', { email: email.slice(0, 200), ip: client.ip, reason: 'locked' });
    throw lockedOut();
  }
  if (g.retryAfter > 0) throw tooManyAttempts(g.retryAfter);
  const person = activePersonByEmail(db, email);
  const ok = person?.hash ? await verifyPassword(person.hash, password) : (await burnVerify(password), false);
  if (!ok || !person) {
    const f = recordFailure(db, email, client.ip, now);
    audit(db, null, 'auth', person?.id ?? null, 'sign_in_failed', { email: email.slice(0, 200), ip: client.ip, failures: f.failures });
    if (f.locked) {
      if (f.failures === LOCK_AFTER) audit(db, null, 'auth', person?.id ?? null, 'locked', { email: email.slice(0, 200), ip: client.ip });
      throw lockedOut();
    }
    throw wrongCredentials();
  }
  return startSession(db, person, kind, client, 'password', now);
}

/** A new session for a person who proved who they are (password, invitation, set-up or SSO). */
export function startSession(
  db: DB,
  person: PersonRow,
  kind: SessionKind,
  client: ClientInfo,
  via: string,
  now = Date.now(),
): SignInResult {
  return db.transaction(() => {
    clearAccountFailures(db, person.email);
    const s = createSession(db, person.id, kind, client, now);
    audit(db, person.id, 'auth', person.id, 'sign_in', { via, ip: client.ip, userAgent: client.userAgent.slice(0, 200) });
    return { personId: person.id, name: person.name, token: s.token, sessionId: s.id };
  })();
}

export async function changePassword(
  db: DB,
  personId: number,
  sessionId: string | undefined,
  current: string,
  next: string,
): Promise<number> {
  const person = activePerson(db, personId);
  const hash = (db.prepare('SELECT password_hash AS h FROM accounts WHERE person_id = ?').get(personId) as { h: string } | undefined)?.h;
  if (!person || !hash || !(await verifyPassword(hash, current))) {
    throw new AppError('invalid_input', 'The current password is wrong.', 'current', { key: 'auth.currentPasswordWrong' });
  }
  return setPassword(db, person, next, sessionId);
}

export function unlockAccount(db: DB, personId: number, by: number | null) {
  const p = db.prepare('SELECT id, email FROM people WHERE id = ?').get(personId) as { id: number; email: string } | undefined;
  if (!p)
    throw new AppError('not_found', `Person #${personId} does not exist.`, undefined, {
      key: 'people.personNotFound',
      params: { id: personId },
    });
  db.transaction(() => {
    clearAccountFailures(db, p.email);
    audit(db, by, 'account', personId, 'unlock', {});
  })();
}

/* ---- the owner's set-up (team server's first start, or Settings → Team in solo) ---- */

const SETUP_HASH = 'team.setup_hash';
const SETUP_DAYS = 7;

/** True while no active admin has a password: the workspace cannot be administered over the network yet. */
export function needsOwner(db: DB): boolean {
  return !db
    .prepare(
      "SELECT 1 FROM accounts a JOIN people p ON p.id = a.person_id AND p.active = 1 JOIN person_roles r ON r.person_id = p.id AND r.role = 'admin' LIMIT 1",
    )
    .get();
}

/** A fresh one-time owner set-up code (the previous one stops working); only its hash is kept. */
export function issueSetupCode(db: DB, now = Date.now()): string {
  const code = newSecret();
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    SETUP_HASH,
    JSON.stringify({ hash: sha256(code), expiresAt: now + SETUP_DAYS * 86_400_000 }),
  );
  return code;
}

function assertSetupCode(db: DB, code: string, now = Date.now()) {
  const raw = (db.prepare('SELECT value FROM meta WHERE key = ?').get(SETUP_HASH) as { value: string } | undefined)?.value;
  const stored = raw ? (JSON.parse(raw) as { hash: string; expiresAt: number }) : null;
  if (!stored || !wellFormedSecret(code) || stored.hash !== sha256(code) || stored.expiresAt < now || !needsOwner(db)) {
    throw new AppError('forbidden', 'This set-up link is no longer valid. Restart the team server to print a new one.', undefined, {
      key: 'auth.setupInvalid',
    });
  }
}

export function setupInfo(db: DB, code: string) {
  assertSetupCode(db, code);
  return {
    people: db.prepare('SELECT id, name, email FROM people WHERE active = 1 ORDER BY name').all() as {
      id: number;
      name: string;
      email: string;
    }[],
  };
}

/** Makes a person the owner: admin role, password set; a new person is created on an empty workspace. */
export async function makeOwner(
  db: DB,
  target: { personId: number | null; name?: string; email?: string },
  password: string,
  code: string | null,
): Promise<PersonRow> {
  if (code !== null) assertSetupCode(db, code);
  let person: PersonRow | null;
  if (target.personId) {
    person = activePerson(db, target.personId);
    if (!person) throw new AppError('invalid_input', 'Choose an active person.', 'personId', { key: 'auth.personInactive' });
  } else {
    if (!target.name || !target.email)
      throw new AppError('invalid_input', 'Enter your name and e-mail address.', 'name', { key: 'auth.ownerDetailsMissing' });
    checkPasswordRules(password, { email: target.email, name: target.name });
    const p = createPerson(db, { name: target.name, names: {}, email: target.email, teamId: null, roles: ['admin'], hiredAt: null });
    person = { id: p.id, name: p.name, email: p.email };
  }
  checkPasswordRules(password, person);
  await setPassword(db, person, password);
  const owner = person;
  db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO person_roles(person_id, role) VALUES (?, 'admin')").run(owner.id);
    db.prepare('DELETE FROM meta WHERE key = ?').run(SETUP_HASH);
    audit(db, owner.id, 'account', owner.id, 'owner_setup', {});
  })();
  return owner;
}

/* ---- the admin's view ---- */

export function teamOverview(db: DB, now = Date.now()): TeamOverview {
  const people = db
    .prepare(
      `SELECT p.id, p.name, ${namesColumn('p')} AS names, p.email, a.person_id IS NOT NULL AS hasPassword,
              (SELECT count(*) FROM sessions s WHERE s.person_id = p.id) AS sessions,
              (SELECT max(last_seen_at) FROM sessions s WHERE s.person_id = p.id) AS lastSeen,
              EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = p.id AND i.used_at IS NULL AND i.expires_at > ?) AS pending,
              (SELECT group_concat(role) FROM person_roles r WHERE r.person_id = p.id) AS roles
       FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.active = 1 ORDER BY p.name`,
    )
    .all(now) as {
    id: number;
    name: string;
    names: string;
    email: string;
    hasPassword: number;
    sessions: number;
    lastSeen: number | null;
    pending: number;
    roles: string | null;
  }[];
  const failures = failuresByEmail(db);
  const accounts: TeamAccount[] = people.map((p) => ({
    personId: p.id,
    name: p.name,
    names: parseNames(p.names),
    email: p.email,
    roles: (p.roles ? p.roles.split(',') : []) as Role[],
    hasPassword: !!p.hasPassword,
    locked: (failures.get(p.email.toLowerCase()) ?? 0) >= LOCK_AFTER,
    failures: failures.get(p.email.toLowerCase()) ?? 0,
    sessions: p.sessions,
    lastSeenAt: p.lastSeen ? new Date(p.lastSeen).toISOString() : null,
    pendingInvitation: !!p.pending,
  }));
  return { enabled: !needsOwner(db), accounts, invitations: listInvitations(db, now), settings: getSessionSettings(db) };
}

/* ---- single sign-on ---- */

export type SsoRefusal = 'unverified' | 'noPerson';

/** An OpenID Connect identity → the active person with that verified e-mail (no automatic creation); a refusal is audited. */
export function ssoPerson(db: DB, email: string | undefined, verified: boolean, client: ClientInfo): PersonRow | SsoRefusal {
  const person = email ? activePersonByEmail(db, email) : null;
  const refusal: SsoRefusal | null = !email || !verified ? 'unverified' : !person ? 'noPerson' : null;
  if (refusal || !person) {
    audit(db, null, 'auth', person?.id ?? null, 'sign_in_failed', {
      via: 'sso',
      email: (email ?? '').slice(0, 200),
      ip: client.ip,
      reason: refusal,
    });
    return refusal ?? 'noPerson';
  }
  return { id: person.id, name: person.name, email: person.email };
}

export function ssoSignIn(
  db: DB,
  email: string | undefined,
  verified: boolean,
  kind: SessionKind,
  client: ClientInfo,
): SignInResult | SsoRefusal {
  const person = ssoPerson(db, email, verified, client);
  return typeof person === 'string' ? person : startSession(db, person, kind, client, 'sso');
}
