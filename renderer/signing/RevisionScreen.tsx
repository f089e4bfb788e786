import { useCallback } from 'react';
import { unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { AmendAction } from './AmendAction.js';
import { ExportPanel } from './ExportPanel.js';
import { signingHref } from './signing-route.js';
import { SummaryView } from './SummaryView.js';
import { useSigningText } from './texts.js';
import { useLoader } from '../api/use-loader.js';

async function loadScreen(id: string) {
  const [submission, info] = await Promise.all([
    unwrap(window.iscm.submissions.get({ id })),
    unwrap(window.iscm.app.info({})),
  ]);
  return { submission, host: info.host };
}

/** One signed revision: its facts, the export, the amend action and the readable summary. */
export function RevisionScreen({ submissionId }: { submissionId: string }) {
  const s = useSigningText();
  const { data, error, reload } = useLoader(useCallback(() => loadScreen(submissionId), [submissionId]));
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{s('loading')}</p>;
  const { submission, host } = data;
  return (
    <section className="signing" aria-labelledby="revision-heading">
      <h1 id="revision-heading">{s('revisionHeading', { revision: submission.revision })}</h1>
      {submission.development && (
        <p className="dev-warning" role="note" data-testid="dev-warning">
          <strong>{s('devWarning')}</strong>
        </p>
      )}
      <dl className="revision-facts no-print">
        <dt>{s('mechanismFact')}</dt>
        <dd>{submission.mechanism.label}</dd>
        <dt>{s('finalizedAt')}</dt>
        <dd>{submission.finalizedAt}</dd>
        <dt>{s('signedBy')}</dt>
        <dd>
          {submission.signer.name}
          {submission.signer.title ? `, ${submission.signer.title}` : ''} (<code>{submission.signer.fingerprint}</code>)
        </dd>
        <dt>{s('submissionId')}</dt>
        <dd>
          <code>{submission.id}</code>
        </dd>
        <dt>{s('supersedes')}</dt>
        <dd>
          {submission.supersedes ? (
            <a href={signingHref({ name: 'revision', submissionId: submission.supersedes })}>
              {s('openOlder', { revision: submission.revision - 1 })}
            </a>
          ) : (
            s('supersedesNone')
          )}
        </dd>
        <dt>{s('recipients')}</dt>
        <dd>{submission.recipients.map((r) => r.label).join('; ')}</dd>
      </dl>
      <div className="no-print">
        <ExportPanel submission={submission} onExported={reload} />
        <AmendAction submission={submission} />
      </div>
      <SummaryView submission={submission} host={host} />
    </section>
  );
}
