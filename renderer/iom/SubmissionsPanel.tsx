import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionSummaryView } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatCalendarDate, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { FlagBadges } from './FlagBadges.js';
import { iomHref } from './iom-route.js';
import { respondentWords } from './words.js';

type StatusFilter = 'current' | 'superseded' | 'withdrawn' | 'all';
const KINDS = ['', 'secretariat', 'state', 'organisation'] as const;

/** Every imported revision, filtered by mechanism, respondent kind and status. */
export function SubmissionsPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const [mechanism, setMechanism] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState<StatusFilter>('current');
  const loadAll = useCallback(() => unwrap(api.iom.listSubmissions({ status: 'all' })), [api]);
  const all = useLoader(loadAll);
  const load = useCallback(
    () =>
      unwrap(
        api.iom.listSubmissions({
          status,
          ...(mechanism ? { mechanism } : {}),
          ...(kind ? { respondentKind: kind } : {}),
        }),
      ),
    [api, mechanism, kind, status],
  );
  const shown = useLoader(load);
  const mechanisms = [...new Map((all.data ?? []).map((s) => [s.mechanism, s.mechanismLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div>
      <h2>{t('submissions.heading')}</h2>
      <div className="iom-form inline" role="group" aria-label={t('submissions.filters')}>
        <label>
          {t('submissions.mechanism')}{' '}
          <select value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
            <option value="">{t('submissions.anyMechanism')}</option>
            {mechanisms.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('submissions.respondent')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === '' ? t('submissions.anyRespondent') : t(`respondentKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('submissions.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="current">{t('submissions.current')}</option>
            <option value="superseded">{t('submissions.superseded')}</option>
            <option value="withdrawn">{t('submissions.withdrawn')}</option>
            <option value="all">{t('submissions.allRevisions')}</option>
          </select>
        </label>
      </div>
      {shown.error && <p className="error">{shown.error}</p>}
      {shown.data && <SubmissionTable rows={shown.data} />}
    </div>
  );
}

function SubmissionTable({ rows }: { rows: readonly SubmissionSummaryView[] }) {
  const { t } = useTranslation('iom');
  const lang = useLanguage();
  if (rows.length === 0) return <p>{t('submissions.noMatch')}</p>;
  return (
    <table aria-label={t('submissions.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('submissions.colMechanism')}</th>
          <th scope="col">{t('submissions.colRespondent')}</th>
          <th scope="col">{t('submissions.colRevision')}</th>
          <th scope="col">{t('submissions.colStatus')}</th>
          <th scope="col">{t('submissions.colSigner')}</th>
          <th scope="col">{t('submissions.colFinalized')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('submissions.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.submissionId} data-status={s.status}>
            <td>{s.mechanismLabel}</td>
            <td>{respondentWords(t, s.respondentKind, s.respondentParty)}</td>
            <td>{formatNumber(lang, s.revision)}</td>
            <td>
              {t(`submissionStatus.${s.status}`)} <FlagBadges flags={s.newSigner ? ['new_signer'] : undefined} />
            </td>
            <td>
              {s.signerName} <span className="mono">{s.signerFingerprint}</span>
            </td>
            <td>{formatCalendarDate(lang, s.finalizedAt.slice(0, 10))}</td>
            <td>
              <a
                href={iomHref({ tab: 'submissions', submissionId: s.submissionId })}
                aria-label={t('submissions.openRevision', { revision: formatNumber(lang, s.revision), mechanism: s.mechanismLabel })}
              >
                {t('submissions.open')}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
