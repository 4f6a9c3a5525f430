import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  createInvitation,
  invitationFor,
  issueSetupCode,
  makeOwner,
  needsOwner,
  resolveSession,
  setupInfo,
  sha256,
  signIn,
  teamOverview,
} from '../../main/services/accounts';
import { createPerson, setPersonActive } from '../../main/services/people';
import { tempDb } from './helpers/db';

let t: ReturnType<typeof tempDb>;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

const client = { ip: '127.0.0.1', userAgent: 'vitest' };
const DAY = 86_400_000;
const person = (email: string, roles: ('rep' | 'admin')[] = ['rep']) =>
  createPerson(t.db, { name: email.split('@')[0], names: {}, email, teamId: null, roles, hiredAt: null });
const key = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { localized?: { key: string } }) => e.localized?.key,
  );
const keyOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { localized?: { key: string } }).localized?.key;
  }
};

describe('invitations', () => {
  it('stores only the hash, expires after 7 days, and works once', async () => {
    const rep = person('rep@example.com');
    const inv = createInvitation(t.db, rep.id, null, 0);
    expect(inv.expiresAt).toBe(new Date(7 * DAY).toISOString());
    const stored = t.db.prepare('SELECT code_hash FROM invitations').get() as { code_hash: string };
    expect(stored.code_hash).toBe(sha256(inv.code));
    expect(JSON.stringify(t.db.prepare('SELECT * FROM invitations').all())).not.toContain(inv.code);
    expect(invitationFor(t.db, inv.code, 7 * DAY - 1)).toMatchObject({ email: 'rep@example.com' });
    expect(keyOf(() => invitationFor(t.db, inv.code, 7 * DAY))).toBe('auth.invitationExpired');
    expect(await key(acceptInvitation(t.db, inv.code, 'violet tram seventeen', 'browser', client, 7 * DAY + 5))).toBe(
      'auth.invitationExpired',
    );
    expect(t.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });

    const again = createInvitation(t.db, rep.id, null, 10 * DAY);
    expect(await key(acceptInvitation(t.db, again.code, 'qwerty123456', 'browser', client, 10 * DAY + 1))).toBe('auth.passwordCommon');
    // a refused password does not use the invitation up
    const ok = await acceptInvitation(t.db, again.code, 'violet tram seventeen', 'browser', client, 10 * DAY + 2);
    expect(resolveSession(t.db, ok.token, 10 * DAY + 3)?.actor.personId).toBe(rep.id);
    expect(await key(acceptInvitation(t.db, again.code, 'another long phrase', 'browser', client, 10 * DAY + 4))).toBe(
      'auth.invitationUsed',
    );
    await signIn(t.db, 'rep@example.com', 'violet tram seventeen', 'browser', client, 10 * DAY + 5);
    expect(keyOf(() => invitationFor(t.db, 'not-a-code', 0))).toBe('auth.invitationInvalid');
  });

  it('two acceptances racing: exactly one wins', async () => {
    const rep = person('rep@example.com');
    const inv = createInvitation(t.db, rep.id, null);
    const results = await Promise.allSettled([
      acceptInvitation(t.db, inv.code, 'violet tram seventeen', 'browser', client),
      acceptInvitation(t.db, inv.code, 'another long phrase', 'browser', client),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
  });

  it('a newer invitation replaces the older one; deactivated people cannot be invited or accept', () => {
    const rep = person('rep@example.com');
    const a = createInvitation(t.db, rep.id, null);
    const b = createInvitation(t.db, rep.id, null);
    expect(keyOf(() => invitationFor(t.db, a.code))).toBe('auth.invitationInvalid');
    expect(teamOverview(t.db).invitations.map((i) => i.id)).toEqual([b.id]);
    setPersonActive(t.db, rep.id, false);
    expect(keyOf(() => invitationFor(t.db, b.code))).toBe('auth.invitationInvalid');
    expect(keyOf(() => createInvitation(t.db, rep.id, null))).toBe('auth.personInactive');
  });
});

describe('owner set-up', () => {
  it('a one-time code makes a chosen person the admin owner; the code then stops working', async () => {
    const rep = person('owner@example.com');
    expect(needsOwner(t.db)).toBe(true);
    const code = issueSetupCode(t.db);
    expect(keyOf(() => setupInfo(t.db, 'x'.repeat(43)))).toBe('auth.setupInvalid');
    expect(setupInfo(t.db, code).people.map((p) => p.email)).toEqual(['owner@example.com']);
    await makeOwner(t.db, { personId: rep.id }, 'violet tram seventeen', code);
    expect(needsOwner(t.db)).toBe(false);
    expect(t.db.prepare('SELECT role FROM person_roles WHERE person_id = ? ORDER BY role').all(rep.id)).toEqual([
      { role: 'admin' },
      { role: 'rep' },
    ]);
    expect(keyOf(() => setupInfo(t.db, code))).toBe('auth.setupInvalid');
    await expect(makeOwner(t.db, { personId: rep.id }, 'another long phrase', code)).rejects.toMatchObject({
      localized: { key: 'auth.setupInvalid' },
    });
  });

  it('on an empty workspace the owner is created from name and e-mail', async () => {
    const code = issueSetupCode(t.db);
    const owner = await makeOwner(t.db, { personId: null, name: 'Olga Owner', email: 'olga@example.com' }, 'violet tram seventeen', code);
    expect(owner.email).toBe('olga@example.com');
    expect((await signIn(t.db, 'olga@example.com', 'violet tram seventeen', 'bearer', client)).personId).toBe(owner.id);
  });
});
