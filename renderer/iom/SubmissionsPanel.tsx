import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionSummaryView } from '../../core/contract/channels/iom.js';
import { unwrap } from '../api/errors.js';
import { formatCalendarDate, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';

type StatusFilter = 'current' | 'superseded' | 'all';
const KINDS = ['', 'secretariat', 'state', 'organisation'] as const;
const loadAll = () => unwrap(window.iscm.iom.listSubmissions({ status: 'all' }));

/** Every imported revision, filtered by mechanism, respondent kind and status. */
export function SubmissionsPanel() {
  const { t } = useTranslation();
  const [mechanism, setMechanism] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState<StatusFilter>('current');
  const all = useLoader(loadAll);
  const load = useCallback(
    () =>
      unwrap(
        window.iscm.iom.listSubmissions({
          status,
          ...(mechanism ? { mechanism } : {}),
          ...(kind ? { respondentKind: kind } : {}),
        }),
      ),
    [mechanism, kind, status],
  );
  const shown = useLoader(load);
  const mechanisms = [...new Map((all.data ?? []).map((s) => [s.mechanism, s.mechanismLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div>
      <h2>{t('iom.submissions.heading')}</h2>
      <div className="iom-form inline" role="group" aria-label={t('iom.submissions.filters')}>
        <label>
          {t('iom.submissions.mechanism')}{' '}
          <select value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
            <option value="">{t('iom.submissions.anyMechanism')}</option>
            {mechanisms.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('iom.submissions.respondent')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === '' ? t('iom.submissions.anyRespondent') : t(`iom.respondentKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('iom.submissions.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="current">{t('iom.submissions.current')}</option>
            <option value="superseded">{t('iom.submissions.superseded')}</option>
            <option value="all">{t('iom.submissions.allRevisions')}</option>
          </select>
        </label>
      </div>
      {shown.error && <p className="error">{shown.error}</p>}
      {shown.data && <SubmissionTable rows={shown.data} />}
    </div>
  );
}

function SubmissionTable({ rows }: { rows: readonly SubmissionSummaryView[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (rows.length === 0) return <p>{t('iom.submissions.noMatch')}</p>;
  return (
    <table aria-label={t('iom.submissions.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('iom.submissions.colMechanism')}</th>
          <th scope="col">{t('iom.submissions.colRespondent')}</th>
          <th scope="col">{t('iom.submissions.colRevision')}</th>
          <th scope="col">{t('iom.submissions.colStatus')}</th>
          <th scope="col">{t('iom.submissions.colSigner')}</th>
          <th scope="col">{t('iom.submissions.colFinalized')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('iom.submissions.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.submissionId} data-status={s.status}>
            <td>{s.mechanismLabel}</td>
            <td>{t(`iom.respondentKinds.${s.respondentKind}`, { defaultValue: s.respondentKind })}</td>
            <td>{formatNumber(lang, s.revision)}</td>
            <td>{t(`iom.submissionStatus.${s.status}`)}</td>
            <td>
              {s.signerName} <span className="mono">{s.signerFingerprint}</span>
            </td>
            <td>{formatCalendarDate(lang, s.finalizedAt.slice(0, 10))}</td>
            <td>
              <a
                href={iomHref({ tab: 'submissions', submissionId: s.submissionId })}
                aria-label={t('iom.submissions.openRevision', { revision: formatNumber(lang, s.revision), mechanism: s.mechanismLabel })}
              >
                {t('iom.submissions.open')}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
