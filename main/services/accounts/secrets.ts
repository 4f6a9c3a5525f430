/** Random secrets (session tokens, invitation and set-up codes) and the SHA-256 digests that are all the database keeps of them. */
import crypto from 'node:crypto';

/** 32 random bytes, base64url (43 characters): 256 bits, unguessable. */
export const newSecret = () => crypto.randomBytes(32).toString('base64url');

export const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

/** A secret as it arrives from a cookie, header or link: bounded, base64url only (anything else cannot be ours). */
export const wellFormedSecret = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9_-]{43}$/.test(s);
