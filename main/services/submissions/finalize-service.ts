import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../core/contract/errors.js';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { Submission } from '../../../core/contract/channels/submissions.js';
import type { AnswerValue } from '../../../core/answers/value.js';
import { evaluate, responseToAnswers, toResponse } from '../../../core/questionnaire/index.js';
import { answersRepo } from '../../../db/repos/answers.js';
import { attachmentsRepo } from '../../../db/repos/attachments.js';
import { backupBeforeFinalize } from '../backup/index.js';
import { draftsRepo, type DraftRow } from '../../../db/repos/drafts.js';
import { submissionsRepo, type SubmissionRow } from '../../../db/repos/submissions.js';
import { isoNow } from '../clock.js';
import { toSummary } from '../drafts/draft-service.js';
import { APP_NAME, type SigningDeps } from '../identities/deps.js';
import type { IdentityService } from '../identities/identity-service.js';
import type { QuestionnaireSource, RecipientSource } from './questionnaire-source.js';
import { attachmentFilePath, attachmentsIn, mechanismOf, respondentOf } from './revision-fields.js';
import { toSubmission } from './stored-revision.js';
import { withoutGeneratedSuffixes } from '../../../core/drafts/draft-title.js';

const MAX_PROBLEMS_SENT = 200;

/** Finalizing a draft into an immutable revision, and amending a revision into a new draft. */
export function createFinalizeService(
  deps: SigningDeps,
  identities: IdentityService,
  questionnaires: QuestionnaireSource,
  recipients: RecipientSource,
) {
  const { db } = deps;
  const drafts = draftsRepo(db);
  const answers = answersRepo(db);
  const attachments = attachmentsRepo(db);
  const repo = submissionsRepo(db);

  const answerMap = (draftId: string): Record<string, AnswerValue> =>
    Object.fromEntries(answers.all(draftId).map((a) => [a.path, JSON.parse(a.value_json) as AnswerValue]));

  const liveDraft = (id: string): DraftRow => {
    const row = drafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This draft does not exist or is in the trash.');
    return row;
  };

  /** The chain position of a draft's next revision: 1, or the amended one's + 1. */
  function chainFor(draftId: string, newId: string, identityId: string): Pick<SubmissionRow, 'root_id' | 'supersedes' | 'revision'> {
    const amendedId = repo.amendedBy(draftId);
    if (amendedId === undefined) return { root_id: newId, supersedes: null, revision: 1 };
    const previous = repo.get(amendedId);
    if (!previous) throw new AppError('INTERNAL', 'The revision this draft amends is missing.');
    if (repo.successorOf(previous.id))
      throw new AppError('CONFLICT', `Revision ${previous.revision} has already been superseded by another amendment.`);
    // IOM binds a submission to the key of its first revision and refuses a revision signed by another.
    if (previous.identity_id !== identityId)
      throw new AppError(
        'CONFLICT',
        `Revision ${previous.revision} was signed with another key: sign its amendment with the same key, or IOM will refuse it.`,
        { identityId: previous.identity_id },
      );
    return { root_id: previous.root_id, supersedes: previous.id, revision: previous.revision + 1 };
  }

  /** Everything checked and frozen in one IMMEDIATE transaction: no save can slip in between. */
  const freeze = db.transaction((draftId: string, identityId: string, at: string): SubmissionRow => {
    const draft = liveDraft(draftId);
    if (draft.status !== 'draft') throw new AppError('READ_ONLY', 'This draft is already finalized.');
    const loaded = questionnaires(draft.questionnaire_id, draft.questionnaire_version);
    const map = answerMap(draftId);
    const today = at.slice(0, 10);
    const problems = evaluate(loaded, map, { lang: draft.language, today }).problems;
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The response is not complete: ${problems.length} problem(s) to fix first.`,
        {
          problems: problems
            .slice(0, MAX_PROBLEMS_SENT)
            .map((p) => ({ path: p.path, sectionId: p.sectionId, message: p.message })),
        },
      );
    }
    const response = toResponse(loaded, map, { today });
    const files = attachmentsIn(response);
    const missing = files.filter(
      (f) => !repo.isStoredFile(f.sha256) || !fs.existsSync(attachmentFilePath(deps.dataDir, f.sha256)),
    );
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'An attached file is missing from the attachment store; attach it again.',
        {
          problems: missing.map((f) => ({ path: '', sectionId: '', message: `Missing file: ${f.name}` })),
        },
      );
    }
    const identity = identities.get(identityId);
    const id = randomUUID();
    const row: SubmissionRow = {
      id,
      ...chainFor(draftId, id, identityId),
      draft_id: draftId,
      identity_id: identityId,
      questionnaire_id: draft.questionnaire_id,
      questionnaire_version: draft.questionnaire_version,
      language: draft.language,
      mechanism_json: JSON.stringify(mechanismOf(loaded, map, draft.mechanism)),
      respondent_json: JSON.stringify(respondentOf(map)),
      signer_json: JSON.stringify({
        name: identity.name,
        title: identity.title,
        organisation: identity.organisation,
        email: identity.email,
        publicKey: identity.publicKey,
        fingerprint: identity.fingerprint,
      }),
      recipients_json: JSON.stringify(recipients(draft.questionnaire_id, draft.questionnaire_version)),
      responses_json: JSON.stringify(response),
      attachments_json: JSON.stringify(files),
      app_name: APP_NAME,
      app_version: deps.appVersion,
      finalized_at: at,
    };
    repo.insert(
      row,
      files.map((f) => f.sha256),
    );
    drafts.setStatus(draftId, 'finalized', at);
    return row;
  });

  const openAmendment = db.transaction((submissionId: string, at: string): string => {
    const previous = repo.get(submissionId);
    if (!previous) throw new AppError('NOT_FOUND', 'This revision does not exist.');
    const successor = repo.successorOf(submissionId);
    if (successor)
      throw new AppError('CONFLICT', 'A newer revision exists: amend that one instead.', { latest: successor });
    const open = repo.amendmentDraftOf(submissionId);
    if (open) return open; // one amendment at a time: reopen the draft already started
    const source = drafts.getEvenTrashed(previous.draft_id);
    const draftId = randomUUID();
    drafts.insert({
      id: draftId,
      // The user's own title: the revision is shown beside it (a badge), so amending an amendment
      // does not pile up "(revision 2) (revision 3)". Suffixes the app added before (a revision, a
      // duplicate's "(copie)", in any order) are dropped.
      title: withoutGeneratedSuffixes(source?.title ?? 'Assessment') || 'Assessment',
      questionnaire_id: previous.questionnaire_id,
      questionnaire_version: previous.questionnaire_version,
      respondent_kind: source?.respondent_kind ?? 'secretariat',
      mechanism: source?.mechanism ?? null,
      language: previous.language,
      created_at: at,
    });
    // The draft's own answers (irrelevant ones included) so nothing typed is lost; they are
    // what the revision was made from.
    const kept = source ? answers.all(previous.draft_id) : [];
    if (kept.length > 0) for (const a of kept) answers.save(draftId, a.path, a.value_json, at);
    else {
      // The draft was emptied from the trash: start again from the revision's frozen answers.
      const loaded = questionnaires(previous.questionnaire_id, previous.questionnaire_version);
      const frozen = responseToAnswers(loaded, JSON.parse(previous.responses_json) as Record<string, unknown>);
      for (const [p, v] of Object.entries(frozen)) answers.save(draftId, p, JSON.stringify(v), at);
    }
    attachments.copyUses(previous.draft_id, draftId, at);
    repo.recordAmendment(draftId, submissionId);
    return draftId;
  });

  /**
   * The freeze, once the caller has proved the signer holds the key (`finalize`, or
   * finalize-and-export, which unlocks the key once for both steps).
   */
  async function finalizeProven(input: { draftId: string; identityId: string }): Promise<Submission> {
    liveDraft(input.draftId);
    // A copy of the database as it was before the draft became immutable (a full disk stops here).
    await backupBeforeFinalize(db, deps.clock);
    const row = freeze.immediate(input.draftId, input.identityId, isoNow(deps.clock));
    return toSubmission(row, repo);
  }

  return {
    async finalize(input: { draftId: string; identityId: string; passphrase: string }): Promise<Submission> {
      liveDraft(input.draftId);
      // The passphrase proves the signer holds the key before anything is frozen.
      (await identities.unlock(input.identityId, input.passphrase)).fill(0);
      return finalizeProven(input);
    },

    finalizeProven,

    amend(submissionId: string): DraftSummary {
      const draftId = openAmendment.immediate(submissionId, isoNow(deps.clock));
      return toSummary(liveDraft(draftId));
    },
  };
}
export type FinalizeService = ReturnType<typeof createFinalizeService>;
