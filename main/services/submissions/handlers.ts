import type { Handlers } from '../../../core/contract/dispatch.js';
import type { SigningDeps } from '../identities/deps.js';
import { AppError } from '../../../core/contract/errors.js';
import { exportedFileOf } from './exported-file.js';
import { createSubmissionService } from './submission-service.js';

/** The `submissions.*` channels. */
export function submissionHandlers(deps: SigningDeps): Handlers['submissions'] {
  const submissions = createSubmissionService(deps);
  return {
    list: ({ draftId }) => submissions.list(draftId),
    get: ({ id }) => submissions.get(id),
    finalize: (input) => submissions.finalize(input),
    amend: ({ id }) => submissions.amend(id),
    sameRespondentChains: ({ draftId }) => {
      const report = submissions.sameRespondentChains(draftId);
      return { ...report, chains: [...report.chains] };
    },
    turnIntoAmendment: ({ draftId, submissionId }) => submissions.turnIntoAmendment(draftId, submissionId),
    export: ({ id, passphrase, operationId }) => submissions.export({ id, passphrase, operationId }),
    finalizeAndExport: ({ draftId, identityId, passphrase, operationId }) =>
      submissions.finalizeAndExport({ draftId, identityId, passphrase, operationId }),
    showExport: ({ id, path }) => {
      const show = deps.hostCapabilities?.showItemInFolder;
      if (!show) throw new AppError('NOT_SUPPORTED', 'This host cannot open a file manager; use the download link.');
      show(exportedFileOf(deps.db, { id, path }).path);
      return { shown: true as const };
    },
    // The web client answers this itself (a browser download); reaching main means the desktop.
    downloadExport: () => {
      throw new AppError('NOT_SUPPORTED', 'The desktop app saved the file where you chose; use Show in folder.');
    },
    cancelExport: ({ operationId }) => submissions.cancelExport(operationId),
    summary: ({ id, language }) => submissions.summary(id, language),
    saveSummaryHtml: ({ id, language }) => submissions.saveSummaryHtml(id, language),
  };
}
