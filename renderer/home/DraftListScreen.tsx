import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useLanguageHandler } from '../i18n/language-handler.js';
import { setUiLanguage } from '../i18n/index.js';
import { useLanguage } from '../i18n/use-language.js';
import { routeHref } from '../routing/hash-route.js';
import { CreateDraftForm } from './CreateDraftForm.js';
import { DraftRow } from './DraftRow.js';
import { useCurrentQuestionnaire, useDraftList } from './use-drafts.js';
import { InstallRelease } from '../releases/InstallRelease.js';
import { useRevisionsByDraft } from '../journey/use-revisions.js';

const switchHomeLanguage = (lang: Parameters<typeof setUiLanguage>[0]) => void setUiLanguage(lang);

/** Home: the drafts on this computer, and a new one. */
export function DraftListScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { drafts, error, refresh } = useDraftList('list');
  const questionnaire = useCurrentQuestionnaire();
  const revisions = useRevisionsByDraft(drafts);
  useLanguageHandler(switchHomeLanguage);
  return (
    <section aria-labelledby="drafts-heading" className="home">
      <div className="screen-head">
        <h1 id="drafts-heading">{t('home.heading')}</h1>
        <a href={routeHref({ name: 'trash' })}>{t('home.trashLink')}</a>
      </div>
      {error && <ErrorMessage message={error} onRetry={() => void refresh()} />}
      {/* The rows wait for the questionnaire too: drawn once, with the mechanisms' names, not once with codes and again. */}
      {drafts === undefined || (questionnaire.loaded === undefined && questionnaire.error === undefined) ? (
        !error && <p>{t('app.loading')}</p>
      ) : drafts.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="draft-table">
            <caption>{t('home.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.colTitle')}</th>
                <th scope="col">{t('home.colMechanism')}</th>
                <th scope="col">{t('home.colRespondent')}</th>
                <th scope="col">{t('home.colVersion')}</th>
                <th scope="col">{t('home.colLanguage')}</th>
                <th scope="col">{t('home.colUpdated')}</th>
                <th scope="col">{t('home.colProgress')}</th>
                <th scope="col">{t('home.colStatus')}</th>
                <th scope="col">{t('home.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <DraftRow
                  key={d.id}
                  draft={d}
                  loaded={questionnaire.loaded}
                  onChanged={refresh}
                  t={t}
                  lang={lang}
                  {...revisions.of(d.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {questionnaire.error && <ErrorMessage message={questionnaire.error} onRetry={questionnaire.retry} />}
      {questionnaire.loaded && <CreateDraftForm loaded={questionnaire.loaded} />}
      <InstallRelease
        onInstalled={() => {
          void refresh();
          questionnaire.retry();
        }}
      />
    </section>
  );
}
