import { useCallback } from 'react';
import { useApi } from '../api/api-context.js';
import type { IscmApi } from '../../core/contract/index.js';
import { unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { AmendAction } from './AmendAction.js';
import { ExportPanel } from './ExportPanel.js';
import { signingHref } from './signing-route.js';
import { SummaryView } from './SummaryView.js';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { useLoader } from '../api/use-loader.js';

async function loadScreen(api: IscmApi, id: string) {
  const [submission, info] = await Promise.all([
    unwrap(api.submissions.get({ id })),
    unwrap(api.app.info({})),
  ]);
  return { submission, host: info.host };
}

/** One signed revision: its facts, the export, the amend action and the readable summary. */
export function RevisionScreen({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation('signing');
  const lang = useLanguage();
  const api = useApi();
  const { data, error, reload } = useLoader(useCallback(() => loadScreen(api, submissionId), [api, submissionId]));
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{t('loading')}</p>;
  const { submission, host } = data;
  return (
    <section className="signing" aria-labelledby="revision-heading">
      <h1 id="revision-heading">{t('revisionHeading', { revision: submission.revision })}</h1>
      {submission.development && (
        <p className="dev-warning" role="note" data-testid="dev-warning">
          <strong>{t('devWarning')}</strong>
        </p>
      )}
      <dl className="revision-facts no-print">
        <dt>{t('mechanismFact')}</dt>
        <dd>{submission.mechanism.label}</dd>
        <dt>{t('finalizedAt')}</dt>
        <dd>{formatDateTime(lang, submission.finalizedAt)}</dd>
        <dt>{t('signedBy')}</dt>
        <dd>
          {submission.signer.name}
          {submission.signer.title ? `, ${submission.signer.title}` : ''} (<code>{submission.signer.fingerprint}</code>)
        </dd>
        <dt>{t('submissionId')}</dt>
        <dd>
          <code>{submission.id}</code>
        </dd>
        <dt>{t('supersedes')}</dt>
        <dd>
          {submission.supersedes ? (
            <a href={signingHref({ name: 'revision', submissionId: submission.supersedes })}>
              {t('openOlder', { revision: submission.revision - 1 })}
            </a>
          ) : (
            t('supersedesNone')
          )}
        </dd>
        <dt>{t('recipients')}</dt>
        <dd>{submission.recipients.map((r) => r.label).join('; ')}</dd>
      </dl>
      <div className="no-print">
        <ExportPanel submission={submission} host={host} onExported={reload} />
        <AmendAction submission={submission} />
      </div>
      <SummaryView submission={submission} host={host} />
    </section>
  );
}
