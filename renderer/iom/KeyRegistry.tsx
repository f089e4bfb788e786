import { useTranslation } from 'react-i18next';
import type { RegisteredSignerView } from '../../core/contract/channels/iom.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { respondentWords } from './words.js';

/** Every registered key, by mechanism and respondent: a mechanism has as many keys as respondents. */
export function KeyRegistry({ signers, names }: { signers: readonly RegisteredSignerView[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('iom');
  const lang = useLanguage();
  return (
    <section aria-labelledby="iom-registry-title">
      <h2 id="iom-registry-title">{t('keys.registryHeading')}</h2>
      <p>{t('keys.registryIntro')}</p>
      {signers.length === 0 ? (
        <p>{t('keys.noneRegistered')}</p>
      ) : (
        <table aria-label={t('keys.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('keys.colMechanism')}</th>
              <th scope="col">{t('keys.colRespondent')}</th>
              <th scope="col">{t('keys.colSigner')}</th>
              <th scope="col">{t('keys.colFingerprint')}</th>
              <th scope="col">{t('keys.colHow')}</th>
              <th scope="col">{t('keys.colWhen')}</th>
              <th scope="col">{t('keys.colSubmissions')}</th>
            </tr>
          </thead>
          <tbody>
            {signers.map((k) => (
              <tr key={`${k.respondent.respondentKey}-${k.fingerprint}`} data-source={k.source}>
                <td>
                  <bdi>{names.get(k.respondent.mechanism) ?? k.respondent.mechanismLabel}</bdi>
                </td>
                <td>{respondentWords(t, k.respondent.kind, k.respondent.party)}</td>
                <td>
                  <bdi>{k.signerName}</bdi>
                </td>
                <td className="mono">
                  <bdi>{k.fingerprint}</bdi>
                </td>
                <td>{t(`sources.${k.source}`)}</td>
                <td>{t('keys.registeredWhen', { when: formatDateTime(lang, k.registeredAt), by: k.registeredBy })}</td>
                <td>{formatNumber(lang, k.chains)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
