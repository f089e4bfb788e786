import type { Handlers } from '../../../core/contract/dispatch.js';
import type { SigningDeps } from '../identities/deps.js';
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
    cancelExport: ({ operationId }) => submissions.cancelExport(operationId),
    summary: ({ id, language }) => submissions.summary(id, language),
    saveSummaryHtml: ({ id, language }) => submissions.saveSummaryHtml(id, language),
  };
}
