import { useState } from 'react';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { goTo, signingHref } from './signing-route.js';
import { useTranslation } from 'react-i18next';

/** "Amend": a new draft with these answers, whose finalize supersedes this revision. */
export function AmendAction({ submission }: { submission: Submission }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const [error, setError] = useState<string | undefined>();
  if (submission.supersededBy) {
    return (
      <section className="signing-amend no-print" aria-labelledby="amend-heading">
        <h2 id="amend-heading">{t('amendHeading')}</h2>
        <p>{t('supersededBy')}</p>
        <a href={signingHref({ name: 'revision', submissionId: submission.supersededBy })}>{t('openNewer')}</a>
      </section>
    );
  }
  async function amend() {
    const result = await api.submissions.amend({ id: submission.id });
    if (result.ok) goTo({ draftId: result.value.id });
    else setError(errorText(result.error));
  }
  return (
    <section className="signing-amend no-print" aria-labelledby="amend-heading">
      <h2 id="amend-heading">{t('amendHeading')}</h2>
      <p>{t('amendIntro')}</p>
      {submission.amendmentDraftId ? (
        <a href={`#/drafts/${encodeURIComponent(submission.amendmentDraftId)}`}>{t('continueAmend')}</a>
      ) : (
        <button type="button" onClick={() => void amend()}>
          {t('amend', { revision: submission.revision + 1 })}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
