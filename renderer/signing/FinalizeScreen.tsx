import { useCallback, useState, type SyntheticEvent } from 'react';
import type { Draft } from '../../core/contract/channels/drafts.js';
import type { Identity } from '../../core/contract/channels/identities.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { evaluate } from '../../core/questionnaire/index.js';
import { errorText, unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { fetchQuestionnaire } from '../questionnaire/load.js';
import { goTo, signingHref } from './signing-route.js';
import { useSigningText } from './texts.js';
import { PassphraseField } from './PassphraseField.js';
import { useLoader } from '../api/use-loader.js';

interface ScreenData {
  readonly draft: Draft;
  readonly problems: number;
  readonly identities: Identity[];
  readonly revision: Submission | undefined;
}

async function loadScreen(draftId: string): Promise<ScreenData> {
  const draft = await unwrap(window.iscm.drafts.get({ id: draftId }));
  const [loaded, identities, revisions] = await Promise.all([
    fetchQuestionnaire(draft.questionnaireId, draft.questionnaireVersion),
    unwrap(window.iscm.identities.list({})),
    unwrap(window.iscm.submissions.list({ draftId })),
  ]);
  // The same check main makes before it freezes anything; main has the last word.
  const problems = evaluate(loaded, draft.answers, { lang: draft.language }).problems.length;
  return { draft, problems, identities, revision: revisions[0] };
}

/** The declaration, the signing key and its passphrase: then the draft becomes a signed revision. */
export function FinalizeScreen({ draftId }: { draftId: string }) {
  const s = useSigningText();
  const { data, error, reload } = useLoader(useCallback(() => loadScreen(draftId), [draftId]));
  const [declared, setDeclared] = useState(false);
  const [chosen, setChosen] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{s('loading')}</p>;
  const reviewHref = `#/drafts/${encodeURIComponent(draftId)}/review`;
  const identityId = chosen || data.identities[0]?.id || '';

  if (data.draft.status !== 'draft') {
    return (
      <section className="signing" aria-labelledby="finalize-heading">
        <h1 id="finalize-heading">{s('finalizeHeading')}</h1>
        <p>{s('alreadyFinalized')}</p>
        {data.revision && (
          <a href={signingHref({ name: 'revision', submissionId: data.revision.id })}>{s('openRevision')}</a>
        )}
      </section>
    );
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const result = await window.iscm.submissions.finalize({ draftId, identityId, passphrase, declaration: true });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      goTo({ name: 'revision', submissionId: result.value.id });
    } else setFailure(errorText(result.error));
  }

  return (
    <section className="signing" aria-labelledby="finalize-heading">
      <h1 id="finalize-heading">{s('finalizeHeading')}</h1>
      <p className="signing-draft-title">{data.draft.title}</p>
      <p>{s('finalizeIntro')}</p>
      {data.problems > 0 ? (
        <div role="alert" className="error-box">
          <p>{s('notValid', { count: data.problems })}</p>
          <a href={reviewHref}>{s('toReview')}</a>
        </div>
      ) : data.identities.length === 0 ? (
        <p>
          {s('needIdentity')} <a href={signingHref({ name: 'identities' })}>{s('createIdentityLink')}</a>
        </p>
      ) : (
        <form className="signing-form" onSubmit={(e) => void submit(e)}>
          <div className="field checkbox">
            <input
              id="finalize-declaration"
              type="checkbox"
              checked={declared}
              onChange={(e) => setDeclared(e.target.checked)}
              required
            />
            <label htmlFor="finalize-declaration">{s('declaration')}</label>
          </div>
          <div className="field">
            <label htmlFor="finalize-identity">{s('identity')}</label>
            <select id="finalize-identity" value={identityId} onChange={(e) => setChosen(e.target.value)}>
              {data.identities.map((i) => (
                <option key={i.id} value={i.id}>
                  {`${i.name} (${i.fingerprint})`}
                </option>
              ))}
            </select>
          </div>
          <PassphraseField id="finalize-passphrase" value={passphrase} onChange={setPassphrase} />
          {failure && (
            <p role="alert" className="error">
              {failure}
            </p>
          )}
          <button type="submit" disabled={busy || !declared || passphrase === ''}>
            {busy ? s('finalizing') : s('finalize')}
          </button>
        </form>
      )}
      <p>
        <a href={reviewHref}>{s('toReview')}</a>
      </p>
    </section>
  );
}
