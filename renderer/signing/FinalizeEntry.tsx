import { useCallback } from 'react';
import { unwrap } from '../api/errors.js';
import { signingHref } from './signing-route.js';
import { useSigningText } from './texts.js';
import { useLoader } from '../api/use-loader.js';

/**
 * The review screen's way on: "Finalize and sign" once nothing is missing, or the signed
 * revision once the draft is finalized. The finalize screen checks again; main decides.
 */
export function FinalizeEntry({ draftId, problemCount }: { draftId: string; problemCount: number }) {
  const s = useSigningText();
  const { data: revisions } = useLoader(useCallback(() => unwrap(window.iscm.submissions.list({ draftId })), [draftId]));
  const revision = revisions?.[0];
  if (revision) {
    return (
      <p className="finalize-entry no-print">
        {s('alreadyFinalized')}{' '}
        <a href={signingHref({ name: 'revision', submissionId: revision.id })}>{s('openRevision')}</a>
      </p>
    );
  }
  return (
    <p className="finalize-entry no-print">
      {problemCount === 0 ? (
        <a className="button primary" href={signingHref({ name: 'finalize', draftId })}>
          {s('finalize')}
        </a>
      ) : (
        <span className="help">{s('notValid', { count: problemCount })}</span>
      )}
    </p>
  );
}
