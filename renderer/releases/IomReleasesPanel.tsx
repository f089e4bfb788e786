import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { contractErrorOf, refusalText } from './refusal-text.js';
import './releases.css';

/** IOM: the questionnaire versions iom.db accepts packages of, and adding the release of a new one. */
export function IomReleasesPanel() {
  const { t } = useTranslation('releases');
  const api = useApi();
  const lang = useLanguage();
  const loadList = useCallback(() => unwrap(api.releases.iomList({})), [api]);
  const loadInfo = useCallback(() => unwrap(api.iom.info({})), [api]);
  const list = useLoader(loadList);
  const canPick = useLoader(loadInfo).data?.canPickFiles === true;
  const [file, setFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<{ message: string; support: string | undefined } | undefined>();

  async function choose() {
    const result = await api.releases.iomPick({});
    if (result.ok && result.value.path !== null) setFile(result.value.path);
  }
  async function add() {
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      const added = await unwrap(api.releases.iomAdd({ path: file.trim() }));
      setMessage(t(added.alreadyKnown ? 'iom.alreadyKnown' : 'iom.added', { version: added.release.version }));
      list.reload();
    } catch (e) {
      setError(refusalText(t, contractErrorOf(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="iom-releases" aria-labelledby="iom-releases-heading">
      <h2 id="iom-releases-heading">{t('iom.heading')}</h2>
      <p>{t('iom.intro')}</p>
      <div className="iom-form">
        <div className="field">
          <label htmlFor="iom-release-file">{t('iom.path')}</label>
          <div className="inline">
            <input id="iom-release-file" value={file} onChange={(e) => setFile(e.target.value)} size={50} />
            {canPick && (
              <button type="button" onClick={() => void choose()} disabled={busy}>
                {t('iom.choose')}
              </button>
            )}
          </div>
        </div>
        <div>
          <button type="button" onClick={() => void add()} disabled={busy || file.trim() === ''}>
            {busy ? t('iom.adding') : t('iom.add')}
          </button>
        </div>
        <div role="status">{message && <p>{message}</p>}</div>
        {error && (
          <div role="alert" className="error-box">
            <p>{error.message}</p>
            {error.support && <p className="help">{error.support}</p>}
          </div>
        )}
      </div>
      {list.error && (
        <p role="alert" className="error">
          {list.error}
        </p>
      )}
      {list.data && list.data.releases.length === 0 && <p>{t('iom.none')}</p>}
      {list.data && list.data.releases.length > 0 && (
        <table>
          <caption>{t('iom.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('iom.colVersion')}</th>
              <th scope="col">{t('iom.colPublished')}</th>
              <th scope="col">{t('iom.colPublisher')}</th>
              <th scope="col">{t('iom.colAdded')}</th>
              <th scope="col">{t('iom.colSource')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.releases.map((r) => (
              <tr key={`${r.id}@${r.version}`}>
                <td>
                  {r.id} {r.version}
                </td>
                <td>{formatDateTime(lang, r.publishedAt)}</td>
                <td>{r.publisher}</td>
                <td>{formatDateTime(lang, r.addedAt)}</td>
                <td>{r.source === 'bundled' ? t('iom.sourceBundled') : t('iom.sourceAdded', { who: r.addedBy })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
