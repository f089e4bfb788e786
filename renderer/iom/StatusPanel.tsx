import { LanguageSelect } from './LanguageSelect.js';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { unwrap } from '../api/errors.js';
import { formatCalendarDate, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';

/** Per mechanism of the questionnaire's list: the current submissions, or none yet. */
export function StatusPanel() {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  // The language of the mechanisms' names (data), not of the screen.
  const [lang, setLang] = useState<Language>('en');
  const load = useCallback(() => unwrap(window.iscm.iom.status({ lang })), [lang]);
  const { data, error } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>{t('app.loading')}</p>;
  const withData = data.filter((m) => m.current.length > 0).length;
  return (
    <div>
      <h2>{t('iom.status.heading')}</h2>
      <p>
        {t('iom.status.summary', { withData: formatNumber(uiLang, withData), total: formatNumber(uiLang, data.length) })}{' '}
        <LanguageSelect label={t('iom.status.namesIn')} value={lang} onChange={setLang} />
      </p>
      <table aria-label={t('iom.status.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('iom.status.colMechanism')}</th>
            <th scope="col">{t('iom.status.colKind')}</th>
            <th scope="col">{t('iom.status.colCurrent')}</th>
            <th scope="col">{t('iom.status.colPinned')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((m) => (
            <tr key={m.mechanism}>
              <td>
                {m.label}
                {m.listed ? '' : ` ${t('iom.status.notListed')}`}
              </td>
              <td>{m.kind}</td>
              <td>
                {m.current.length === 0
                  ? t('iom.status.noSubmission')
                  : m.current.map((c) => (
                      <div key={c.submissionId}>
                        <a href={iomHref({ tab: 'submissions', submissionId: c.submissionId })}>
                          {t('iom.status.revisionLink', {
                            respondent: t(`iom.respondentKinds.${c.respondentKind}`, { defaultValue: c.respondentKind }),
                            revision: formatNumber(uiLang, c.revision),
                          })}
                        </a>
                        {t('iom.status.signed', { signer: c.signerName, date: formatCalendarDate(uiLang, c.finalizedAt.slice(0, 10)) })}
                      </div>
                    ))}
              </td>
              <td className="mono">{m.pinnedFingerprint ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
