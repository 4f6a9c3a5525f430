/**
 * Password rules and hashing. argon2id with OWASP's baseline parameters
 * (19 MiB, 2 passes, 1 lane); the rules are a minimum length and a refusal of
 * the common passwords shipped in resources/common-passwords.txt.
 * A password is never stored, logged or echoed: only its hash leaves here.
 */
import fs from 'node:fs';
import path from 'node:path';
import argon2 from 'argon2';
import { AppError } from '../../../shared/api/contract';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/api/auth';

const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | null = null;

/** resources/common-passwords.txt from the sources (tests), dist/main (hosts) or a packaged app. */
function commonPasswordsFile(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    path.join(__dirname, '..', '..', '..', 'resources', 'common-passwords.txt'),
    path.join(__dirname, '..', '..', 'resources', 'common-passwords.txt'),
    path.join(process.cwd(), 'resources', 'common-passwords.txt'),
    resourcesPath ? path.join(resourcesPath, 'common-passwords.txt') : '',
  ];
  const found = candidates.find((c) => c && fs.existsSync(c));
  if (!found) throw new Error('resources/common-passwords.txt is missing: the password rules cannot be checked.');
  return found;
}

export function commonPasswords(): Set<string> {
  if (!common) {
    common = new Set(
      fs
        .readFileSync(commonPasswordsFile(), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  }
  return common;
}

/** Throws a localized error when a new password breaks a rule (the password itself is never part of the message). */
export function checkPasswordRules(password: string, person?: { email: string; name: string }) {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN) {
    throw new AppError('invalid_input', `The password needs at least ${PASSWORD_MIN} characters.`, 'password', {
      key: 'auth.passwordTooShort',
      params: { min: PASSWORD_MIN },
    });
  }
  if (chars > PASSWORD_MAX) {
    throw new AppError('invalid_input', `The password can have at most ${PASSWORD_MAX} characters.`, 'password', {
      key: 'auth.passwordTooLong',
      params: { max: PASSWORD_MAX },
    });
  }
  const folded = password.toLowerCase();
  const list = commonPasswords();
  // also catch a listed password padded with digits or symbols ("password123456!")
  const core = folded.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const mine = person
    ? [person.email.toLowerCase(), person.email.toLowerCase().split('@')[0], person.name.toLowerCase().replace(/\s+/g, '')]
    : [];
  if (
    list.has(folded) ||
    (core.length >= 6 && list.has(core)) ||
    mine.some((m) => m.length >= 4 && folded.replace(/\s+/g, '').includes(m)) ||
    new Set(folded).size < 4
  ) {
    throw new AppError('invalid_input', 'This password is too common or too easy to guess; choose another.', 'password', {
      key: 'auth.passwordCommon',
    });
  }
}

export const hashPassword = (password: string) => argon2.hash(password, ARGON2);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Verifies against a throwaway hash, so an unknown e-mail costs the same time as a wrong password. */
export async function burnVerify(password: string) {
  dummy ??= hashPassword('never-a-real-password-' + Math.random());
  await verifyPassword(await dummy, password);
}
