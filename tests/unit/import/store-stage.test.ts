import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder, testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner } from './package-kit.js';

const opened: TestIom[] = [];
const fresh = (): TestIom => {
  const iom = testIom();
  opened.push(iom);
  return iom;
};
afterEach(() => opened.splice(0).forEach((i) => i.service.close()));

const signer = makeSigner();

describe('stage 9: one transaction per package', () => {
  it('imports a package: the submission, its attachments in the media store, the first key registered for its respondent', async () => {
    const iom = fresh();
    const pkg = await makePackage({ dir: tempDir(), signer, attachments: [Buffer.from('%PDF-1.4 annual report\n')] });
    const summary = await iom.service.importPaths([pkg.path]);
    expect(summary.counts).toMatchObject({ imported: 1, rejected: 0 });
    expect(summary.outcomes[0]).toMatchObject({ kind: 'imported', code: 'IMPORTED', submissionId: pkg.submissionId });
    const row = iom.service.getSubmission(pkg.submissionId);
    expect(row).toMatchObject({ is_current: 1, revision: 1, signer_fingerprint: signer.fingerprint, package_sha256: pkg.sha256 });
    const [attachment] = iom.service.attachmentsOf(pkg.submissionId);
    expect(attachment).toBeDefined();
    expect(fs.readFileSync(path.join(iom.service.dirs.media, attachment?.sha256 ?? '')).toString()).toBe('%PDF-1.4 annual report\n');
    expect(iom.service.signers()).toMatchObject([{ fingerprint: signer.fingerprint, source: 'package', registered_by: 'tester', kind: 'secretariat' }]);
    expect(filesUnder(iom.service.dirs.temp)).toEqual([]);
  });

  it('re-importing the same file, or another export of the same revision, changes nothing (DUPLICATE)', async () => {
    const iom = fresh();
    const dir = tempDir();
    const pkg = await makePackage({ dir, signer, submissionId: '11111111-1111-4111-8111-111111111111' });
    const again = await makePackage({ dir, signer, submissionId: '11111111-1111-4111-8111-111111111111', fileName: 'again.iscm' });
    expect(again.sha256).not.toBe(pkg.sha256); // age encryption is randomised
    await iom.service.importPaths([pkg.path]);
    const before = iom.service.db.prepare('SELECT * FROM submissions').all();
    const summary = await iom.service.importPaths([pkg.path, again.path]);
    expect(summary.outcomes.map((o) => o.code)).toEqual(['DUPLICATE', 'DUPLICATE']);
    expect(iom.service.db.prepare('SELECT * FROM submissions').all()).toEqual(before);
  });

  it('the same submission id with other content is a CONFLICT, and the first one stays', async () => {
    const iom = fresh();
    const dir = tempDir();
    const id = '22222222-2222-4222-8222-222222222222';
    const first = await makePackage({ dir, signer, submissionId: id, note: 'one', fileName: 'one.iscm' });
    const other = await makePackage({ dir, signer, submissionId: id, note: 'two', fileName: 'two.iscm' });
    const summary = await iom.service.importPaths([first.path, other.path]);
    expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'CONFLICT']);
    expect(summary.counts.conflict).toBe(1);
    expect(iom.service.getSubmission(id)?.package_sha256).toBe(first.sha256);
    expect(iom.count('submissions')).toBe(1);
  });

  it('two different revisions with the same number of one submission are a CONFLICT', async () => {
    const iom = fresh();
    const dir = tempDir();
    const [r1, r2] = await makeRevisions(dir, signer);
    const fork = await makePackage({ dir, signer, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'fork' });
    const summary = await iom.service.importPaths([r1.path, r2.path, fork.path]);
    expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'IMPORTED', 'CONFLICT']);
  });

  it.each([
    ['in order', [0, 1]],
    ['in reverse order', [1, 0]],
  ])('a newer revision supersedes an older one %s, and the history is kept', async (_label, order) => {
    const iom = fresh();
    const revisions = await makeRevisions(tempDir(), signer);
    const files = order.map((i) => revisions[i]?.path ?? '');
    const summary = await iom.service.importPaths(files);
    const [r1, r2] = revisions;
    expect(iom.service.getSubmission(r2.submissionId)?.is_current).toBe(1);
    expect(iom.service.getSubmission(r1.submissionId)?.is_current).toBe(0);
    expect(iom.service.listSubmissions({ status: 'current' }).map((r) => r.submission_id)).toEqual([r2.submissionId]);
    expect(iom.service.listSubmissions({ status: 'superseded' }).map((r) => r.submission_id)).toEqual([r1.submissionId]);
    expect(iom.service.listSubmissions({ status: 'all' })).toHaveLength(2);
    const expected = order[0] === 1 ? ['IMPORTED', 'SUPERSEDED'] : ['IMPORTED', 'IMPORTED'];
    expect(summary.outcomes.map((o) => o.code)).toEqual(expected);
  });
});
