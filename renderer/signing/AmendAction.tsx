import { useState } from 'react';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { errorText } from '../api/errors.js';
import { goTo, signingHref } from './signing-route.js';
import { useSigningText } from './texts.js';

/** "Amend": a new draft with these answers, whose finalize supersedes this revision. */
export function AmendAction({ submission }: { submission: Submission }) {
  const s = useSigningText();
  const [error, setError] = useState<string | undefined>();
  if (submission.supersededBy) {
    return (
      <section className="signing-amend no-print" aria-labelledby="amend-heading">
        <h2 id="amend-heading">{s('amendHeading')}</h2>
        <p>{s('supersededBy')}</p>
        <a href={signingHref({ name: 'revision', submissionId: submission.supersededBy })}>{s('openNewer')}</a>
      </section>
    );
  }
  async function amend() {
    const result = await window.iscm.submissions.amend({ id: submission.id });
    if (result.ok) goTo({ draftId: result.value.id });
    else setError(errorText(result.error));
  }
  return (
    <section className="signing-amend no-print" aria-labelledby="amend-heading">
      <h2 id="amend-heading">{s('amendHeading')}</h2>
      <p>{s('amendIntro')}</p>
      {submission.amendmentDraftId ? (
        <a href={`#/drafts/${encodeURIComponent(submission.amendmentDraftId)}`}>{s('continueAmend')}</a>
      ) : (
        <button type="button" onClick={() => void amend()}>
          {s('amend', { revision: submission.revision + 1 })}
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
