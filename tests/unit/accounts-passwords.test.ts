import { describe, expect, it } from 'vitest';
import { checkPasswordRules, hashPassword, verifyPassword } from '../../main/services/accounts';
import { commonPasswords } from '../../main/services/accounts/passwords';

const rule = (pw: string, person?: { email: string; name: string }) => {
  try {
    checkPasswordRules(pw, person);
    return null;
  } catch (e) {
    return (e as { localized?: { key: string } }).localized?.key ?? 'threw';
  }
};

describe('password rules', () => {
  it('needs 12 characters (counted as characters, not bytes)', () => {
    expect(rule('Tr0ub4dor&3')).toBe('auth.passwordTooShort');
    expect(rule('Tr0ub4dor&3x')).toBeNull();
    expect(rule('длинныйпарол')).toBeNull();
    expect(rule('长长长长长长长长长长长')).toBe('auth.passwordTooShort');
  });

  it('refuses listed common passwords in any case, padded with digits, or built from the person', () => {
    expect(commonPasswords().size).toBeGreaterThan(5000);
    expect(commonPasswords().has('1qaz2wsx3edc')).toBe(true);
    expect(rule('1QAZ2WSX3EDC')).toBe('auth.passwordCommon');
    expect(rule('password1234567')).toBe('auth.passwordCommon');
    expect(rule('aaaaaaaaaaaaaaaa')).toBe('auth.passwordCommon');
    expect(rule('anna.petrova-2026', { email: 'anna.petrova@example.com', name: 'Anna Petrova' })).toBe('auth.passwordCommon');
    expect(rule('violet tram seventeen', { email: 'anna.petrova@example.com', name: 'Anna Petrova' })).toBeNull();
  });

  it('never puts the password into the error message', () => {
    try {
      checkPasswordRules('qwertyuiop123');
    } catch (e) {
      expect((e as Error).message).not.toContain('qwertyuiop');
    }
  });
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and a random salt; verifies only the right password', async () => {
    const a = await hashPassword('violet tram seventeen');
    const b = await hashPassword('violet tram seventeen');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('violet');
    expect(await verifyPassword(a, 'violet tram seventeen')).toBe(true);
    expect(await verifyPassword(a, 'violet tram seventeeN')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
