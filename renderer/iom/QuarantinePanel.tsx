import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { reasonWords, stageWords } from './words.js';

/** Every rejected file: name, hash, its mechanism when known, the stage that refused it, and why. */
export function QuarantinePanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const lang = useLanguage();
  const load = useCallback(async () => {
    const [rows, status] = await Promise.all([unwrap(api.iom.listQuarantine({})), unwrap(api.iom.status({ lang }))]);
    // The mechanism by its name, not its key.
    return { rows, names: new Map(status.mechanisms.map((m) => [m.mechanism, m.label])) };
  }, [api, lang]);
  const loaded = useLoader(load);
  if (loaded.error) return <p className="error">{loaded.error}</p>;
  if (!loaded.data) return <p>{t('loading')}</p>;
  const { rows: data, names } = loaded.data;
  return (
    <div>
      <h2>{t('quarantine.heading')}</h2>
      {data.length === 0 ? (
        <p>{t('quarantine.none')}</p>
      ) : (
        <table aria-label={t('quarantine.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('quarantine.colWhen')}</th>
              <th scope="col">{t('quarantine.colFile')}</th>
              <th scope="col">{t('quarantine.colMechanism')}</th>
              <th scope="col">{t('quarantine.colStage')}</th>
              <th scope="col">{t('quarantine.colWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.id} data-code={q.code}>
                <td>{formatDateTime(lang, q.at)}</td>
                <td title={q.filePath}>
                  {q.fileName}
                  <br />
                  <span className="mono">{q.sha256 ? `SHA-256 ${q.sha256.slice(0, 16)}…` : t('quarantine.unreadable')}</span>
                </td>
                <td>{q.mechanism === null ? t('quarantine.unknownMechanism') : (names.get(q.mechanism) ?? q.mechanism)}</td>
                <td>{stageWords(t, q.stage)}</td>
                <td>
                  {reasonWords(t, q.code, q.message)} <code className="detail">{q.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
