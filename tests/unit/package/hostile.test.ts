import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../main/services/crypto/age.js';
import { makeSigner, tempDir } from './fixtures.js';
import {
  ATTACHMENT,
  ATTACHMENT_NAME,
  entryFor,
  locate,
  manifestParts,
  outcome,
  patchCentral,
  RESPONSES,
  rename,
  seal,
  validParts,
  zipParts,
  type Part,
} from './hostile-kit.js';
import fs from 'node:fs';
import path from 'node:path';

const signer = makeSigner();
const valid = (): Part[] => validParts(signer);

async function expectOutcome(zip: Buffer, code: string, reason?: string): Promise<void> {
  const result = await outcome(await seal(zip));
  expect(result).toEqual(reason === undefined ? { code, leftovers: 0 } : { code, reason, leftovers: 0 });
}

describe('hostile packages: each is refused with its own code, and nothing is left behind', () => {
  it('accepts the valid baseline the corpus is built from', async () => {
    expect(await outcome(await seal(await zipParts(valid())))).toEqual({ code: 'OK', leftovers: 0 });
  });

  describe('stage 1 and 2: size and decryption', () => {
    it('too large', async () => {
      const file = await seal(await zipParts(valid()));
      expect(await outcome(file, { maxPackageBytes: 100 })).toMatchObject({ code: 'TOO_LARGE' });
    });
    it('encrypted to another recipient', async () => {
      const other = await generateAgeIdentity();
      const file = await seal(await zipParts(valid()), other.recipient);
      expect(await outcome(file)).toEqual({ code: 'DECRYPT_FAILED', reason: 'not-for-this-identity', leftovers: 0 });
    });
    it('not an age file at all', async () => {
      const file = path.join(tempDir(), 'plain.iscm');
      fs.writeFileSync(file, await zipParts(valid()));
      expect(await outcome(file)).toEqual({ code: 'DECRYPT_FAILED', reason: 'not-age', leftovers: 0 });
    });
    it('a huge age header that never ends is refused without being buffered', async () => {
      const file = path.join(tempDir(), 'huge.iscm');
      fs.writeFileSync(
        file,
        Buffer.concat([Buffer.from('age-encryption.org/v1\n-> X25519 '), Buffer.alloc(5_000_000, 0x41)]),
      );
      expect(await outcome(file)).toEqual({ code: 'DECRYPT_FAILED', reason: 'damaged', leftovers: 0 });
    });
    it('the encrypted file truncated, or with junk appended', async () => {
      const sealed = fs.readFileSync(await seal(await zipParts(valid())));
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'cut.iscm'), sealed.subarray(0, sealed.length - 10));
      fs.writeFileSync(path.join(dir, 'junk.iscm'), Buffer.concat([sealed, Buffer.from('junk')]));
      expect(await outcome(path.join(dir, 'cut.iscm'))).toEqual({
        code: 'DECRYPT_FAILED',
        reason: 'damaged',
        leftovers: 0,
      });
      expect(await outcome(path.join(dir, 'junk.iscm'))).toEqual({
        code: 'DECRYPT_FAILED',
        reason: 'damaged',
        leftovers: 0,
      });
    });
  });

  describe('stage 3: the ZIP, judged before inflating', () => {
    it('truncated ZIP', async () => {
      const zip = await zipParts(valid());
      await expectOutcome(zip.subarray(0, zip.length - 30), 'ZIP_CORRUPT');
    });
    it('junk appended to the ZIP', async () => {
      await expectOutcome(Buffer.concat([await zipParts(valid()), Buffer.from('trailing junk')]), 'ZIP_CORRUPT');
    });
    it('garbage instead of a ZIP', async () => {
      await expectOutcome(Buffer.from('this is not a zip file at all, not even close'), 'ZIP_CORRUPT');
    });
    const named = async (name: string, placeholder: string): Promise<Buffer> =>
      rename(await zipParts([...valid(), { name: placeholder, data: Buffer.from('x') }]), placeholder, name);
    it('zip-slip name', async () =>
      await expectOutcome(await named('../evil.txt', 'aa/evil.txt'), 'ZIP_UNSAFE', 'parent-path'));
    it('absolute path', async () =>
      await expectOutcome(await named('/etc/passwd', 'xetc/passwd'), 'ZIP_UNSAFE', 'absolute-path'));
    it('backslash', async () => await expectOutcome(await named('a\\b.txt', 'a_b.txt'), 'ZIP_UNSAFE', 'backslash'));
    it('NUL in a name', async () =>
      await expectOutcome(await named('a\u0000b.txt', 'a_b.txt'), 'ZIP_UNSAFE', 'control-character'));
    it('duplicate names', async () => {
      await expectOutcome(
        await zipParts([...valid(), { name: 'responses.json', data: RESPONSES }]),
        'ZIP_UNSAFE',
        'duplicate-name',
      );
    });
    it('case twins', async () => {
      await expectOutcome(
        await zipParts([...valid(), { name: 'RESPONSES.json', data: RESPONSES }]),
        'ZIP_UNSAFE',
        'case-twin',
      );
    });
    it('Unicode normalisation twins', async () => {
      const parts = [
        ...valid(),
        { name: 'caf\u00e9.txt', data: Buffer.from('1') },
        { name: 'cafe\u0301.txt', data: Buffer.from('2') },
      ];
      await expectOutcome(await zipParts(parts), 'ZIP_UNSAFE', 'normalisation-twin');
    });
    it('zip bomb (compression ratio)', async () => {
      await expectOutcome(
        await zipParts([...valid(), { name: 'bomb.bin', data: Buffer.alloc(20_000_000) }]),
        'ZIP_UNSAFE',
        'compression-ratio',
      );
    });
    it('total uncompressed size above the limit', async () => {
      const file = await seal(await zipParts(valid()));
      expect(await outcome(file, { maxTotalUncompressedBytes: 100 })).toEqual({
        code: 'ZIP_UNSAFE',
        reason: 'too-large',
        leftovers: 0,
      });
    });
    it('too many entries', async () => {
      const file = await seal(await zipParts(valid()));
      expect(await outcome(file, { maxEntries: 3 })).toEqual({
        code: 'ZIP_UNSAFE',
        reason: 'too-many-entries',
        leftovers: 0,
      });
    });
    it('symbolic link entry', async () => {
      const parts = [...valid(), { name: 'attachments/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }];
      await expectOutcome(await zipParts(parts), 'ZIP_UNSAFE', 'link');
    });
    it('folder entry', async () => {
      await expectOutcome(await zipParts(valid(), ['attachments/']), 'ZIP_UNSAFE', 'directory');
    });
    it('overlapping entries', async () => {
      const zip = await zipParts(valid());
      await expectOutcome(
        patchCentral(zip, ATTACHMENT_NAME, 42, locate(zip, 'responses.json').local),
        'ZIP_UNSAFE',
        'overlapping-entries',
      );
    });
    it('local header naming another file', async () => {
      const zip = await zipParts([...valid(), { name: 'a.txt', data: Buffer.from('1') }]);
      await expectOutcome(rename(zip, 'a.txt', 'b.txt', 'local'), 'ZIP_UNSAFE', 'local-header-mismatch');
    });
  });

  describe('stage 4: the manifest', () => {
    const withManifest = (options: Parameters<typeof manifestParts>[1]): Part[] => [
      ...manifestParts(signer, options),
      { name: 'responses.json', data: RESPONSES },
      { name: ATTACHMENT_NAME, data: ATTACHMENT },
    ];
    it('no manifest', async () => {
      await expectOutcome(await zipParts(valid().filter((p) => p.name !== 'manifest.json')), 'MANIFEST_INVALID');
    });
    it('a __proto__ key', async () => {
      const parts = withManifest({
        editText: (t) => t.replace('{\n', '{\n  "__proto__": {\n    "polluted": true\n  },\n'),
      });
      await expectOutcome(await zipParts(parts), 'MANIFEST_INVALID');
    });
    it('deep nesting', async () => {
      const parts = withManifest({
        editText: (t) => t.replace('"name": "ISCM Assessment"', `"name": ${'['.repeat(5000)}${']'.repeat(5000)}`),
      });
      await expectOutcome(await zipParts(parts), 'MANIFEST_INVALID');
    });
    it('a future format version', async () => {
      const parts = withManifest({ editText: (t) => t.replace('"formatVersion": 2', '"formatVersion": 3') });
      await expectOutcome(await zipParts(parts), 'FORMAT_UNSUPPORTED');
    });
    it('manifest bytes that are not canonical', async () => {
      const parts = withManifest({ editText: (t) => t.replace(/\n {2}/g, '\n\t') });
      await expectOutcome(await zipParts(parts), 'MANIFEST_INVALID');
    });
    it('an unknown field', async () => {
      const parts = withManifest({ editText: (t) => t.replace('"finalizedAt"', '"extra": 1,\n  "finalizedAt"') });
      await expectOutcome(await zipParts(parts), 'MANIFEST_INVALID');
    });
  });

  describe('stage 5: entries against the manifest', () => {
    it('an entry the manifest does not list', async () => {
      await expectOutcome(
        await zipParts([...valid(), { name: 'notes.txt', data: Buffer.from('hi') }]),
        'ENTRY_UNEXPECTED',
      );
    });
    it('a listed entry that is missing', async () => {
      await expectOutcome(await zipParts(valid().filter((p) => p.name !== ATTACHMENT_NAME)), 'ENTRY_MISSING');
    });
    it('the signature file missing', async () => {
      await expectOutcome(await zipParts(valid().filter((p) => p.name !== 'manifest.json.sig')), 'ENTRY_MISSING');
    });
    it('content that differs from its hash', async () => {
      const parts = valid().map((p) =>
        p.name === ATTACHMENT_NAME ? { ...p, data: Buffer.from('%PDF-1.4 a small attachmenT\n') } : p,
      );
      await expectOutcome(await zipParts(parts), 'ENTRY_MISMATCH');
    });
    const lyingSize = async (declared: number): Promise<Buffer> => {
      const entries = [entryFor('responses.json', RESPONSES, declared), entryFor(ATTACHMENT_NAME, ATTACHMENT)];
      const parts = [
        ...manifestParts(signer, { entries }),
        { name: 'responses.json', data: RESPONSES },
        { name: ATTACHMENT_NAME, data: ATTACHMENT },
      ];
      return patchCentral(await zipParts(parts), 'responses.json', 24, declared);
    };
    it('declared size too small (inflates to more)', async () =>
      await expectOutcome(await lyingSize(RESPONSES.length - 1), 'ENTRY_MISMATCH'));
    it('declared size too large (inflates to less)', async () =>
      await expectOutcome(await lyingSize(RESPONSES.length + 1), 'ENTRY_MISMATCH'));
    it('a CRC-32 that does not match', async () => {
      const zip = await zipParts(valid());
      await expectOutcome(patchCentral(zip, ATTACHMENT_NAME, 16, 12345), 'ENTRY_MISMATCH');
    });
    it('ZIP size that differs from the manifest', async () => {
      const zip = await zipParts(valid());
      await expectOutcome(patchCentral(zip, ATTACHMENT_NAME, 24, ATTACHMENT.length + 5), 'ENTRY_MISMATCH');
    });
  });

  describe('stage 6: the signature', () => {
    it('signed by another key', async () => {
      await expectOutcome(
        await zipParts(validParts(signer, { signWith: makeSigner('intruder') })),
        'SIGNATURE_INVALID',
      );
    });
    it('signed for another namespace', async () => {
      await expectOutcome(await zipParts(validParts(signer, { namespace: 'file' })), 'SIGNATURE_INVALID');
    });
    it('a manifest changed after signing', async () => {
      const parts = valid();
      const sig = parts.find((p) => p.name === 'manifest.json.sig');
      const changed = validParts(signer, { editText: (t) => t.replace('"revision": 1', '"revision": 1 ') });
      const edited = changed.map((p) => (p.name === 'manifest.json.sig' && sig ? sig : p));
      await expectOutcome(await zipParts(edited), 'MANIFEST_INVALID');
      const resigned = validParts(signer, {
        editText: (t) => t.replace('Regional Conference', 'Regional Konference'),
      }).map((p) => (p.name === 'manifest.json.sig' && sig ? sig : p));
      await expectOutcome(await zipParts(resigned), 'SIGNATURE_INVALID');
    });
  });

  it('answers that are not JSON, though signed', async () => {
    const bad = Buffer.from('{ not json');
    const entries = [entryFor('responses.json', bad), entryFor(ATTACHMENT_NAME, ATTACHMENT)];
    const parts = [
      ...manifestParts(signer, { entries }),
      { name: 'responses.json', data: bad },
      { name: ATTACHMENT_NAME, data: ATTACHMENT },
    ];
    await expectOutcome(await zipParts(parts), 'RESPONSES_INVALID');
  });
});
