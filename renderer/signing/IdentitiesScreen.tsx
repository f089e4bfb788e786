import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Identity } from '../../core/contract/channels/identities.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import type { AppInfo } from '../../core/contract/channels/app.js';
import { useApi } from '../api/api-context.js';
import type { IscmApi } from '../../core/contract/index.js';
import { unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { fetchCurrentQuestionnaire } from '../questionnaire/load.js';
import { MECHANISM_LIST, textIn } from '../questionnaire/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { formatDateTime } from '../i18n/format.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { CreateIdentityForm, type MechanismOption } from './CreateIdentityForm.js';
import { IdentityCard } from './IdentityCard.js';
import { signingHref } from './signing-route.js';
import { useTranslation } from 'react-i18next';
import { useLoader } from '../api/use-loader.js';

interface ScreenData {
  readonly identities: Identity[];
  readonly revisions: Submission[];
  readonly loaded: LoadedQuestionnaire;
  readonly host: AppInfo['host'];
}

async function loadScreen(api: IscmApi): Promise<ScreenData> {
  const [identities, revisions, loaded, info] = await Promise.all([
    unwrap(api.identities.list({})),
    unwrap(api.submissions.list({})),
    fetchCurrentQuestionnaire(api),
    unwrap(api.app.info({})),
  ]);
  return { identities, revisions, loaded, host: info.host };
}

/** The signing keys on this computer, a form to make one, and every signed revision. */
export function IdentitiesScreen() {
  const { t } = useTranslation('signing');
  const api = useApi();
  const { data, error, reload } = useLoader(useCallback(() => loadScreen(api), [api]));
  const lang = useLanguage();
  const mechanisms = useMemo<MechanismOption[]>(
    () => (data ? (data.loaded.choiceLists.get(MECHANISM_LIST) ?? []).map((c) => ({ value: c.value, label: textIn(data.loaded, c.label, lang) })) : []),
    [data, lang],
  );
  const [created, setCreated] = useState<{ id: string; name: string; warning: string | null } | undefined>();
  const notice = useRef<HTMLDivElement>(null);
  const shown = data?.identities.some((i) => i.id === created?.id) === true;
  useEffect(() => {
    // Once the new key's card is on screen: focus and scroll go to the success message, the card right below it.
    if (!shown) return;
    notice.current?.focus();
    notice.current?.scrollIntoView({ block: 'start' });
  }, [shown, created]);
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <section className="signing" aria-labelledby="identities-heading">
      <h1 id="identities-heading">{t('identitiesHeading')}</h1>
      <p>{t('identitiesIntro')}</p>
      {created && (
        <div role="status" className="notice" ref={notice} tabIndex={-1}>
          <p>{t('created', { name: created.name })}</p>
          {created.warning && <p className="warning">{created.warning}</p>}
        </div>
      )}
      {data.identities.length === 0 ? (
        <p>{t('noIdentity')}</p>
      ) : (
        data.identities.map((i) => <IdentityCard key={i.id} identity={i} host={data.host} />)
      )}
      <CreateIdentityForm
        mechanisms={mechanisms}
        onCreated={(identity, warning) => {
          setCreated({ id: identity.id, name: identity.name, warning });
          reload();
        }}
      />
      <h2>{t('revisionsHeading')}</h2>
      {data.revisions.length === 0 ? (
        <p>{t('noRevisions')}</p>
      ) : (
        <ul>
          {data.revisions.map((r) => (
            <li key={r.id}>
              <a href={signingHref({ name: 'revision', submissionId: r.id })}>
                {t('revisionLink', {
                  mechanism: r.mechanism.label,
                  revision: r.revision,
                  date: formatDateTime(lang, r.finalizedAt),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
