import { useCallback, useState } from 'react';
import type { Identity } from '../../core/contract/channels/identities.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { fetchCurrentQuestionnaire } from '../questionnaire/load.js';
import { textIn } from '../questionnaire/labels.js';
import { CreateIdentityForm, type MechanismOption } from './CreateIdentityForm.js';
import { IdentityCard } from './IdentityCard.js';
import { signingHref } from './signing-route.js';
import { useSigningText } from './texts.js';
import { useLoader } from '../api/use-loader.js';

interface ScreenData {
  readonly identities: Identity[];
  readonly revisions: Submission[];
  readonly mechanisms: MechanismOption[];
}

async function loadScreen(): Promise<ScreenData> {
  const [identities, revisions, loaded] = await Promise.all([
    unwrap(window.iscm.identities.list({})),
    unwrap(window.iscm.submissions.list({})),
    fetchCurrentQuestionnaire(),
  ]);
  const mechanisms = (loaded.choiceLists.get('mechanisms') ?? []).map((c) => ({
    value: c.value,
    label: textIn(loaded, c.label, 'en'),
  }));
  return { identities, revisions, mechanisms };
}

/** The signing keys on this computer, a form to make one, and every signed revision. */
export function IdentitiesScreen() {
  const s = useSigningText();
  const { data, error, reload } = useLoader(useCallback(loadScreen, []));
  const [created, setCreated] = useState<{ name: string; warning: string | null } | undefined>();
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{s('loading')}</p>;
  return (
    <section className="signing" aria-labelledby="identities-heading">
      <h1 id="identities-heading">{s('identitiesHeading')}</h1>
      <p>{s('identitiesIntro')}</p>
      {created && (
        <div role="status" className="notice">
          <p>{s('created', { name: created.name })}</p>
          {created.warning && <p className="warning">{created.warning}</p>}
        </div>
      )}
      {data.identities.length === 0 ? (
        <p>{s('noIdentity')}</p>
      ) : (
        data.identities.map((i) => <IdentityCard key={i.id} identity={i} />)
      )}
      <CreateIdentityForm
        mechanisms={data.mechanisms}
        onCreated={(identity, warning) => {
          setCreated({ name: identity.name, warning });
          reload();
        }}
      />
      <h2>{s('revisionsHeading')}</h2>
      {data.revisions.length === 0 ? (
        <p>{s('noRevisions')}</p>
      ) : (
        <ul>
          {data.revisions.map((r) => (
            <li key={r.id}>
              <a href={signingHref({ name: 'revision', submissionId: r.id })}>
                {s('revisionLink', {
                  mechanism: r.mechanism.label,
                  revision: r.revision,
                  date: r.finalizedAt.slice(0, 10),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
