import { AppError } from '../../../core/contract/errors.js';
import type { Submission, SummaryDocument } from '../../../core/contract/channels/submissions.js';
import { submissionsRepo, type SubmissionRow } from '../../../db/repos/submissions.js';
import type { SigningDeps } from '../identities/deps.js';
import { createIdentityService } from '../identities/identity-service.js';
import { exportsDir, freePathIn } from '../identities/file-output.js';
import { writeFileAtomic } from '../atomic-file.js';
import { classifyStorageError } from '../storage-errors.js';
import { createExportService } from './export-service.js';
import { createFinalizeService } from './finalize-service.js';
import { createQuestionnaireSource, createRecipientSource } from './questionnaire-source.js';
import { summaryFileName } from './package-file-name.js';
import { createSameRespondentService } from './same-respondent.js';
import { fileNameFactsOf, toSubmission } from './stored-revision.js';
import { toSummary } from '../drafts/draft-service.js';
import { buildSummary, summaryHtml } from './summary.js';

/** Finalized revisions: finalize, amend, export, list, and the readable summary. */
export function createSubmissionService(deps: SigningDeps) {
  const identities = createIdentityService(deps);
  const questionnaires = createQuestionnaireSource(deps.questionnaires);
  const finalizer = createFinalizeService(deps, identities, questionnaires, createRecipientSource(deps.questionnaires));
  const exporter = createExportService(deps, identities);
  const repo = submissionsRepo(deps.db);
  const sameRespondent = createSameRespondentService(deps.db, questionnaires);

  const requireRow = (id: string): SubmissionRow => {
    const row = repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This revision does not exist.');
    return row;
  };

  const summary = (id: string, language?: string): SummaryDocument => {
    const row = requireRow(id);
    return buildSummary(row, questionnaires(row.questionnaire_id, row.questionnaire_version), language ?? row.language);
  };

  return {
    list(draftId?: string): Submission[] {
      if (draftId === undefined) return repo.list().map((r) => toSubmission(r, repo));
      const row = repo.forDraft(draftId);
      return row ? [toSubmission(row, repo)] : [];
    },
    get: (id: string): Submission => toSubmission(requireRow(id), repo),
    finalize: (input: Parameters<typeof finalizer.finalize>[0]) => finalizer.finalize(input),
    amend: (id: string) => finalizer.amend(id),
    /** Before finalizing a first revision: other submissions on this computer for the same mechanism and respondent. */
    sameRespondentChains: (draftId: string) => sameRespondent.sameRespondentChains(draftId),
    /** Makes the draft the amendment of that revision (the user's answer to the question above). */
    turnIntoAmendment: (draftId: string, submissionId: string) => toSummary(sameRespondent.turnIntoAmendment(draftId, submissionId)),
    export: (input: Parameters<typeof exporter.export>[0]) => exporter.export(input),
    /**
     * One passphrase for both steps: the key is unlocked once, proves the signer, signs the
     * package, and is wiped before returning; the passphrase is not kept. After the freeze, an
     * export that fails or is cancelled leaves the revision finalized and says why.
     */
    async finalizeAndExport(input: { draftId: string; identityId: string; passphrase: string; operationId: string }) {
      const key = await identities.unlock(input.identityId, input.passphrase);
      try {
        const submission = await finalizer.finalizeProven(input);
        try {
          const exported = await exporter.export({ id: submission.id, passphrase: { unlocked: key }, operationId: input.operationId });
          return { submission: toSubmission(requireRow(submission.id), repo), exported, exportError: null };
        } catch (error) {
          const exportError =
            error instanceof AppError
              ? { code: error.code, message: error.message }
              : (classifyStorageError(error, deps.dataDir) ?? { code: 'INTERNAL' as const, message: 'The package could not be written.' });
          return { submission, exported: null, exportError };
        }
      } finally {
        key.fill(0);
      }
    },
    cancelExport: (operationId: string) => exporter.cancel(operationId),
    summary,
    async saveSummaryHtml(id: string, language?: string): Promise<{ path: string }> {
      const row = requireRow(id);
      const lang = language ?? row.language;
      const target = await freePathIn(exportsDir(deps.dataDir), summaryFileName(fileNameFactsOf(row)));
      const html = summaryHtml(summary(id, lang), lang);
      await writeFileAtomic(target, html);
      deps.savedFiles?.record(target, 'summary', html);
      return { path: target };
    },
  };
}
export type SubmissionService = ReturnType<typeof createSubmissionService>;
