/**
 * Sign-in throttling. Failures are counted per e-mail (known or not, so an
 * attacker learns nothing about which accounts exist) and per client address.
 * After a few free attempts each further failure doubles the wait before the
 * next attempt; at LOCK_AFTER failures an e-mail is locked until an admin
 * unlocks it. A success clears the e-mail's count.
 */
import type { DB } from '../../db/open';

export const LOCK_AFTER = 10;
/** Failures an e-mail may have before waits start, and the same for an address (an office behind one NAT shares it). */
const FREE = { acct: 5, ip: 20 } as const;
const MAX_WAIT_S = { acct: 15 * 60, ip: 15 * 60 } as const;
/** Counts older than this since their last failure start over. */
const FORGET_MS = 24 * 3_600_000;

type Kind = keyof typeof FREE;
export const throttleKey = (kind: Kind, value: string) => `${kind}:${value.trim().toLowerCase()}`;

/** Seconds to wait after n failures (0 while within the free attempts). */
export function waitSeconds(kind: Kind, failures: number): number {
  const over = failures - FREE[kind];
  return over <= 0 ? 0 : Math.min(MAX_WAIT_S[kind], 2 ** (over - 1));
}

interface Row {
  failures: number;
  last_failure_at: number;
}

function read(db: DB, key: string, now: number): Row | null {
  const r = db.prepare('SELECT failures, last_failure_at FROM sign_in_failures WHERE key = ?').get(key) as Row | undefined;
  if (!r) return null;
  return now - r.last_failure_at > FORGET_MS && r.failures < LOCK_AFTER ? null : r;
}

export interface Gate {
  locked: boolean;
  /** seconds until the next attempt is allowed (0: now) */
  retryAfter: number;
}

/** Whether an attempt for this e-mail from this address may be checked now. */
export function gate(db: DB, email: string, ip: string, now = Date.now()): Gate {
  const acct = read(db, throttleKey('acct', email), now);
  if (acct && acct.failures >= LOCK_AFTER) return { locked: true, retryAfter: 0 };
  let until = 0;
  if (acct) until = Math.max(until, acct.last_failure_at + waitSeconds('acct', acct.failures) * 1000);
  const addr = read(db, throttleKey('ip', ip), now);
  if (addr) until = Math.max(until, addr.last_failure_at + waitSeconds('ip', addr.failures) * 1000);
  return { locked: false, retryAfter: until > now ? Math.ceil((until - now) / 1000) : 0 };
}

/** Counts one failure for the e-mail and the address; returns whether the e-mail is now locked. */
export function recordFailure(db: DB, email: string, ip: string, now = Date.now()): { failures: number; locked: boolean } {
  const bump = db.prepare(`
    INSERT INTO sign_in_failures(key, failures, last_failure_at) VALUES (?, 1, ?)
    ON CONFLICT(key) DO UPDATE SET
      failures = CASE WHEN ? - last_failure_at > ? AND failures < ? THEN 1 ELSE failures + 1 END,
      last_failure_at = excluded.last_failure_at`);
  let failures = 0;
  db.transaction(() => {
    for (const key of [throttleKey('acct', email), throttleKey('ip', ip)]) bump.run(key, now, now, FORGET_MS, LOCK_AFTER);
    failures = (db.prepare('SELECT failures FROM sign_in_failures WHERE key = ?').get(throttleKey('acct', email)) as Row).failures;
  })();
  return { failures, locked: failures >= LOCK_AFTER };
}

export function clearAccountFailures(db: DB, email: string) {
  db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(throttleKey('acct', email));
}

export function isLocked(db: DB, email: string): boolean {
  const r = db.prepare('SELECT failures FROM sign_in_failures WHERE key = ?').get(throttleKey('acct', email)) as
    { failures: number } | undefined;
  return !!r && r.failures >= LOCK_AFTER;
}

/** Failure counts of many e-mails at once (the admin's account list). */
export function failuresByEmail(db: DB): Map<string, number> {
  const rows = db.prepare("SELECT substr(key, 6) AS email, failures FROM sign_in_failures WHERE key LIKE 'acct:%'").all() as {
    email: string;
    failures: number;
  }[];
  return new Map(rows.map((r) => [r.email, r.failures]));
}

/** Forgets counts past their memory (locked e-mails stay until unlocked), so the table does not grow with every address ever seen. */
export function sweepFailures(db: DB, now = Date.now()): number {
  return db.prepare('DELETE FROM sign_in_failures WHERE last_failure_at < ? AND failures < ?').run(now - FORGET_MS, LOCK_AFTER).changes;
}
