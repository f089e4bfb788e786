import type { SafeStorage } from 'electron';
import type { SecretStore } from '../services/host.js';
import { secretStoreIsReal } from './secret-store-policy.js';

/** What the secret store uses of Electron's safeStorage (tests pass a stand-in). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'
>;

/**
 * The OS secret store behind `SecretStore`. safeStorage seals strings; bytes travel as base64
 * so any byte survives. Its asynchronous API says when data should be sealed again (a rotated
 * or better key): that flag is passed on, and the identity service stores the new sealing.
 */
export function createSecretStore(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  // Linux falls back to a fixed key (`basic_text`) when no keyring runs: that is not encryption.
  const isRealBackend = async (): Promise<boolean> => {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
    return secretStoreIsReal(available, platform, backend);
  };
  return {
    isRealBackend,
    encrypt: async (plain) => {
      if (!(await isRealBackend())) throw new Error('The system secret store is not available.');
      return safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64'));
    },
    decrypt: async (sealed) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return { plain: Buffer.from(result, 'base64'), shouldReEncrypt };
    },
  };
}
