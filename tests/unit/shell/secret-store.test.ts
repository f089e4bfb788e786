import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdentityService } from '../../../main/services/identities/identity-service.js';
import { createSecretStore, type SafeStorageLike } from '../../../main/shell/secret-store.js';
import { PASSPHRASE, openHarness } from '../submissions/harness.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

/**
 * A stand-in for Electron's safeStorage (no Electron binary runs here), with the async API's
 * shape: strings in, Buffers out, and `shouldReEncrypt` when data sealed with an older key
 * (after `rotate()`, as when the OS key store rotates its key) is opened.
 */
function standInSafeStorage(backend = 'gnome_libsecret') {
  let key = randomBytes(32);
  let oldKey: Buffer | undefined;
  const open = (k: Buffer, b: Buffer): string => {
    const d = createDecipheriv('aes-256-gcm', k, b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
  };
  const calls: string[] = [];
  const safeStorage: SafeStorageLike = {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptStringAsync: (plain: string) => {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Promise.resolve(Buffer.concat([iv, c.getAuthTag(), body]));
    },
    decryptStringAsync: (sealed: Buffer) => {
      calls.push('decrypt');
      try {
        return Promise.resolve({ result: open(key, sealed), shouldReEncrypt: false });
      } catch (error) {
        if (!oldKey) throw error;
        return Promise.resolve({ result: open(oldKey, sealed), shouldReEncrypt: true });
      }
    },
  };
  return {
    safeStorage,
    calls,
    rotate: () => {
      oldKey = key;
      key = randomBytes(32);
    },
  };
}

const noDialogs = { pickFiles: () => Promise.resolve([]), pickSavePath: () => Promise.resolve(undefined) };
const person = {
  name: 'Amina Diallo',
  title: 'Head of Office',
  organisation: 'Bali Process RSO',
  mechanism: 'bali_process',
  email: 'amina@example.org',
};

describe("the shell's secret store over safeStorage", () => {
  it('carries every byte value through safeStorage’s strings, and passes its re-encrypt flag on', async () => {
    const { safeStorage, rotate } = standInSafeStorage();
    const store = createSecretStore(safeStorage, 'linux');
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const sealed = await store.encrypt(bytes);
    expect(await store.decrypt(sealed)).toEqual({ plain: Buffer.from(bytes), shouldReEncrypt: false });
    rotate();
    expect(await store.decrypt(sealed)).toEqual({ plain: Buffer.from(bytes), shouldReEncrypt: true });
  });

  it('refuses to seal with basic_text (a fixed key), never storing in the clear', async () => {
    const { safeStorage } = standInSafeStorage('basic_text');
    const store = createSecretStore(safeStorage, 'linux');
    expect(await store.isRealBackend()).toBe(false);
    await expect(store.encrypt(new Uint8Array([1]))).rejects.toThrow('The system secret store is not available.');
  });

  it('a signing key sealed before a key rotation is sealed again on its next unlock, once, and still opens', async () => {
    const { safeStorage, rotate, calls } = standInSafeStorage();
    const h = openHarness(tempDir(), {
      hostCapabilities: { ...noDialogs, safeStorage: createSecretStore(safeStorage, 'linux') },
    });
    const service = createIdentityService(h.deps);
    const { identity } = await service.create({ ...person, passphrase: PASSPHRASE });
    const record = (): string =>
      h.db
        .prepare<[string], { encrypted_key_json: string }>('SELECT encrypted_key_json FROM identities WHERE id = ?')
        .get(identity.id)?.encrypted_key_json ?? '';
    const before = record();
    rotate();
    calls.length = 0;
    const key = await service.unlock(identity.id, PASSPHRASE);
    // Opened with the old key (flagged), sealed with the new one, the new sealing checked, then stored.
    expect(calls).toEqual(['decrypt', 'encrypt', 'decrypt']);
    expect(record()).not.toBe(before);
    calls.length = 0;
    expect(Buffer.from(await service.unlock(identity.id, PASSPHRASE)).equals(Buffer.from(key))).toBe(true);
    expect(calls).toEqual(['decrypt']);
    h.db.close();
  });
});
