import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';

const loadQuarantine = () => unwrap(window.iscm.iom.listQuarantine({}));

/** Every rejected file: name, hash, the stage that refused it, the code and why. */
export function QuarantinePanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { data, error } = useLoader(loadQuarantine);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>{t('app.loading')}</p>;
  return (
    <div>
      <h2>{t('iom.quarantine.heading')}</h2>
      {data.length === 0 ? (
        <p>{t('iom.quarantine.none')}</p>
      ) : (
        <table aria-label={t('iom.quarantine.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('iom.quarantine.colWhen')}</th>
              <th scope="col">{t('iom.quarantine.colFile')}</th>
              <th scope="col">{t('iom.quarantine.colStage')}</th>
              <th scope="col">{t('iom.quarantine.colCode')}</th>
              <th scope="col">{t('iom.quarantine.colWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.id}>
                <td>{formatDateTime(lang, q.at)}</td>
                <td title={q.filePath}>
                  {q.fileName}
                  <br />
                  <span className="mono">{q.sha256 ? `SHA-256 ${q.sha256.slice(0, 16)}…` : t('iom.quarantine.unreadable')}</span>
                </td>
                <td>{q.stage}</td>
                <td>
                  <code>{q.code}</code>
                </td>
                <td>{q.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
