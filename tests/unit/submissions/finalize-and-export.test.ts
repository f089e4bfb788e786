import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIdentityFile } from '../../../main/services/crypto/age.js';
import { createIdentityService } from '../../../main/services/identities/identity-service.js';
import { readPackage } from '../../../main/services/package/index.js';
import { createSubmissionService } from '../../../main/services/submissions/submission-service.js';
import { submissionHandlers } from '../../../main/services/submissions/handlers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from './full-answers.js';
import { AMINA, DEV_IDENTITY_FILE, PASSPHRASE, expectAppError, insertDraft, openHarness, today } from './harness.js';

const tempDir = useTempDirs();
const devIdentity = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
const count = (h: ReturnType<typeof openHarness>, table: string): number =>
  h.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1;

async function ready(extra: Parameters<typeof openHarness>[1] = {}) {
  const h = openHarness(tempDir(), extra);
  const { identity } = await createIdentityService(h.deps).create(AMINA);
  const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today() }));
  return { h, identityId: identity.id, draftId, submissions: createSubmissionService(h.deps) };
}

describe('finalize and export in one step, one passphrase', () => {
  it('freezes revision 1 and writes its signed package, which reads back and verifies', async () => {
    const { h, identityId, draftId, submissions } = await ready();
    const out = await submissions.finalizeAndExport({ draftId, identityId, passphrase: PASSPHRASE, operationId: 'op-fae-001' });
    expect(out.exportError).toBeNull();
    expect(out.submission).toMatchObject({ revision: 1, fileName: 'bali_process-secretariat-r1.iscm' });
    expect(out.exported?.path).toBe(path.join(h.dataDir, 'exports', 'bali_process-secretariat-r1.iscm'));
    // The revision as returned already lists the export, so the "file is ready" step can show it.
    expect(out.submission.exports.map((e) => e.path)).toEqual([out.exported?.path]);
    const read = await readPackage(out.exported?.path ?? '', { identity: devIdentity });
    try {
      expect(read.manifest).toMatchObject({ submissionId: out.submission.id, revision: 1 });
    } finally {
      await read.cleanup();
    }
    expect(h.db.prepare<[string], { status: string }>('SELECT status FROM drafts WHERE id = ?').get(draftId)?.status).toBe('exported');
    h.db.close();
  });

  it('with a wrong passphrase freezes nothing and writes nothing', async () => {
    const { h, identityId, draftId, submissions } = await ready();
    await expectAppError(
      submissions.finalizeAndExport({ draftId, identityId, passphrase: 'not the passphrase', operationId: 'op-fae-002' }),
      'WRONG_PASSPHRASE',
    );
    expect(count(h, 'submissions')).toBe(0);
    expect(count(h, 'submission_exports')).toBe(0);
    expect(fs.existsSync(path.join(h.dataDir, 'exports'))).toBe(false);
    h.db.close();
  });

  it('keeps the revision finalized when the save dialog is cancelled, and says why', async () => {
    const { h, identityId, draftId } = await ready();
    const desktop = createSubmissionService({
      ...h.deps,
      host: 'electron',
      hostCapabilities: { pickFiles: () => Promise.resolve([]), pickSavePath: () => Promise.resolve(undefined) },
    });
    const out = await desktop.finalizeAndExport({ draftId, identityId, passphrase: PASSPHRASE, operationId: 'op-fae-003' });
    expect(out.exported).toBeNull();
    expect(out.exportError).toMatchObject({ code: 'CANCELLED' });
    expect(out.submission.revision).toBe(1);
    expect(count(h, 'submissions')).toBe(1);
    expect(count(h, 'submission_exports')).toBe(0);
    h.db.close();
  });

  it('shows in the file manager only a file this revision was exported to', async () => {
    const { h, identityId, draftId } = await ready();
    const shown: string[] = [];
    const picked = path.join(h.dataDir, 'chosen', 'mine.iscm');
    fs.mkdirSync(path.dirname(picked));
    const handlers = submissionHandlers({
      ...h.deps,
      host: 'electron',
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: () => Promise.resolve(picked),
        showItemInFolder: (file) => shown.push(file),
      },
    });
    const out = await handlers.finalizeAndExport({ draftId, identityId, passphrase: PASSPHRASE, declaration: true, operationId: 'op-fae-004' });
    const id = out.submission.id;
    expect(await handlers.showExport({ id, path: picked })).toEqual({ shown: true });
    expect(shown).toEqual([picked]);
    await expectAppError(async () => handlers.showExport({ id, path: path.join(h.dataDir, 'app.db') }), 'NOT_FOUND');
    await expectAppError(async () => handlers.showExport({ id, path: `${path.dirname(picked)}/../app.db` }), 'NOT_FOUND');
    fs.rmSync(picked);
    await expectAppError(async () => handlers.showExport({ id, path: picked }), 'NOT_FOUND');
    expect(shown).toEqual([picked]);
    h.db.close();
  });
});
