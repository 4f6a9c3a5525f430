import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  gate,
  isLocked,
  LOCK_AFTER,
  setPassword,
  signIn,
  sweepFailures,
  teamOverview,
  unlockAccount,
  waitSeconds,
} from '../../main/services/accounts';
import { createPerson } from '../../main/services/people';
import { tempDb } from './helpers/db';

let t: ReturnType<typeof tempDb>;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

const PW = 'violet tram seventeen';
const key = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { localized?: { key: string; params?: Record<string, unknown> } }) => e.localized,
  );

async function account(email = 'rep@example.com') {
  const p = createPerson(t.db, { name: 'Rep', names: {}, email, teamId: null, roles: ['rep'], hiredAt: null });
  await setPassword(t.db, { id: p.id, name: p.name, email }, PW);
  return p;
}

describe('throttling and lock-out', () => {
  it('waits grow after the free attempts (per account), and the same message serves unknown e-mail and wrong password', async () => {
    expect([1, 4, 5, 6, 7, 8, 9].map((n) => waitSeconds('acct', n))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    await account();
    const ip = { ip: '10.1.1.1', userAgent: 'x' };
    let now = 1_000_000;
    expect(await key(signIn(t.db, 'rep@example.com', 'wrong wrong wrong', 'browser', ip, now))).toEqual({ key: 'auth.wrongCredentials' });
    expect(await key(signIn(t.db, 'ghost@example.com', 'wrong wrong wrong', 'browser', ip, now))).toEqual({ key: 'auth.wrongCredentials' });
    for (let i = 0; i < 5; i++) await key(signIn(t.db, 'rep@example.com', 'wrong wrong wrong', 'browser', ip, (now += 10)));
    // 6 failures: 1 s wait, then 2 s after the next one
    expect(await key(signIn(t.db, 'rep@example.com', PW, 'browser', ip, now + 500))).toEqual({
      key: 'auth.tooManyAttempts',
      params: { seconds: 1 },
    });
    now += 1_000;
    expect(await key(signIn(t.db, 'rep@example.com', 'wrong wrong wrong', 'browser', ip, now))).toEqual({ key: 'auth.wrongCredentials' });
    expect(gate(t.db, 'rep@example.com', '10.9.9.9', now + 100).retryAfter).toBe(2);
    // the right password after the wait signs in and clears the count
    now += 2_000;
    expect((await signIn(t.db, 'rep@example.com', PW, 'browser', ip, now)).personId).toBeGreaterThan(0);
    expect(gate(t.db, 'rep@example.com', '10.9.9.9', now)).toEqual({ locked: false, retryAfter: 0 });
  });

  it('throttles one address trying many e-mails', async () => {
    const ip = { ip: '10.2.2.2', userAgent: 'x' };
    let now = 0;
    for (let i = 0; i < 21; i++) await key(signIn(t.db, `user${i}@example.com`, 'wrong wrong wrong', 'browser', ip, (now += 10)));
    expect((await key(signIn(t.db, 'fresh@example.com', 'wrong wrong wrong', 'browser', ip, now + 10)))?.key).toBe('auth.tooManyAttempts');
    // another address is not slowed
    expect(
      (await key(signIn(t.db, 'fresh@example.com', 'wrong wrong wrong', 'browser', { ip: '10.3.3.3', userAgent: 'x' }, now + 10)))?.key,
    ).toBe('auth.wrongCredentials');
    // a day later the counts are forgotten and swept
    expect(sweepFailures(t.db, now + 25 * 3_600_000)).toBeGreaterThan(20);
    expect(gate(t.db, 'fresh@example.com', '10.2.2.2', now + 25 * 3_600_000)).toEqual({ locked: false, retryAfter: 0 });
  });

  it(`locks an account after ${LOCK_AFTER} failures, even for the right password, until an admin unlocks it`, async () => {
    const p = await account();
    let now = 0;
    const results: (string | undefined)[] = [];
    for (let i = 0; i < LOCK_AFTER; i++) {
      now += 3_600_000; // past every wait: only the lock-out stops it
      results.push(
        (await key(signIn(t.db, 'rep@example.com', 'wrong wrong wrong', 'browser', { ip: `10.0.0.${i}`, userAgent: 'x' }, now)))?.key,
      );
    }
    expect(results.slice(0, -1).every((k) => k === 'auth.wrongCredentials')).toBe(true);
    expect(results.at(-1)).toBe('auth.locked');
    expect(isLocked(t.db, 'rep@example.com')).toBe(true);
    expect((await key(signIn(t.db, 'rep@example.com', PW, 'browser', { ip: '10.5.5.5', userAgent: 'x' }, now + 86_400_000 * 3)))?.key).toBe(
      'auth.locked',
    );
    expect(teamOverview(t.db).accounts.find((a) => a.personId === p.id)).toMatchObject({ locked: true, failures: LOCK_AFTER });
    unlockAccount(t.db, p.id, null);
    expect((await signIn(t.db, 'rep@example.com', PW, 'browser', { ip: '10.5.5.5', userAgent: 'x' }, now + 1)).personId).toBe(p.id);
    const actions = (
      t.db.prepare("SELECT action FROM audit_log WHERE action IN ('locked','unlock','sign_in_refused') ORDER BY id").all() as {
        action: string;
      }[]
    ).map((a) => a.action);
    expect(actions).toEqual(['locked', 'sign_in_refused', 'unlock']);
  });
});
