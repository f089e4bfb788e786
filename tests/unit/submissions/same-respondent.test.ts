import { describe, expect, it } from 'vitest';
import type { SubmissionRow } from '../../../db/repos/submissions.js';
import { createIdentityService } from '../../../main/services/identities/identity-service.js';
import { respondentOfRevision } from '../../../main/services/submissions/same-respondent.js';
import { createSubmissionService } from '../../../main/services/submissions/submission-service.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from './full-answers.js';
import { AMINA, PASSPHRASE, expectAppError, insertDraft, openHarness, today } from './harness.js';

/**
 * The secretariat's side of duplicates: before a first revision is finalized, the service says
 * which submissions on this computer are for the same mechanism and respondent (the question
 * the finalize screen asks), and can make the draft an amendment of one of them instead.
 */
const tempDir = useTempDirs();

async function setup() {
  const h = openHarness(tempDir());
  const identities = createIdentityService(h.deps);
  const { identity } = await identities.create({ ...AMINA, email: '' });
  return { h, identityId: identity.id, identities, submissions: createSubmissionService(h.deps) };
}

describe('same respondent, before finalizing a first revision', () => {
  it('lists the other submission of the same mechanism and respondent, and nothing for another mechanism', async () => {
    const { h, identityId, submissions } = await setup();
    const first = insertDraft(h.db, fullSecretariatAnswers({ today: today() }), 'Bali Process 2026');
    const r1 = await submissions.finalize({ draftId: first, identityId, passphrase: PASSPHRASE });
    const copy = insertDraft(h.db, fullSecretariatAnswers({ today: today() }), 'Bali Process 2026 (copy)');
    const report = submissions.sameRespondentChains(copy);
    expect(report).toEqual({
      respondentKey: 'bali_process/secretariat',
      isAmendment: false,
      chains: [
        {
          rootId: r1.id,
          latestId: r1.id,
          latestRevision: 1,
          finalizedAt: r1.finalizedAt,
          respondentName: 'Amina Diallo',
          signerName: 'Amina Diallo',
          draftTitle: 'Bali Process 2026',
          openAmendmentDraftId: null,
        },
      ],
    });
    // The finalized draft itself is not "another" submission.
    expect(submissions.sameRespondentChains(first).chains).toEqual([]);
    const colombo = insertDraft(h.db, { ...fullSecretariatAnswers({ today: today() }), mechanism: 'colombo_process' });
    expect(submissions.sameRespondentChains(colombo)).toMatchObject({ respondentKey: 'colombo_process/secretariat', chains: [] });
    h.db.close();
  });

  it('turns the draft into the amendment: its own answers become revision 2 of that submission', async () => {
    const { h, identityId, submissions } = await setup();
    const r1 = await submissions.finalize({ draftId: insertDraft(h.db, fullSecretariatAnswers({ today: today() })), identityId, passphrase: PASSPHRASE });
    const copy = insertDraft(h.db, { ...fullSecretariatAnswers({ today: today() }), number_of_states: 49 });
    expect(submissions.turnIntoAmendment(copy, r1.id)).toMatchObject({ id: copy, status: 'draft' });
    expect(submissions.sameRespondentChains(copy)).toMatchObject({ isAmendment: true, chains: [] });
    expect(submissions.get(r1.id).amendmentDraftId).toBe(copy);
    const r2 = await submissions.finalize({ draftId: copy, identityId, passphrase: PASSPHRASE });
    expect(r2).toMatchObject({ revision: 2, rootId: r1.id, supersedes: r1.id });
    const frozen = h.db.prepare<[string], { responses_json: string }>('SELECT responses_json FROM submissions WHERE id = ?').get(r2.id);
    expect(JSON.parse(frozen?.responses_json ?? '{}')).toMatchObject({ number_of_states: 49 });
    h.db.close();
  });

  it('refuses a superseded revision, a revision another draft amends, another mechanism, a finalized draft', async () => {
    const { h, identityId, submissions } = await setup();
    const r1 = await submissions.finalize({ draftId: insertDraft(h.db, fullSecretariatAnswers({ today: today() })), identityId, passphrase: PASSPHRASE });
    const amending = submissions.amend(r1.id);
    await expectAppError(() => submissions.turnIntoAmendment(insertDraft(h.db, fullSecretariatAnswers({ today: today() })), r1.id), 'CONFLICT');
    const r2 = await submissions.finalize({ draftId: amending.id, identityId, passphrase: PASSPHRASE });
    await expectAppError(() => submissions.turnIntoAmendment(insertDraft(h.db, fullSecretariatAnswers({ today: today() })), r1.id), 'CONFLICT');
    const colombo = insertDraft(h.db, { ...fullSecretariatAnswers({ today: today() }), mechanism: 'colombo_process' });
    await expectAppError(() => submissions.turnIntoAmendment(colombo, r2.id), 'CONFLICT');
    await expectAppError(() => submissions.turnIntoAmendment(amending.id, r2.id), 'READ_ONLY');
    await expectAppError(() => submissions.turnIntoAmendment(colombo, '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    h.db.close();
  });

  it('an amendment must be signed with the key that signed the revision it supersedes (IOM binds the chain to it)', async () => {
    const { h, identityId, identities, submissions } = await setup();
    const r1 = await submissions.finalize({ draftId: insertDraft(h.db, fullSecretariatAnswers({ today: today() })), identityId, passphrase: PASSPHRASE });
    const { identity: other } = await identities.create({ ...AMINA, name: 'Amina (new laptop)', email: '' });
    const amendment = submissions.amend(r1.id);
    await expectAppError(submissions.finalize({ draftId: amendment.id, identityId: other.id, passphrase: PASSPHRASE }), 'CONFLICT');
    expect(h.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM submissions').get()?.n).toBe(1);
    h.db.close();
  });

  it('finds the State of a revision frozen before package format 2 in its signed answers', () => {
    const row = (respondent: object, responses: object) =>
      ({
        mechanism_json: JSON.stringify({ value: 'bali_process', label: 'Bali Process', kind: 'rcp' }),
        respondent_json: JSON.stringify(respondent),
        responses_json: JSON.stringify(responses),
      }) as SubmissionRow;
    const old = respondentOfRevision(row({ kind: 'state', organisation: 'Ministry', name: '', role: '', email: '' }, { state_name: "Côte d'Ivoire" }));
    const current = respondentOfRevision(row({ kind: 'state', organisation: 'Ministry', name: '', role: '', email: '', state: 'COTE D’IVOIRE' }, {}));
    expect(old.key).toBe('bali_process/state/cote-d-ivoire');
    expect(current.key).toBe(old.key);
  });
});
