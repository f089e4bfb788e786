import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { MechanismStatusView, RespondentStatusView } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatCalendarDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { DuplicatesSection } from './DuplicatesSection.js';
import { FlagBadges } from './FlagBadges.js';
import { iomHref } from './iom-route.js';
import { LanguageSelect } from './LanguageSelect.js';
import { respondentWords } from './words.js';

const everyone = (m: MechanismStatusView): RespondentStatusView[] => [m.secretariat, ...m.states, ...m.organisations];
const active = (m: MechanismStatusView): boolean =>
  m.counts.held > 0 || m.counts.quarantined > 0 || everyone(m).some((r) => r.expected || r.chains.length > 0 || r.held > 0);

/** Per mechanism of the questionnaire's list: the secretariat, States and organisations, what is held or quarantined. */
export function StatusPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const uiLang = useLanguage();
  const onlyId = useId();
  // The language of the mechanisms' names (data), not of the screen.
  const [lang, setLang] = useState<Language>('en');
  const [onlyActive, setOnlyActive] = useState(false);
  const load = useCallback(() => unwrap(api.iom.status({ lang })), [api, lang]);
  const { data, error, reload } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const n = (value: number): string => formatNumber(uiLang, value);
  const withData = data.mechanisms.filter((m) => everyone(m).some((r) => r.received)).length;
  const shown = onlyActive ? data.mechanisms.filter(active) : data.mechanisms;
  const tally = (received: number, expected: number): string =>
    expected > 0 ? t('status.receivedOfExpected', { received: n(received), expected: n(expected) }) : t('status.receivedOnly', { received: n(received) });
  return (
    <div>
      <h2>{t('status.heading')}</h2>
      <p>
        {t('status.summary', { withData: n(withData), total: n(data.mechanisms.length) })}{' '}
        <LanguageSelect label={t('status.namesIn')} value={lang} onChange={setLang} />
      </p>
      {data.requireRegistered && <p className="read-only-note">{t('import.strictOn')}</p>}
      {data.quarantinedUnfiled > 0 && <p>{t('status.unfiled', { count: n(data.quarantinedUnfiled) })}</p>}
      <DuplicatesSection mechanisms={data.mechanisms} onChosen={reload} />
      <div className="inline">
        <input id={onlyId} type="checkbox" checked={onlyActive} onChange={(e) => setOnlyActive(e.target.checked)} />
        <label htmlFor={onlyId}>{t('status.onlyActive')}</label>
      </div>
      <table aria-label={t('status.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('status.colMechanism')}</th>
            <th scope="col">{t('status.colSecretariat')}</th>
            <th scope="col">{t('status.colStates')}</th>
            <th scope="col">{t('status.colOrganisations')}</th>
            <th scope="col">{t('status.colHeld')}</th>
            <th scope="col">{t('status.colQuarantined')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => {
            const head = m.secretariat.chains.find((c) => c.state === 'counted');
            return (
              <tr key={m.mechanism} data-mechanism={m.mechanism}>
                <th scope="row">
                  <bdi>{m.label}</bdi>
                  {m.listed ? '' : ` ${t('status.notListed')}`}
                </th>
                <td>
                  {head ? (
                    <a href={iomHref({ tab: 'submissions', submissionId: head.submissionId })}>{t('status.revision', { revision: n(head.revision) })}</a>
                  ) : (
                    t('status.notReceived')
                  )}{' '}
                  <FlagBadges flags={m.secretariat.possibleDuplicate ? ['possible_duplicate'] : undefined} />
                </td>
                <td>{tally(m.counts.statesReceived, m.counts.statesExpected)}</td>
                <td>{tally(m.counts.organisationsReceived, m.counts.organisationsExpected)}</td>
                <td>{n(m.counts.held)}</td>
                <td>{n(m.counts.quarantined)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('status.detailsHeading')}</h2>
      {data.mechanisms.filter(active).map((m) => (
        <MechanismDetails key={m.mechanism} mechanism={m} />
      ))}
    </div>
  );
}

function MechanismDetails({ mechanism: m }: { mechanism: MechanismStatusView }) {
  const { t } = useTranslation('iom');
  const lang = useLanguage();
  const n = (value: number): string => formatNumber(lang, value);
  const respondents = everyone(m).filter((r) => r.kind !== 'secretariat' || r.expected || r.chains.length > 0 || r.held > 0);
  const title = t('status.respondentsOf', { mechanism: m.label });
  return (
    <section aria-label={title} className="mechanism-details">
      <h3>{title}</h3>
      <ul>
        {respondents.map((r) => (
          <li key={r.respondentKey}>
            <strong>{respondentWords(t, r.kind, r.party)}</strong>
            {r.expected && ` (${t('status.expected')})`}
            {r.chains.length === 0 && `: ${t('status.notYet')}`} <FlagBadges flags={r.possibleDuplicate ? ['possible_duplicate'] : undefined} />
            {r.held > 0 && <div>{t('status.held', { count: n(r.held) })}</div>}
            {r.chains.length > 0 && (
              <ul>
                {r.chains.map((c) => (
                  <li key={c.rootId} data-state={c.state}>
                    <a href={iomHref({ tab: 'submissions', submissionId: c.submissionId })}>
                      {t('status.chain', { revision: n(c.revision), signer: c.signerName, date: formatCalendarDate(lang, c.finalizedAt.slice(0, 10)) })}
                    </a>{' '}
                    <FlagBadges flags={c.newSigner ? ['new_signer'] : undefined} />
                    {c.state === 'withdrawn' && (
                      <span className="withdrawn"> — {t('status.withdrawn', { by: c.stateBy ?? '', when: c.stateAt ? formatDateTime(lang, c.stateAt) : '' })}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
