import { describe, expect, it } from 'vitest';
import { createIdentityService } from '../../../main/services/identities/identity-service.js';
import { createSubmissionService } from '../../../main/services/submissions/submission-service.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from './full-answers.js';
import {
  AMINA,
  PASSPHRASE,
  expectAppError,
  insertDraft,
  openHarness,
  storeAttachment,
  today,
  type Harness,
} from './harness.js';

const tempDir = useTempDirs();

async function setup(): Promise<{
  h: Harness;
  identityId: string;
  submissions: ReturnType<typeof createSubmissionService>;
}> {
  const h = openHarness(tempDir());
  const { identity } = await createIdentityService(h.deps).create({ ...AMINA, email: '' });
  return { h, identityId: identity.id, submissions: createSubmissionService(h.deps) };
}

const count = (h: Harness, table: string): number =>
  h.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1;
const statusOf = (h: Harness, draftId: string) =>
  h.db.prepare<[string], { status: string }>('SELECT status FROM drafts WHERE id = ?').get(draftId)?.status;

describe('finalizing', () => {
  it('is refused while the response does not validate, with the problems listed, writing nothing', async () => {
    const { h, identityId, submissions } = await setup();
    const answers = fullSecretariatAnswers({ today: today() });
    delete answers.declaration_confirm;
    answers.number_of_states = 500;
    const draftId = insertDraft(h.db, answers);
    const error = await submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const paths = (error as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['declaration_confirm', 'number_of_states']));
    expect(count(h, 'submissions')).toBe(0);
    expect(statusOf(h, draftId)).toBe('draft');
    h.db.close();
  });

  it('is refused with a wrong passphrase, writing nothing', async () => {
    const { h, identityId, submissions } = await setup();
    const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today() }));
    await expectAppError(
      submissions.finalize({ draftId, identityId, passphrase: 'not the passphrase' }),
      'WRONG_PASSPHRASE',
    );
    expect(count(h, 'submissions')).toBe(0);
    expect(statusOf(h, draftId)).toBe('draft');
    h.db.close();
  });

  it('freezes an immutable revision 1 with the relevant answers and attachment hashes, and locks the draft', async () => {
    const { h, identityId, submissions } = await setup();
    const report = storeAttachment(h, 'report.pdf', Buffer.from('%PDF-1.4 annual report'));
    const answers = {
      ...fullSecretariatAnswers({ today: today(), report }),
      state_name: 'not relevant for a secretariat',
    };
    const draftId = insertDraft(h.db, answers);
    const s = await submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE });
    expect(s).toMatchObject({
      revision: 1,
      rootId: s.id,
      supersedes: null,
      draftId,
      questionnaireId: 'iscm-assessment',
      questionnaireVersion: '1.0.0',
      development: true,
      attachmentCount: 1,
    });
    expect(s.mechanism).toEqual({
      value: 'bali_process',
      label: expect.stringContaining('Bali') as string,
      kind: 'rcp',
    });
    expect(s.fileName).toBe('bali_process-secretariat-r1.iscm');
    expect(statusOf(h, draftId)).toBe('finalized');
    const row = h.db
      .prepare<[string], { responses_json: string; attachments_json: string }>(
        'SELECT responses_json, attachments_json FROM submissions WHERE id = ?',
      )
      .get(s.id);
    const responses = JSON.parse(row?.responses_json ?? '{}') as Record<string, unknown>;
    expect(responses.state_name).toBeUndefined();
    expect(responses.years_active).toBe(Number(today().slice(0, 4)) - 2002);
    expect(responses.achievements).toHaveLength(2);
    expect(JSON.parse(row?.attachments_json ?? '[]')).toEqual([report]);
    expect(() => h.db.prepare('UPDATE submissions SET revision = 2 WHERE id = ?').run(s.id)).toThrow(
      /cannot be changed/,
    );
    expect(() => h.db.prepare('DELETE FROM submissions WHERE id = ?').run(s.id)).toThrow(/cannot be deleted/);
    await expectAppError(submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE }), 'READ_ONLY');
    h.db.close();
  });

  it('amends into a new draft whose finalize supersedes the previous revision, same root', async () => {
    const { h, identityId, submissions } = await setup();
    const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today() }));
    const r1 = await submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE });
    const amendment = submissions.amend(r1.id);
    expect(amendment).toMatchObject({
      status: 'draft',
      // The title stays the user's own: the revision is a badge beside it, not a suffix.
      title: 'Bali Process 2026',
      questionnaireVersion: '1.0.0',
    });
    expect(submissions.amend(r1.id).id).toBe(amendment.id);
    const copied = h.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM answers WHERE draft_id = ?')
      .get(amendment.id)?.n;
    expect(copied).toBe(Object.keys(fullSecretariatAnswers({ today: today() })).length);
    expect(submissions.get(r1.id).amendmentDraftId).toBe(amendment.id);

    h.db
      .prepare("UPDATE answers SET value_json = '50' WHERE draft_id = ? AND path = 'number_of_states'")
      .run(amendment.id);
    const r2 = await submissions.finalize({ draftId: amendment.id, identityId, passphrase: PASSPHRASE });
    expect(r2).toMatchObject({ revision: 2, rootId: r1.id, supersedes: r1.id });
    expect(submissions.get(r1.id)).toMatchObject({ supersededBy: r2.id, amendmentDraftId: null });
    await expectAppError(() => submissions.amend(r1.id), 'CONFLICT');
    const r3draft = submissions.amend(r2.id);
    expect(r3draft.title).toBe('Bali Process 2026');
    const r3 = await submissions.finalize({ draftId: r3draft.id, identityId, passphrase: PASSPHRASE });
    expect(r3).toMatchObject({ revision: 3, rootId: r1.id, supersedes: r2.id });
    expect(submissions.list().map((s) => s.revision)).toEqual([3, 2, 1]);
    expect(submissions.list(amendment.id).map((s) => s.id)).toEqual([r2.id]);
    h.db.close();
  });

  it('amends a draft titled with suffixes an older app added into the plain title, "(revision 2) (copie)" included', async () => {
    const { h, identityId, submissions } = await setup();
    const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today() }));
    h.db.prepare('UPDATE drafts SET title = ? WHERE id = ?').run('Bali Process 2026 (revision 2) (copie)', draftId);
    const r1 = await submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE });
    expect(submissions.amend(r1.id).title).toBe('Bali Process 2026');
    h.db.close();
  });

  it('amends from the frozen answers when the original draft was emptied from the trash', async () => {
    const { h, identityId, submissions } = await setup();
    const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today() }));
    const r1 = await submissions.finalize({ draftId, identityId, passphrase: PASSPHRASE });
    h.db.prepare('DELETE FROM drafts WHERE id = ?').run(draftId);
    const amendment = submissions.amend(r1.id);
    const r2 = await submissions.finalize({ draftId: amendment.id, identityId, passphrase: PASSPHRASE });
    const frozen = (id: string) =>
      h.db.prepare<[string], { responses_json: string }>('SELECT responses_json FROM submissions WHERE id = ?').get(id)
        ?.responses_json;
    expect(frozen(r2.id)).toBe(frozen(r1.id));
    expect(r2).toMatchObject({ revision: 2, supersedes: r1.id });
    h.db.close();
  });
});
