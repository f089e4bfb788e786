import { useCallback } from 'react';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { signingHref } from './signing-route.js';
import { useTranslation } from 'react-i18next';
import { useLoader } from '../api/use-loader.js';

/**
 * The review screen's way on: "Finalize and sign" once nothing is missing, or the signed
 * revision once the draft is finalized. The finalize screen checks again; main decides.
 */
export function FinalizeEntry({ draftId, problemCount }: { draftId: string; problemCount: number }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const { data: revisions } = useLoader(useCallback(() => unwrap(api.submissions.list({ draftId })), [api, draftId]));
  const revision = revisions?.[0];
  if (revision) {
    return (
      <p className="finalize-entry no-print">
        {t('alreadyFinalized')}{' '}
        <a href={signingHref({ name: 'revision', submissionId: revision.id })}>{t('openRevision')}</a>
      </p>
    );
  }
  return (
    <p className="finalize-entry no-print">
      {problemCount === 0 ? (
        <a className="button primary" href={signingHref({ name: 'finalize', draftId })}>
          {t('finalize')}
        </a>
      ) : (
        <span className="help">{t('notValid', { count: problemCount })}</span>
      )}
    </p>
  );
}
