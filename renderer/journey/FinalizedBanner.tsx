import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../core/contract/channels/drafts.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { goTo, signingHref } from '../signing/signing-route.js';

export const FINALIZED_BANNER_ID = 'finalized-banner';

/**
 * At the top of a finalized or exported draft: what it is ("Finalized, revision 2, on …"),
 * that it cannot change, and the way to change it (Amend, or the amendment already open, or
 * the newer revision). Shown instead of letting edits be refused one by one.
 */
export function FinalizedBanner({ draftId, status }: { draftId: string; status: Exclude<DraftStatus, 'draft'> }) {
  const { t } = useTranslation('journey');
  const lang = useLanguage();
  const api = useApi();
  const { data: revisions, error } = useLoader(
    useCallback(() => unwrap(api.submissions.list({ draftId })), [api, draftId]),
  );
  const [amendError, setAmendError] = useState<string | undefined>();
  const revision = revisions?.[0];
  const { data: newer } = useLoader(
    useCallback(
      () =>
        revision?.supersededBy
          ? unwrap(api.submissions.get({ id: revision.supersededBy }))
          : Promise.resolve(undefined),
      [api, revision],
    ),
  );
  async function amend(id: string) {
    const result = await api.submissions.amend({ id });
    if (result.ok) goTo({ draftId: result.value.id });
    else setAmendError(errorText(result.error));
  }
  return (
    <section
      id={FINALIZED_BANNER_ID}
      className="finalized-banner"
      role="region"
      aria-labelledby="finalized-banner-heading"
    >
      <h2 id="finalized-banner-heading">
        {revision
          ? t(status === 'exported' ? 'exportedBanner' : 'finalizedBanner', {
              revision: formatNumber(lang, revision.revision),
              date: formatDateTime(lang, revision.finalizedAt),
            })
          : t('readOnlyFields')}
      </h2>
      <p>{t('readOnlyHelp')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {revision && (
        <p className="finalized-actions">
          <a href={signingHref({ name: 'revision', submissionId: revision.id })}>{t('openRevision')}</a>
          {revision.supersededBy ? (
            <a href={signingHref({ name: 'revision', submissionId: revision.supersededBy })}>
              {newer ? t('supersededBy', { revision: formatNumber(lang, newer.revision) }) : t('openRevision')}
            </a>
          ) : revision.amendmentDraftId ? (
            <a className="button-link primary" href={`#/drafts/${encodeURIComponent(revision.amendmentDraftId)}`}>
              {t('continueAmend')}
            </a>
          ) : (
            <button type="button" className="primary" onClick={() => void amend(revision.id)}>
              {t('amend', { revision: formatNumber(lang, revision.revision + 1) })}
            </button>
          )}
        </p>
      )}
      {amendError && (
        <p role="alert" className="error">
          {amendError}
        </p>
      )}
    </section>
  );
}
