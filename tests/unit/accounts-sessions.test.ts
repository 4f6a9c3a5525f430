import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changePassword,
  createSession,
  listSessions,
  resolveSession,
  revokePersonSessions,
  setPassword,
  setSessionSettings,
  sha256,
  signIn,
  sweepSessions,
} from '../../main/services/accounts';
import { createPerson, setPersonActive } from '../../main/services/people';
import { tempDb } from './helpers/db';

let t: ReturnType<typeof tempDb>;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

const client = { ip: '10.0.0.7', userAgent: 'vitest' };
const PW = 'violet tram seventeen';
function rep(email = 'rep@example.com') {
  return createPerson(t.db, { name: 'Rep One', names: {}, email, teamId: null, roles: ['rep'], hiredAt: null });
}

describe('sessions', () => {
  it('stores only the SHA-256 of a 256-bit token, with person, times, user agent and address', () => {
    const p = rep();
    const { token, id } = createSession(t.db, p.id, 'browser', client, 1_000);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).toBe(sha256(token));
    const rows = t.db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]).toMatchObject({ id, person_id: p.id, created_at: 1_000, last_seen_at: 1_000, user_agent: 'vitest', ip: '10.0.0.7' });
    const r = resolveSession(t.db, token, 2_000);
    expect(r?.actor).toMatchObject({ personId: p.id, roles: ['rep'], owner: false, sessionId: id });
    expect(resolveSession(t.db, id, 2_000)).toBeNull(); // the stored hash is not a credential
    expect(resolveSession(t.db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 2_000)).toBeNull();
    expect(resolveSession(t.db, 'x'.repeat(5000), 2_000)).toBeNull();
  });

  it('expires after the idle time and after the absolute time (both settings), deleting the row', () => {
    const p = rep();
    setSessionSettings(t.db, { idleMinutes: 30, absoluteHours: 2 });
    const idle = createSession(t.db, p.id, 'browser', client, 0);
    expect(resolveSession(t.db, idle.token, 29 * 60_000)).not.toBeNull(); // touches last_seen
    expect(resolveSession(t.db, idle.token, 58 * 60_000)).not.toBeNull();
    expect(resolveSession(t.db, idle.token, 58 * 60_000 + 31 * 60_000)).toBeNull();
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions WHERE id = ?').get(idle.id)).toEqual({ n: 0 });

    const abs = createSession(t.db, p.id, 'bearer', client, 0);
    for (let m = 20; m < 120; m += 20) expect(resolveSession(t.db, abs.token, m * 60_000)).not.toBeNull();
    expect(resolveSession(t.db, abs.token, 2 * 3_600_000 + 1)).toBeNull();

    // the periodic sweep removes rows nobody presents again
    createSession(t.db, p.id, 'browser', client, 0);
    const fresh = createSession(t.db, p.id, 'browser', client, 3 * 3_600_000);
    expect(sweepSessions(t.db, 3 * 3_600_000 + 1)).toBe(1);
    expect(t.db.prepare('SELECT id FROM sessions').all()).toEqual([{ id: fresh.id }]);
  });

  it('deactivating a person revokes their sessions at once; a session of a person deactivated behind its back is void', () => {
    const p = rep();
    const other = rep('other@example.com');
    const a = createSession(t.db, p.id, 'browser', client);
    createSession(t.db, p.id, 'bearer', client);
    const o = createSession(t.db, other.id, 'browser', client);
    setPersonActive(t.db, p.id, false);
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions WHERE person_id = ?').get(p.id)).toEqual({ n: 0 });
    expect(resolveSession(t.db, a.token)).toBeNull();
    expect(resolveSession(t.db, o.token)).not.toBeNull();
    // deactivated by a direct write: actorFor returns null and the session goes
    t.db.prepare('UPDATE people SET active = 0 WHERE id = ?').run(other.id);
    expect(resolveSession(t.db, o.token)).toBeNull();
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('a password change keeps the current session and revokes the others; sign out everywhere revokes all', async () => {
    const p = rep();
    await setPassword(t.db, { id: p.id, name: p.name, email: p.email }, PW);
    const here = await signIn(t.db, p.email, PW, 'browser', client);
    const laptop = await signIn(t.db, p.email, PW, 'bearer', { ip: '10.0.0.8', userAgent: 'desktop' });
    expect(
      listSessions(t.db, p.id, here.sessionId)
        .map((s) => s.current)
        .sort(),
    ).toEqual([false, true]);
    await expect(changePassword(t.db, p.id, here.sessionId, 'wrong password here', 'another long phrase')).rejects.toMatchObject({
      localized: { key: 'auth.currentPasswordWrong' },
    });
    expect(await changePassword(t.db, p.id, here.sessionId, PW, 'another long phrase')).toBe(1);
    expect(resolveSession(t.db, here.token)).not.toBeNull();
    expect(resolveSession(t.db, laptop.token)).toBeNull();
    await expect(signIn(t.db, p.email, PW, 'browser', client)).rejects.toMatchObject({ localized: { key: 'auth.wrongCredentials' } });
    await signIn(t.db, p.email, 'another long phrase', 'browser', client);
    expect(revokePersonSessions(t.db, p.id)).toBe(2);
    expect(resolveSession(t.db, here.token)).toBeNull();
  });

  it('audits sign-ins and failed sign-ins without the password', async () => {
    const p = rep();
    await setPassword(t.db, { id: p.id, name: p.name, email: p.email }, PW);
    await signIn(t.db, p.email, PW, 'browser', client);
    await expect(signIn(t.db, p.email, 'a wrong password', 'browser', client)).rejects.toThrow();
    await expect(signIn(t.db, 'nobody@example.com', 'a wrong password', 'browser', client)).rejects.toThrow();
    const log = t.db.prepare("SELECT actor_id, entity_id, action, detail FROM audit_log WHERE entity = 'auth' ORDER BY id").all() as {
      actor_id: number | null;
      entity_id: number | null;
      action: string;
      detail: string;
    }[];
    expect(log.map((l) => [l.action, l.entity_id])).toEqual([
      ['sign_in', p.id],
      ['sign_in_failed', p.id],
      ['sign_in_failed', null],
    ]);
    expect(JSON.parse(log[0].detail)).toMatchObject({ via: 'password', ip: '10.0.0.7' });
    const all =
      JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(t.db.prepare('SELECT * FROM accounts').all());
    expect(all).not.toContain(PW);
    expect(all).not.toContain('a wrong password');
  });
});
