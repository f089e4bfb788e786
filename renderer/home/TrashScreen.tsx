import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { formatDateTime } from '../i18n/format.js';
import { setUiLanguage } from '../i18n/index.js';
import { useLanguageHandler } from '../i18n/language-handler.js';
import { useLanguage } from '../i18n/use-language.js';
import { routeHref } from '../routing/hash-route.js';
import { useDraftList } from './use-drafts.js';

const switchLanguage = (lang: Parameters<typeof setUiLanguage>[0]) => void setUiLanguage(lang);

/** Drafts moved to the trash: restore one, or empty the trash for good after confirming. */
export function TrashScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const { drafts, error, setError, refresh } = useDraftList('trash');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  useLanguageHandler(switchLanguage);
  const act = async (call: () => Promise<string | undefined>) => {
    try {
      setNotice(await call());
      setConfirming(false);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const count = drafts?.length ?? 0;
  return (
    <section aria-labelledby="trash-heading">
      <div className="screen-head">
        <h1 id="trash-heading">{t('trash.heading')}</h1>
        <a href={routeHref({ name: 'home' })}>{t('trash.back')}</a>
      </div>
      {error && <ErrorMessage message={error} onRetry={() => void refresh()} />}
      <p role="status">{notice}</p>
      {drafts === undefined ? null : count === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <>
          <table className="draft-table">
            <caption>{t('trash.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.colTitle')}</th>
                <th scope="col">{t('trash.deletedAt')}</th>
                <th scope="col">{t('home.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td>{d.deletedAt ? formatDateTime(lang, d.deletedAt) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('trash.restoreNamed', { title: d.title })}
                      onClick={() => void act(async () => (await unwrap(api.drafts.restore({ id: d.id })), undefined))}
                    >
                      {t('trash.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {confirming ? (
            <div role="alertdialog" aria-labelledby="confirm-empty" className="confirm">
              <p id="confirm-empty">{t('trash.confirmEmpty', { count })}</p>
              <button
                type="button"
                autoFocus
                onClick={() => void act(async () => t('trash.emptied', { count: (await unwrap(api.drafts.emptyTrash({}))).removed }))}
              >
                {t('trash.confirmEmptyYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('home.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('trash.emptyTrash')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
