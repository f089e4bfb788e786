import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIdentityFile } from '../../../main/services/crypto/age.js';
import { createIdentityService } from '../../../main/services/identities/identity-service.js';
import { readPackage } from '../../../main/services/package/index.js';
import { createSubmissionService } from '../../../main/services/submissions/submission-service.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from './full-answers.js';
import {
  AMINA,
  DEV_IDENTITY_FILE,
  PASSPHRASE,
  expectAppError,
  incompressible,
  insertDraft,
  openHarness,
  storeAttachment,
  today,
  type Harness,
} from './harness.js';

const tempDir = useTempDirs();
const devIdentity = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
const sha256File = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const exportsIn = (h: Harness): string[] =>
  fs.existsSync(path.join(h.dataDir, 'exports')) ? fs.readdirSync(path.join(h.dataDir, 'exports')) : [];
const exportRows = (h: Harness): number =>
  h.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM submission_exports').get()?.n ?? -1;

async function finalized(attachment?: Buffer) {
  const h = openHarness(tempDir());
  const { identity } = await createIdentityService(h.deps).create(AMINA);
  const report = attachment ? storeAttachment(h, 'report.pdf', attachment) : undefined;
  const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today(), ...(report ? { report } : {}) }));
  const submissions = createSubmissionService(h.deps);
  const submission = await submissions.finalize({ draftId, identityId: identity.id, passphrase: PASSPHRASE });
  return { h, identity, submissions, submission, draftId };
}

describe('exporting a revision', () => {
  it('writes <mechanism>-<respondent>-r<revision>.iscm atomically, records time, path and SHA-256, and the package reads back', async () => {
    const { h, identity, submissions, submission, draftId } = await finalized(Buffer.from('%PDF-1.4 report'));
    const result = await submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-000001' });
    expect(submission.fileName).toBe('bali_process-secretariat-r1.iscm');
    expect(result.path).toBe(path.join(h.dataDir, 'exports', submission.fileName));
    expect(result.development).toBe(true);
    expect(result.sha256).toBe(sha256File(result.path));
    expect(result.size).toBe(fs.statSync(result.path).size);
    expect(exportsIn(h)).toEqual([submission.fileName]);
    expect(submissions.get(submission.id).exports).toEqual([
      { path: result.path, sha256: result.sha256, size: result.size, exportedAt: result.exportedAt },
    ]);
    expect(
      h.db.prepare<[string], { status: string }>('SELECT status FROM drafts WHERE id = ?').get(draftId)?.status,
    ).toBe('exported');

    const read = await readPackage(result.path, { identity: devIdentity });
    try {
      expect(read.manifest).toMatchObject({
        submissionId: submission.id,
        rootId: submission.id,
        supersedes: null,
        revision: 1,
        mechanism: { value: 'bali_process', kind: 'rcp' },
        respondent: { kind: 'secretariat', name: 'Amina Diallo', email: 'amina.diallo@example.org' },
        signer: { name: 'Amina Diallo', publicKey: identity.publicKey, fingerprint: identity.fingerprint },
        app: { name: 'ISCM Assessment', version: '0.0.0-test' },
        finalizedAt: submission.finalizedAt,
      });
      expect(read.attachments).toHaveLength(1);
      expect((read.responses as Record<string, unknown>).mechanism).toBe('bali_process');
    } finally {
      await read.cleanup();
    }
    // The same revision always has the same manifest bytes; a second export gets its own name,
    // a copy's ` (2)`, never `-2` (which read like "revision 1-2"), and the first file is kept.
    const again = await submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-000002' });
    expect(path.basename(again.path)).toBe('bali_process-secretariat-r1 (2).iscm');
    expect(sha256File(result.path)).toBe(result.sha256);
    const [a, b] = await Promise.all([
      readPackage(result.path, { identity: devIdentity }),
      readPackage(again.path, { identity: devIdentity }),
    ]);
    expect(Buffer.from(a.manifestBytes).equals(Buffer.from(b.manifestBytes))).toBe(true);
    await Promise.all([a.cleanup(), b.cleanup()]);
    expect(exportRows(h)).toBe(2);
    h.db.close();
  });

  it('with a wrong passphrase writes no file and no record', async () => {
    const { h, submissions, submission } = await finalized();
    await expectAppError(
      submissions.export({ id: submission.id, passphrase: 'wrong one', operationId: 'op-000003' }),
      'WRONG_PASSPHRASE',
    );
    expect(exportsIn(h)).toEqual([]);
    expect(exportRows(h)).toBe(0);
    h.db.close();
  });

  it('reports progress and, when cancelled midway, leaves no file, no temp file and no record', async () => {
    const { h, submissions, submission } = await finalized(incompressible(16 * 1024 * 1024));
    let cancelled: { cancelled: boolean } | undefined;
    h.onProgress = (p) => {
      if (p.done > 0 && !cancelled) cancelled = submissions.cancelExport(p.operationId);
    };
    await expectAppError(
      submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-cancel1' }),
      'CANCELLED',
    );
    expect(cancelled).toEqual({ cancelled: true });
    expect(h.progress.length).toBeGreaterThan(0);
    expect(h.progress[0]).toMatchObject({ operationId: 'op-cancel1', label: 'Exporting the package' });
    expect(exportsIn(h)).toEqual([]);
    expect(exportRows(h)).toBe(0);
    expect(submissions.cancelExport('op-cancel1')).toEqual({ cancelled: false });

    h.onProgress = undefined;
    h.progress.length = 0;
    const done = await submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-full01' });
    const last = h.progress.at(-1);
    expect(last?.done).toBe(last?.total);
    expect(exportsIn(h)).toEqual([path.basename(done.path)]);
    h.db.close();
  });

  it('asks the save dialog where to write on the desktop, and writes nothing when it is cancelled', async () => {
    const { h, submission } = await finalized();
    let picked: string | undefined = path.join(h.dataDir, 'chosen.iscm');
    const names: string[] = [];
    const desktop = createSubmissionService({
      ...h.deps,
      host: 'electron',
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: ({ defaultName }) => {
          names.push(defaultName);
          return Promise.resolve(picked);
        },
      },
    });
    const result = await desktop.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-dialog1' });
    expect(result.path).toBe(picked);
    expect(names).toEqual([submission.fileName]);
    picked = undefined;
    await expectAppError(
      desktop.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-dialog2' }),
      'CANCELLED',
    );
    expect(exportRows(h)).toBe(1);
    h.db.close();
  });

  it('writes a readable HTML summary of the revision', async () => {
    const { h, submissions, submission } = await finalized();
    const doc = submissions.summary(submission.id);
    expect(doc.facts).toEqual(
      expect.arrayContaining([
        { label: 'Revision', value: '1' },
        { label: 'Warning', value: 'Sealed to a development key: not a real submission.' },
      ]),
    );
    expect(doc.sections.map((s) => s.items.length).every((n) => n > 0)).toBe(true);
    const { path: file } = await submissions.saveSummaryHtml(submission.id);
    const html = fs.readFileSync(file, 'utf8');
    expect(path.basename(file)).toBe('bali_process-secretariat-r1-summary.html');
    expect(html).toContain('Handbook on victim identification');
    expect(html).not.toMatch(/<script/i);
    h.db.close();
  });

  it('gives two exports running at once two different files', async () => {
    const { h, submissions, submission } = await finalized();
    const [a, b] = await Promise.all([
      submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-para-1' }),
      submissions.export({ id: submission.id, passphrase: PASSPHRASE, operationId: 'op-para-2' }),
    ]);
    expect(a.path).not.toBe(b.path);
    expect(exportsIn(h).sort()).toEqual([path.basename(a.path), path.basename(b.path)].sort());
    expect([sha256File(a.path), sha256File(b.path)].sort()).toEqual([a.sha256, b.sha256].sort());
    h.db.close();
  });
});
