import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../main/services/crypto/age.js';
import {
  ATTACHMENT,
  ATTACHMENT_NAME,
  entryFor,
  locate,
  manifestParts,
  patchCentral,
  RESPONSES,
  rename,
  seal,
  validParts,
  zipParts,
  type Part,
} from '../package/hostile-kit.js';
import { makeSigner } from '../package/fixtures.js';
import { filesUnder, testIom, tempDir, type TestIom } from './iom-kit.js';

/**
 * The hostile corpus (built by the package reader's own kit) through the whole import: each
 * file gets its own code, one quarantine row, zero data rows, and no file anywhere but the
 * import's temp area, which is empty again afterwards.
 */
const signer = makeSigner();
const valid = (): Part[] => validParts(signer);
const iom: TestIom = testIom();
afterAll(() => iom.service.close());

const DATA_TABLES = ['submissions', 'submission_attachments', 'signers', 'chains', 'respondents', 'held_packages', 'key_events', 'rejected_keys'];

async function expectRejected(file: string, code: string) {
  const before = iom.service.quarantine().length;
  const listing = fs.readdirSync(iom.dir).sort();
  const summary = await iom.service.importPaths([file]);
  expect(summary.outcomes[0]).toMatchObject({ kind: 'rejected', code });
  expect(summary.counts.rejected).toBe(1);
  for (const table of DATA_TABLES) expect(iom.count(table), table).toBe(0);
  expect(iom.service.quarantine()).toHaveLength(before + 1);
  expect(iom.service.quarantine()[0]).toMatchObject({ code, file_name: path.basename(file) });
  expect(filesUnder(iom.service.dirs.temp)).toEqual([]);
  expect(filesUnder(iom.service.dirs.media)).toEqual([]);
  expect(filesUnder(iom.service.dirs.held)).toEqual([]);
  expect(fs.readdirSync(iom.dir).sort()).toEqual(listing);
}
const sealed = async (zip: Buffer) => seal(zip);
const named = async (name: string, placeholder: string): Promise<Buffer> =>
  rename(await zipParts([...valid(), { name: placeholder, data: Buffer.from('x') }]), placeholder, name);
const withManifest = (options: Parameters<typeof manifestParts>[1]): Part[] => [
  ...manifestParts(signer, options),
  { name: 'responses.json', data: RESPONSES },
  { name: ATTACHMENT_NAME, data: ATTACHMENT },
];
const lyingSize = async (declared: number): Promise<Buffer> => {
  const entries = [entryFor('responses.json', RESPONSES, declared), entryFor(ATTACHMENT_NAME, ATTACHMENT)];
  const parts = [...manifestParts(signer, { entries }), { name: 'responses.json', data: RESPONSES }, { name: ATTACHMENT_NAME, data: ATTACHMENT }];
  return patchCentral(await zipParts(parts), 'responses.json', 24, declared);
};

const CORPUS: [string, () => Promise<string>, string][] = [
  ['a file that does not exist', () => Promise.resolve(path.join(tempDir(), 'missing.iscm')), 'FILE_UNREADABLE'],
  ['encrypted to another recipient', async () => seal(await zipParts(valid()), (await generateAgeIdentity()).recipient), 'DECRYPT_FAILED'],
  ['not an age file', async () => {
    const file = path.join(tempDir(), 'plain.iscm');
    fs.writeFileSync(file, await zipParts(valid()));
    return file;
  }, 'DECRYPT_FAILED'],
  ['truncated file', async () => {
    const file = await sealed(await zipParts(valid()));
    fs.truncateSync(file, fs.statSync(file).size - 10);
    return file;
  }, 'DECRYPT_FAILED'],
  ['junk appended to the file', async () => {
    const file = await sealed(await zipParts(valid()));
    fs.appendFileSync(file, 'junk');
    return file;
  }, 'DECRYPT_FAILED'],
  ['truncated ZIP', async () => { const z = await zipParts(valid()); return sealed(z.subarray(0, z.length - 30)); }, 'ZIP_CORRUPT'],
  ['junk appended to the ZIP', async () => sealed(Buffer.concat([await zipParts(valid()), Buffer.from('junk')])), 'ZIP_CORRUPT'],
  ['zip-slip name', async () => sealed(await named('../evil.txt', 'aa/evil.txt')), 'ZIP_UNSAFE'],
  ['absolute path', async () => sealed(await named('/etc/passwd', 'xetc/passwd')), 'ZIP_UNSAFE'],
  ['backslash', async () => sealed(await named('a\\b.txt', 'a_b.txt')), 'ZIP_UNSAFE'],
  ['NUL in a name', async () => sealed(await named('a\u0000b.txt', 'a_b.txt')), 'ZIP_UNSAFE'],
  ['duplicate names', async () => sealed(await zipParts([...valid(), { name: 'responses.json', data: RESPONSES }])), 'ZIP_UNSAFE'],
  ['case twins', async () => sealed(await zipParts([...valid(), { name: 'RESPONSES.json', data: RESPONSES }])), 'ZIP_UNSAFE'],
  ['normalisation twins', async () => sealed(await zipParts([...valid(), { name: 'caf\u00e9.txt', data: Buffer.from('1') }, { name: 'cafe\u0301.txt', data: Buffer.from('2') }])), 'ZIP_UNSAFE'],
  ['zip bomb', async () => sealed(await zipParts([...valid(), { name: 'bomb.bin', data: Buffer.alloc(20_000_000) }])), 'ZIP_UNSAFE'],
  ['symbolic link', async () => sealed(await zipParts([...valid(), { name: 'attachments/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])), 'ZIP_UNSAFE'],
  ['overlapping entries', async () => { const z = await zipParts(valid()); return sealed(patchCentral(z, ATTACHMENT_NAME, 42, locate(z, 'responses.json').local)); }, 'ZIP_UNSAFE'],
  ['a __proto__ key in the manifest', async () => sealed(await zipParts(withManifest({ editText: (t) => t.replace('{\n', '{\n  "__proto__": {\n    "polluted": true\n  },\n') }))), 'MANIFEST_INVALID'],
  ['deep nesting', async () => sealed(await zipParts(withManifest({ editText: (t) => t.replace('"name": "ISCM Assessment"', `"name": ${'['.repeat(5000)}${']'.repeat(5000)}`) }))), 'MANIFEST_INVALID'],
  ['a future format version', async () => sealed(await zipParts(withManifest({ editText: (t) => t.replace('"formatVersion": 2', '"formatVersion": 3') }))), 'FORMAT_UNSUPPORTED'],
  ['an entry not in the manifest', async () => sealed(await zipParts([...valid(), { name: 'notes.txt', data: Buffer.from('hi') }])), 'ENTRY_UNEXPECTED'],
  ['a missing entry', async () => sealed(await zipParts(valid().filter((p) => p.name !== ATTACHMENT_NAME))), 'ENTRY_MISSING'],
  ['declared size too small', async () => sealed(await lyingSize(RESPONSES.length - 1)), 'ENTRY_MISMATCH'],
  ['declared size too large', async () => sealed(await lyingSize(RESPONSES.length + 1)), 'ENTRY_MISMATCH'],
  ['a signature by another key', async () => sealed(await zipParts(validParts(signer, { signWith: makeSigner('intruder') }))), 'SIGNATURE_INVALID'],
  ['a signature with another namespace', async () => sealed(await zipParts(validParts(signer, { namespace: 'file' }))), 'SIGNATURE_INVALID'],
  ['answers that are not JSON', async () => {
    const bad = Buffer.from('{ not json');
    const entries = [entryFor('responses.json', bad), entryFor(ATTACHMENT_NAME, ATTACHMENT)];
    return sealed(await zipParts([...manifestParts(signer, { entries }), { name: 'responses.json', data: bad }, { name: ATTACHMENT_NAME, data: ATTACHMENT }]));
  }, 'RESPONSES_INVALID'],
  ['an unknown questionnaire version', async () => sealed(await zipParts(withManifest({ editText: (t) => t.replace('"version": "1.0.0"', '"version": "7.0.0"') }))), 'QUESTIONNAIRE_UNKNOWN'],
  ['answers that are not those of the questionnaire', async () => sealed(await zipParts(valid())), 'ANSWERS_INVALID'],
];

describe('hostile files through the whole import pipeline', () => {
  it.each(CORPUS)('%s', async (_name, build, code) => {
    await expectRejected(await build(), code);
  });

  it('a batch of the whole corpus never stops and reports each file', async () => {
    const files = await Promise.all(CORPUS.map(([, build]) => build()));
    const summary = await iom.service.importPaths(files);
    expect(summary.outcomes.map((o) => o.code)).toEqual(CORPUS.map(([, , code]) => code));
    expect(summary.counts.rejected).toBe(CORPUS.length);
    for (const o of summary.outcomes) expect(o.message.length).toBeGreaterThan(20);
    for (const table of DATA_TABLES) expect(iom.count(table)).toBe(0);
  });
});
