import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import { parse } from 'csv-parse/sync';
import { testIom } from '../import/iom-kit.js';
import { makePackage, makeSigner } from '../import/package-kit.js';
import { FORM_VERSION, makeResponses, mechanismAt } from '../import/response-kit.js';
import { questionnaireFiles } from '../../../build/dev-releases.js';
import { OTHER_PUBLISHER, NEXT, release, resigned, rezip, SOURCE } from './release-kit.js';
import { twoVersions } from './versions.js';

const { b } = twoVersions();
const readCsv = (file: string): { header: string[]; rows: Record<string, string>[] } => {
  const records: string[][] = parse(fs.readFileSync(file), { bom: true });
  const [header = [], ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
};
const next = await release(NEXT.json);
const signer = makeSigner();

describe('the releases IOM published, in iom.db', () => {
  it('a new iom.db knows the releases the app carries; a package of an unknown version is refused, naming it, until its release is added', async () => {
    const iom = testIom();
    await iom.service.syncBundled();
    // Every release the app carries, the newest (SOURCE) among them.
    const bundled = questionnaireFiles().map((q) => [q.version, 'bundled']);
    expect(iom.service.releases().map((r) => [r.version, r.source]).sort()).toEqual(bundled.sort());
    expect(bundled).toContainEqual([SOURCE.version, 'bundled']);
    const dir = iom.dir;
    const mechanism = mechanismAt(0).value;
    const pkg = await makePackage({
      dir,
      signer,
      questionnaireVersion: NEXT.version,
      responses: makeResponses({ mechanism, questionnaire: b }),
    });
    const first = await iom.service.importPaths([pkg.path]);
    expect(first.outcomes[0]).toMatchObject({ kind: 'rejected', code: 'QUESTIONNAIRE_UNKNOWN' });
    expect(first.outcomes[0]?.message).toContain(`version ${NEXT.version} of the questionnaire ${String(SOURCE.id)}`);
    expect(iom.count('submissions')).toBe(0);

    const file = path.join(dir, 'next.iscmq');
    fs.writeFileSync(file, next.bytes);
    const added = await iom.service.addRelease(file, 'tester');
    expect(added).toMatchObject({
      alreadyKnown: false,
      row: { questionnaire_id: SOURCE.id, version: NEXT.version, source: 'added', added_by: 'tester' },
    });
    expect((await iom.service.addRelease(file, 'tester')).alreadyKnown).toBe(true);
    const second = await iom.service.importPaths([pkg.path]);
    expect(second.outcomes[0]).toMatchObject({ kind: 'imported' });
    // An older package still imports: every published version is accepted.
    const old = await makePackage({ dir, signer: makeSigner('Other'), mechanismIndex: 2 });
    expect((await iom.service.importPaths([old.path])).outcomes[0]).toMatchObject({ kind: 'imported' });
    iom.service.close();
  });

  it('refuses a release that fails a check, or conflicts with a known one, and records nothing', async () => {
    const iom = testIom();
    await iom.service.syncBundled();
    const before = iom.count('questionnaire_releases');
    const questionnaire = Buffer.from(`${JSON.stringify(NEXT.json, null, 2)}\n`);
    const cases: [string, Buffer, string][] = [
      [
        'other publisher',
        await rezip({ ...resigned(next.manifest, { key: OTHER_PUBLISHER.privateKeyPkcs8 }), questionnaire }),
        'RELEASE_PUBLISHER_UNKNOWN',
      ],
      [
        'tampered',
        await rezip({
          manifest: next.manifestBytes,
          signature: next.signature,
          questionnaire: Buffer.from(questionnaire.toString().replace('New question', 'X')),
        }),
        'RELEASE_SIGNATURE_INVALID',
      ],
      ['not a release', Buffer.from('hello'), 'RELEASE_NOT_A_RELEASE'],
      [
        'same version, other content',
        (await release({ ...SOURCE, title: { ...(SOURCE.title as object), en: 'Changed' } })).bytes,
        'RELEASE_VERSION_CONFLICT',
      ],
    ];
    for (const [name, bytes, code] of cases) {
      const file = path.join(iom.dir, `${name}.iscmq`);
      fs.writeFileSync(file, bytes);
      const error = await iom.service.addRelease(file, 'tester').catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ReleaseRefusal);
      expect((error as ReleaseRefusal).code, name).toBe(code);
      expect(iom.count('questionnaire_releases'), name).toBe(before);
    }
    iom.service.close();
  });

  it('the export takes the union of the columns of every version, with questionnaire_version, and a codebook saying which versions have each question', async () => {
    const iom = testIom();
    const file = path.join(iom.dir, 'next.iscmq');
    fs.writeFileSync(file, next.bytes);
    await iom.service.addRelease(file, 'tester');
    const oldPkg = await makePackage({ dir: iom.dir, signer, mechanismIndex: 0 });
    const newPkg = await makePackage({
      dir: iom.dir,
      signer: makeSigner('B'),
      mechanismIndex: 1,
      questionnaireVersion: NEXT.version,
      responses: makeResponses({ mechanism: mechanismAt(1).value, questionnaire: b }),
    });
    const summary = await iom.service.importPaths([oldPkg.path, newPkg.path]);
    expect(summary.counts.imported).toBe(2);
    const { folder: out } = await iom.service.export({ format: 'csv', outDir: iom.dir });
    const main = readCsv(path.join(out, `${String(SOURCE.id)}.csv`));
    expect(main.header).toEqual(
      expect.arrayContaining(['questionnaire_version', NEXT.removed, NEXT.added, NEXT.retyped]),
    );
    // The old package is on the kit's version (FORM_VERSION), the new one on NEXT.
    expect(main.rows.map((r) => r.questionnaire_version).sort()).toEqual([FORM_VERSION, NEXT.version].sort());
    const newRow = main.rows.find((r) => r.questionnaire_version === NEXT.version);
    expect(newRow?.[NEXT.removed]).toBe('');
    const codebook = readCsv(path.join(out, `${String(SOURCE.id)}-codebook.csv`));
    const versionsOf = (id: string) => codebook.rows.find((r) => r.id === id)?.versions;
    const listed = (id: string) => versionsOf(id)?.split(' ') ?? [];
    expect(listed(NEXT.removed)).toContain(SOURCE.version);
    expect(listed(NEXT.removed)).not.toContain(NEXT.version);
    expect(listed(NEXT.added)).toEqual([NEXT.version]);
    expect(listed('respondent_name')).toEqual(expect.arrayContaining([FORM_VERSION, SOURCE.version, NEXT.version]));
    iom.service.close();
  });
});
