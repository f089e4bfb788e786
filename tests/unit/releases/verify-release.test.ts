import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReleaseRefusal, type ReleaseRefusalCode } from '../../../core/release/refusals.js';
import { verifyRelease } from '../../../main/services/releases/verify-release.js';
import { zipRelease } from '../../../main/services/releases/write-release.js';
import { makeUncheckedRelease } from '../../helpers/releases.js';
import { processTempDir } from '../../helpers/temp-dir.js';
import { makePackage, makeSigner } from '../import/package-kit.js';
import { NEW_RECIPIENT, NEXT, OTHER_PUBLISHER, PUBLISHERS, release, resigned, rezip, SOURCE } from './release-kit.js';

const valid = await release(NEXT.json, [
  { age: NEW_RECIPIENT, label: { en: 'IOM', fr: 'OIM', es: 'OIM', ar: 'المنظمة' } },
]);
const questionnaire = Buffer.from(`${JSON.stringify(NEXT.json, null, 2)}\n`);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function refusalOf(bytes: Buffer): Promise<{ code: ReleaseRefusalCode; detail: string }> {
  try {
    await verifyRelease(bytes, PUBLISHERS);
  } catch (error) {
    if (error instanceof ReleaseRefusal) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('the release was accepted');
}

describe('verifyRelease: every check, in order, each refusal with its own code', () => {
  it('accepts a release signed by a trusted publisher, and says who signed it', async () => {
    const verified = await verifyRelease(valid.bytes, PUBLISHERS);
    expect(verified.manifest.questionnaire).toMatchObject({
      id: SOURCE.id,
      version: NEXT.version,
      size: questionnaire.length,
      sha256: sha(questionnaire),
    });
    expect(verified.publisher).toMatchObject({ principal: 'iscm-development-publisher', development: true });
    expect(verified.development).toBe(false);
    expect(verified.loaded.questions.has(NEXT.added)).toBe(true);
  });

  const cases: [string, () => Promise<Buffer>, ReleaseRefusalCode, RegExp][] = [
    [
      'a tampered definition',
      () =>
        rezip({
          manifest: valid.manifestBytes,
          signature: valid.signature,
          questionnaire: Buffer.from(questionnaire.toString().replace('New question', 'Changed question')),
        }),
      'RELEASE_SIGNATURE_INVALID',
      /not the file that was signed/,
    ],
    [
      'a tampered manifest',
      () =>
        rezip({
          manifest: Buffer.from(
            Buffer.from(valid.manifestBytes)
              .toString()
              .replace(NEW_RECIPIENT, 'age15jm5x0cd3z9xhxu3g63ttvt5pgq9z6veyuj2g85sev8t595lw93sctvwqs'),
          ),
          signature: valid.signature,
          questionnaire,
        }),
      'RELEASE_SIGNATURE_INVALID',
      /BAD_SIGNATURE/,
    ],
    [
      'another publisher',
      () => rezip({ ...resigned(valid.manifest, { key: OTHER_PUBLISHER.privateKeyPkcs8 }), questionnaire }),
      'RELEASE_PUBLISHER_UNKNOWN',
      new RegExp(OTHER_PUBLISHER.fingerprint.replace(/[+/]/g, '.')),
    ],
    [
      'the wrong namespace',
      () => rezip({ ...resigned(valid.manifest, { namespace: 'iscm-submission' }), questionnaire }),
      'RELEASE_SIGNATURE_INVALID',
      /NAMESPACE_MISMATCH/,
    ],
    [
      'no signature',
      () => rezip({ manifest: valid.manifestBytes, questionnaire }),
      'RELEASE_SIGNATURE_INVALID',
      /no release.json.sig/,
    ],
    [
      'a signature that is not one',
      () => rezip({ manifest: valid.manifestBytes, signature: 'hello', questionnaire }),
      'RELEASE_SIGNATURE_INVALID',
      /MALFORMED/,
    ],
    ['random bytes', () => Promise.resolve(randomBytes(5000)), 'RELEASE_NOT_A_RELEASE', /ZIP_CORRUPT/],
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), 'RELEASE_NOT_A_RELEASE', /ZIP_CORRUPT/],
    [
      'an extra entry',
      () =>
        rezip({
          manifest: valid.manifestBytes,
          signature: valid.signature,
          questionnaire,
          extra: [['readme.txt', Buffer.from('hi')]],
        }),
      'RELEASE_NOT_A_RELEASE',
      /unexpected entry|too-many-entries/,
    ],
    [
      'no questionnaire',
      () =>
        zipRelease(
          [
            ['release.json', Buffer.from(valid.manifestBytes)],
            ['release.json.sig', Buffer.from(valid.signature)],
          ],
          '2026-11-27T12:00:00Z',
        ),
      'RELEASE_NOT_A_RELEASE',
      /no questionnaire.json/,
    ],
    [
      'a manifest not in canonical form',
      () => rezip({ manifest: Buffer.from(JSON.stringify(valid.manifest)), signature: valid.signature, questionnaire }),
      'RELEASE_NOT_A_RELEASE',
      /canonical/,
    ],
    [
      'a newer format',
      () => rezip({ ...resigned({ ...valid.manifest, formatVersion: 2 }), questionnaire }),
      'RELEASE_FORMAT_UNSUPPORTED',
      /format version 2/,
    ],
    [
      'an unknown key in the manifest',
      () => rezip({ ...resigned({ ...valid.manifest, extra: true }), questionnaire }),
      'RELEASE_NOT_A_RELEASE',
      /release.json/,
    ],
    [
      'a questionnaire that does not load',
      async () =>
        (await makeUncheckedRelease({ ...NEXT.json, sections: [] }, { id: SOURCE.id as string, version: NEXT.version }))
          .bytes,
      'RELEASE_QUESTIONNAIRE_INVALID',
      /error/,
    ],
    [
      'a manifest naming another version than the questionnaire',
      async () => (await makeUncheckedRelease(NEXT.json, { id: SOURCE.id as string, version: '7.7.7' })).bytes,
      'RELEASE_QUESTIONNAIRE_INVALID',
      /7\.7\.7/,
    ],
    [
      'a questionnaire over the limit',
      () =>
        rezip({
          ...resigned({ ...valid.manifest, questionnaire: { ...valid.manifest.questionnaire, size: 5 * 2 ** 20 } }),
          questionnaire: Buffer.alloc(5 * 2 ** 20, 0x20),
        }),
      'RELEASE_TOO_LARGE',
      /more than 4472832 bytes uncompressed/,
    ],
    [
      'a file over the limit',
      () => Promise.resolve(Buffer.concat([valid.bytes, Buffer.alloc(8 * 2 ** 20)])),
      'RELEASE_TOO_LARGE',
      /at most 8388608/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, make, code, detail) => {
    const refusal = await refusalOf(await make());
    expect(refusal.code).toBe(code);
    expect(refusal.detail).toMatch(detail);
  });

  it('refuses a submission package (.iscm) as not a release', async () => {
    const made = await makePackage({ dir: processTempDir(), signer: makeSigner() });
    expect((await refusalOf(fs.readFileSync(made.path))).code).toBe('RELEASE_NOT_A_RELEASE');
  });
});
