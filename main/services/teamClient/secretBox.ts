/**
 * Where the desktop client keeps its bearer token. The host injects a
 * SecretBox: the Electron shell one backed by the operating system's keychain
 * (safeStorage: Keychain, DPAPI, libsecret/KWallet). Without one — the browser
 * host, plain Node, or an OS whose keychain is missing — the token is kept in
 * memory only and never written to disk: a restart asks to sign in again,
 * which is safer than a key file sitting next to the ciphertext it unlocks.
 */

export interface SecretBox {
  /** false: nothing may be encrypted with it (the token then stays in memory only) */
  available(): boolean;
  encrypt(plain: string): Buffer;
  /** throws when the ciphertext was made with another key (e.g. the OS keychain changed) */
  decrypt(sealed: Buffer): string;
}

/** The plain-Node default: no persistent secret storage. */
export const memoryOnly: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('No secret storage on this host: the token is kept in memory only.');
  },
  decrypt: () => {
    throw new Error('No secret storage on this host.');
  },
};
