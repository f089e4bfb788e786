import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from './full-answers.js';
import { QUESTIONNAIRES_DIR, today } from './harness.js';

const tempDir = useTempDirs();

/** The channels as the renderer calls them: through the contract, the dispatcher and the real services. */
describe('identities.* and submissions.* through the contract', () => {
  it('creates an identity, finalizes a draft (then read-only), amends, and exports into the data folder', async () => {
    const dataDir = tempDir();
    const services = createAppServices({
      dataDir,
      questionnairesDir: QUESTIONNAIRES_DIR,
      host: 'web',
      appVersion: '0.0.0-test',
    });
    const call = createDispatcher(services.handlers);
    try {
      const weak = await call('identities.create', {
        name: 'A',
        title: '',
        organisation: 'O',
        mechanism: null,
        email: '',
        passphrase: 'short',
      });
      expect(weak).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const created = await call('identities.create', {
        name: 'Amina Diallo',
        title: 'Head',
        organisation: 'RSO',
        mechanism: 'bali_process',
        email: 'a@example.org',
        passphrase: 'a long passphrase',
      });
      if (!created.ok) throw new Error(created.error.message);
      const identityId = (created.value as { identity: { id: string } }).identity.id;

      const draft = await call('drafts.create', {
        title: 'Bali Process 2026',
        respondentKind: 'secretariat',
        mechanism: 'bali_process',
        language: 'en',
      });
      if (!draft.ok) throw new Error(draft.error.message);
      const draftId = (draft.value as { id: string }).id;
      for (const [path, value] of Object.entries(fullSecretariatAnswers({ today: today() }))) {
        const saved = await call('answers.save', { draftId, path, value });
        expect(saved.ok, JSON.stringify(saved)).toBe(true);
      }
      const noDeclaration = await call('submissions.finalize', {
        draftId,
        identityId,
        passphrase: 'a long passphrase',
        declaration: false,
      });
      expect(noDeclaration).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const wrong = await call('submissions.finalize', { draftId, identityId, passphrase: 'wrong', declaration: true });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      const finalized = await call('submissions.finalize', {
        draftId,
        identityId,
        passphrase: 'a long passphrase',
        declaration: true,
      });
      if (!finalized.ok) throw new Error(JSON.stringify(finalized.error));
      const r1 = finalized.value as { id: string; revision: number };
      expect(r1.revision).toBe(1);

      const refused = await call('answers.save', { draftId, path: 'respondent_name', value: 'Someone else' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });

      const exported = await call('submissions.export', {
        id: r1.id,
        passphrase: 'a long passphrase',
        operationId: 'op-chan-1',
      });
      expect(exported).toMatchObject({ ok: true, value: { development: true } });
      const amended = await call('submissions.amend', { id: r1.id });
      expect(amended).toMatchObject({ ok: true, value: { status: 'draft' } });
      const listed = await call('submissions.list', {});
      expect(listed).toMatchObject({
        ok: true,
        value: [{ id: r1.id, exports: [{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string }] }],
      });
    } finally {
      services.close();
    }
  });
});
