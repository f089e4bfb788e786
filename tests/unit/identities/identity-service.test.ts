import { execFileSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKeyCard } from '../../../core/identity/card.js';
import { parseKeyCard as importParseKeyCard } from '../../../main/services/import/key-card.js';
import type { SecretStore } from '../../../main/services/host.js';
import { BASIC_TEXT_WARNING, createIdentityService } from '../../../main/services/identities/identity-service.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { PASSPHRASE, expectAppError, openHarness } from '../submissions/harness.js';

const tempDir = useTempDirs();

const person = {
  name: 'Amina Diallo',
  title: 'Head of Office',
  organisation: 'Bali Process RSO',
  mechanism: 'bali_process',
  email: 'amina@example.org',
};

/** Every row of every table: to prove that a refused call wrote nothing. */
function snapshot(db: ReturnType<typeof openHarness>['db']): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all();
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t.name}"`).all()));
}

/**
 * A stand-in for Electron's safeStorage (which cannot run here), doing real AES-GCM. Like the
 * real one after a key rotation, it can hold an old key it still decrypts with (and then says
 * `shouldReEncrypt`) beside the current one it encrypts with.
 */
function secretStore(real: boolean): SecretStore & { sealed: number; rotate: () => void } {
  let key = randomBytes(32);
  let oldKey: Buffer | undefined;
  const open = (k: Buffer, b: Buffer): Buffer => {
    const d = createDecipheriv('aes-256-gcm', k, b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]);
  };
  const store = {
    sealed: 0,
    rotate: () => {
      oldKey = key;
      key = randomBytes(32);
    },
    isRealBackend: () => Promise.resolve(real),
    encrypt: (plain: Uint8Array) => {
      store.sealed++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Promise.resolve(new Uint8Array(Buffer.concat([iv, c.getAuthTag(), body])));
    },
    decrypt: (sealed: Uint8Array) => {
      const b = Buffer.from(sealed);
      try {
        return Promise.resolve({ plain: new Uint8Array(open(key, b)), shouldReEncrypt: false });
      } catch (error) {
        if (!oldKey) throw error;
        return Promise.resolve({ plain: new Uint8Array(open(oldKey, b)), shouldReEncrypt: true });
      }
    },
  };
  return store;
}

const noDialogs = { pickFiles: () => Promise.resolve([]), pickSavePath: () => Promise.resolve(undefined) };

describe('signing identities', () => {
  it('shows the OpenSSH line and the fingerprint exactly as ssh-keygen -lf prints it', async () => {
    const h = openHarness(tempDir());
    const { identity, warning } = await createIdentityService(h.deps).create({ ...person, passphrase: PASSPHRASE });
    expect(warning).toBeNull();
    expect(identity.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+ Amina Diallo$/);
    const keyFile = path.join(h.dataDir, 'key.pub');
    fs.writeFileSync(keyFile, `${identity.publicKey}\n`);
    const printed = execFileSync('ssh-keygen', ['-lf', keyFile], { encoding: 'utf8' }).trim();
    expect(printed).toBe(`256 ${identity.fingerprint} Amina Diallo (ED25519)`);
    expect(identity.protection).toBe('passphrase');
    h.db.close();
  });

  it('keeps several identities, and the private key never in the clear in the database', async () => {
    const h = openHarness(tempDir());
    const service = createIdentityService(h.deps);
    const a = await service.create({ ...person, passphrase: PASSPHRASE });
    const b = await service.create({
      ...person,
      name: 'José Martínez',
      mechanism: null,
      passphrase: 'another long passphrase',
    });
    expect(service.list().map((i) => i.name)).toEqual(['Amina Diallo', 'José Martínez']);
    expect(a.identity.fingerprint).not.toBe(b.identity.fingerprint);
    const key = await service.unlock(a.identity.id, PASSPHRASE);
    const rawPrivate = Buffer.from(key).subarray(-32); // PKCS#8 of Ed25519 ends with the 32-byte seed
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(h.dataDir).filter((f) => f.startsWith('iscm.db'));
    for (const f of files) expect(fs.readFileSync(path.join(h.dataDir, f)).includes(rawPrivate)).toBe(false);
    const record = JSON.parse(
      h.db.prepare<[], { encrypted_key_json: string }>('SELECT encrypted_key_json FROM identities LIMIT 1').get()
        ?.encrypted_key_json ?? '{}',
    ) as Record<string, unknown>;
    expect(record).toMatchObject({ kdf: 'scrypt', cipher: 'aes-256-gcm', N: 2 ** 14, r: 8, p: 1, outerWrap: 'none' });
    h.db.close();
  });

  it('refuses a wrong passphrase clearly, writes nothing, and does not lock the key', async () => {
    const h = openHarness(tempDir());
    const service = createIdentityService(h.deps);
    const { identity } = await service.create({ ...person, passphrase: PASSPHRASE });
    const before = snapshot(h.db);
    for (let i = 0; i < 5; i++) await expectAppError(service.unlock(identity.id, `wrong ${i}`), 'WRONG_PASSPHRASE');
    expect(snapshot(h.db)).toBe(before);
    const key = await service.unlock(identity.id, PASSPHRASE);
    expect(key.length).toBe(48);
    h.db.close();
  });

  it('wraps the key with the OS store when it is real, and warns (without trusting it) when it is basic_text', async () => {
    const real = secretStore(true);
    const h = openHarness(tempDir(), {
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: () => Promise.resolve(undefined),
        safeStorage: real,
      },
    });
    const service = createIdentityService(h.deps);
    const wrapped = await service.create({ ...person, passphrase: PASSPHRASE });
    expect(wrapped.identity.protection).toBe('passphrase+os');
    expect(real.sealed).toBe(1);
    expect((await service.unlock(wrapped.identity.id, PASSPHRASE)).length).toBe(48);
    await expectAppError(service.unlock(wrapped.identity.id, 'not it at all'), 'WRONG_PASSPHRASE');
    // Another OS store (another machine or account) cannot open it: said plainly, not as a wrong passphrase.
    const elsewhere = createIdentityService({
      ...h.deps,
      hostCapabilities: { ...noDialogs, safeStorage: secretStore(true) },
    });
    await expectAppError(elsewhere.unlock(wrapped.identity.id, PASSPHRASE), 'NOT_SUPPORTED');
    h.db.close();

    const fake = secretStore(false);
    const h2 = openHarness(tempDir(), {
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: () => Promise.resolve(undefined),
        safeStorage: fake,
      },
    });
    const plain = await createIdentityService(h2.deps).create({ ...person, passphrase: PASSPHRASE });
    expect(plain.warning).toBe(BASIC_TEXT_WARNING);
    expect(plain.identity.protection).toBe('passphrase');
    expect(fake.sealed).toBe(0);
    h2.db.close();
  });

  it('seals the key again when the OS store asks to (shouldReEncrypt after a key rotation), and only after a right passphrase', async () => {
    const store = secretStore(true);
    const h = openHarness(tempDir(), { hostCapabilities: { ...noDialogs, safeStorage: store } });
    const service = createIdentityService(h.deps);
    const { identity } = await service.create({ ...person, passphrase: PASSPHRASE });
    const sealedRecord = (): string =>
      h.db.prepare<[string], { encrypted_key_json: string }>('SELECT encrypted_key_json FROM identities WHERE id = ?').get(identity.id)?.encrypted_key_json ?? '';
    const before = sealedRecord();
    store.rotate();
    // A wrong passphrase never rewrites the record, even when the store asks.
    await expectAppError(service.unlock(identity.id, 'not the passphrase'), 'WRONG_PASSPHRASE');
    expect(sealedRecord()).toBe(before);
    expect(store.sealed).toBe(1);

    const key = await service.unlock(identity.id, PASSPHRASE);
    expect(key.length).toBe(48);
    const after = sealedRecord();
    expect(after).not.toBe(before);
    expect(store.sealed).toBe(2);
    // Only the outer sealing changed: same scrypt salt, nonce and tag, the same key inside.
    const [was, now] = [JSON.parse(before) as Record<string, unknown>, JSON.parse(after) as Record<string, unknown>];
    expect({ ...now, ciphertext: '' }).toEqual({ ...was, ciphertext: '' });
    // The new sealing opens with the new key alone: the next unlock does not ask again.
    const third = await service.unlock(identity.id, PASSPHRASE);
    expect(Buffer.from(third).equals(Buffer.from(key))).toBe(true);
    expect(sealedRecord()).toBe(after);
    expect(store.sealed).toBe(2);
    h.db.close();
  });

  it('exports a public key card that both card parsers read back, never replacing an earlier file', async () => {
    const h = openHarness(tempDir());
    const service = createIdentityService(h.deps);
    const { identity } = await service.create({ ...person, passphrase: PASSPHRASE });
    const first = await service.exportCard(identity.id);
    const second = await service.exportCard(identity.id);
    expect(path.dirname(first.path)).toBe(path.join(h.dataDir, 'exports'));
    expect(path.basename(first.path)).toBe('bali_process-Amina-Diallo-key-card.txt');
    expect(path.basename(second.path)).toBe('bali_process-Amina-Diallo-key-card (2).txt');
    const text = fs.readFileSync(first.path, 'utf8');
    expect(text).toBe(first.text);
    expect(text).not.toMatch(/PRIVATE|scrypt/);
    const mine = parseKeyCard(text);
    expect(mine).toEqual({
      ok: true,
      card: { ...person, publicKey: identity.publicKey, fingerprint: identity.fingerprint },
    });
    const theirs = importParseKeyCard(text);
    expect(theirs).toEqual({
      name: 'Amina Diallo',
      title: person.title,
      organisation: person.organisation,
      email: person.email,
      mechanism: 'bali_process',
      publicKey: identity.publicKey,
      fingerprint: identity.fingerprint,
    });
    h.db.close();
  });

  it('saves the card where the save dialog says, and writes nothing when the dialog is cancelled', async () => {
    const dir = tempDir();
    let answer: string | undefined = path.join(dir, 'picked-card.txt');
    const h = openHarness(dir, {
      hostCapabilities: { pickFiles: () => Promise.resolve([]), pickSavePath: () => Promise.resolve(answer) },
    });
    const service = createIdentityService(h.deps);
    const { identity } = await service.create({ ...person, passphrase: PASSPHRASE });
    expect((await service.exportCard(identity.id)).path).toBe(path.join(dir, 'picked-card.txt'));
    answer = undefined;
    await expectAppError(service.exportCard(identity.id), 'CANCELLED');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.tmp'))).toEqual(['picked-card.txt']);
    h.db.close();
  });
});
