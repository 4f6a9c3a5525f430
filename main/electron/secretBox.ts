/**
 * The desktop app's SecretBox: Electron's safeStorage (macOS Keychain, Windows
 * DPAPI, Linux libsecret/KWallet). On Linux without a keyring safeStorage falls
 * back to a fixed, publicly known key ('basic_text'): that counts as no secret
 * storage, so the team token then stays in memory only.
 */
import { safeStorage } from 'electron';
import type { SecretBox } from '../services/teamClient/secretBox';

export const keychainSecretBox: SecretBox = {
  available: () =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
};
