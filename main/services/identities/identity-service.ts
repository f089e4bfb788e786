import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/contract/errors.js';
import type { Identity } from '../../../core/contract/channels/identities.js';
import { serializeKeyCard } from '../../../core/identity/card.js';
import { identitiesRepo, type IdentityRow } from '../../../db/repos/identities.js';
import { isoNow } from '../clock.js';
import { decryptPrivateKey, encryptPrivateKey, encryptedPrivateKeySchema, type ByteTransform } from '../crypto/private-key-store.js';
import { generateSigningKeyPair, publicKeyLineFromPrivate, parsePublicKeyLine } from '../crypto/ssh-key.js';
import type { SigningDeps } from './deps.js';
import { chooseOutputPath, safeFileName } from './file-output.js';
import { writeFileAtomic } from '../atomic-file.js';

export interface NewIdentity {
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly mechanism: string | null;
  readonly email: string;
  readonly passphrase: string;
}

export const BASIC_TEXT_WARNING =
  'This computer has no working system key store (only "basic_text", which does not really encrypt). ' +
  'Your signing key is protected by your passphrase alone: choose a strong one and keep it secret.';

export function toIdentity(row: IdentityRow): Identity {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    organisation: row.organisation,
    mechanism: row.mechanism,
    email: row.email,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    protection: row.os_protection === 'safe_storage' ? 'passphrase+os' : 'passphrase',
    createdAt: row.created_at,
  };
}

function cardOf(row: IdentityRow): string {
  return serializeKeyCard({
    name: row.name,
    title: row.title,
    organisation: row.organisation,
    mechanism: row.mechanism ?? '',
    email: row.email,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
  });
}

/** Signing identities. The private key is generated, sealed and opened here, in main, only. */
export function createIdentityService(deps: SigningDeps) {
  const repo = identitiesRepo(deps.db);
  const store = deps.hostCapabilities?.safeStorage;

  const require = (id: string): IdentityRow => {
    const row = repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This signing identity does not exist.');
    return row;
  };

  /** The OS wrap when the store really encrypts; a warning when it is only `basic_text`. */
  async function osWrap(): Promise<{ wrap?: ByteTransform; warning: string | null }> {
    if (!store) return { warning: null };
    if (await store.isRealBackend()) return { wrap: (bytes) => store.encrypt(bytes), warning: null };
    return { warning: BASIC_TEXT_WARNING };
  }

  /** The OS store's half; its failure is told apart from a wrong passphrase. */
  async function osUnwrap(sealed: Uint8Array): Promise<{ readonly plain: Uint8Array; readonly shouldReEncrypt: boolean }> {
    try {
      if (!store) throw new Error('no store');
      return await store.decrypt(sealed);
    } catch {
      throw new AppError(
        'NOT_SUPPORTED',
        'The system key store could not open this signing key (is the keyring unlocked, on the same user account?).',
      );
    }
  }

  /**
   * The OS store asked for its sealing to be renewed (a rotated or better key): seal the same
   * AES output again and store it in place of the old, but only after checking that the new
   * sealing opens to the same bytes. On any failure the old record stays, which still opens.
   */
  async function reseal(row: IdentityRow, aesOutput: Uint8Array): Promise<void> {
    if (!store) return;
    try {
      const sealed = await store.encrypt(aesOutput);
      const check = await store.decrypt(sealed);
      if (!Buffer.from(check.plain).equals(Buffer.from(aesOutput))) return;
      const record = encryptedPrivateKeySchema.parse(JSON.parse(row.encrypted_key_json));
      repo.updateSealedKey(row.id, row.encrypted_key_json, JSON.stringify({ ...record, ciphertext: Buffer.from(sealed).toString('base64') }));
    } catch {
      // Kept as it was: still readable by the store, which will ask again next time.
    }
  }

  return {
    list: (): Identity[] => repo.list().map(toIdentity),
    get: (id: string): Identity => toIdentity(require(id)),

    async create(input: NewIdentity): Promise<{ identity: Identity; warning: string | null }> {
      const pair = generateSigningKeyPair(input.name);
      try {
        const { wrap, warning } = await osWrap();
        const record = await encryptPrivateKey(pair.privateKeyPkcs8, input.passphrase, {
          ...(deps.scrypt ? { scrypt: deps.scrypt } : {}),
          ...(wrap ? { wrap } : {}),
        });
        const row: IdentityRow = {
          id: randomUUID(),
          name: input.name,
          title: input.title,
          organisation: input.organisation,
          mechanism: input.mechanism,
          email: input.email,
          public_key: pair.publicKey,
          fingerprint: pair.fingerprint,
          encrypted_key_json: JSON.stringify(record),
          os_protection: wrap ? 'safe_storage' : 'none',
          created_at: isoNow(deps.clock),
        };
        repo.insert(row);
        return { identity: toIdentity(row), warning };
      } finally {
        pair.privateKeyPkcs8.fill(0);
      }
    },

    /**
     * The PKCS#8 private key, for signing right away; the caller zeroes it after use.
     * A wrong passphrase is WRONG_PASSPHRASE and changes nothing (no counter, no lockout).
     */
    async unlock(id: string, passphrase: string): Promise<Uint8Array> {
      const row = require(id);
      const record: unknown = JSON.parse(row.encrypted_key_json);
      let resealWith: Uint8Array | undefined;
      const unwrap = async (sealed: Uint8Array): Promise<Uint8Array> => {
        const opened = await osUnwrap(sealed);
        if (opened.shouldReEncrypt) resealWith = opened.plain;
        return opened.plain;
      };
      const key = await decryptPrivateKey(record, passphrase, store ? { unwrap } : {});
      const derived = parsePublicKeyLine(publicKeyLineFromPrivate(key, '')).blob;
      if (!derived.equals(parsePublicKeyLine(row.public_key).blob)) {
        key.fill(0);
        throw new AppError('INTERNAL', 'The stored signing key does not match its public key.');
      }
      // Only once the whole key opened (right passphrase, right key): never reseal something unchecked.
      if (resealWith) await reseal(row, resealWith);
      return key;
    },

    cardText: (id: string): string => cardOf(require(id)),

    async exportCard(id: string): Promise<{ path: string; text: string }> {
      const row = require(id);
      const text = cardOf(row);
      const target = await chooseOutputPath(deps, {
        title: 'Save the public key card',
        // Named like the packages (`<mechanism>-…`), so the card sorts beside what it verifies.
        defaultName: `${row.mechanism ? `${safeFileName(row.mechanism)}-` : ''}${safeFileName(row.name)}-key-card.txt`,
        filter: { name: 'Public key card', extensions: ['txt'] },
      });
      await writeFileAtomic(target, text);
      deps.savedFiles?.record(target, 'key-card', text);
      return { path: target, text };
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
