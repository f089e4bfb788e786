import { useCallback, useState } from 'react';
import type { SubmissionSummaryView } from '../../core/contract/channels/iom.js';
import { unwrap } from '../api/errors.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';

type StatusFilter = 'current' | 'superseded' | 'all';
const KINDS = ['', 'secretariat', 'state', 'organisation'] as const;
const loadAll = () => unwrap(window.iscm.iom.listSubmissions({ status: 'all' }));

/** Every imported revision, filtered by mechanism, respondent kind and status. */
export function SubmissionsPanel() {
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
      <h2>Submissions</h2>
      <div className="iom-form inline" role="group" aria-label="Filters">
        <label>
          Mechanism{' '}
          <select value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
            <option value="">All</option>
            {mechanisms.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Respondent{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === '' ? 'All' : k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="current">Current</option>
            <option value="superseded">Superseded</option>
            <option value="all">All revisions</option>
          </select>
        </label>
      </div>
      {shown.error && <p className="error">{shown.error}</p>}
      {shown.data && <SubmissionTable rows={shown.data} />}
    </div>
  );
}

function SubmissionTable({ rows }: { rows: readonly SubmissionSummaryView[] }) {
  if (rows.length === 0) return <p>No submission matches.</p>;
  return (
    <table aria-label="Submissions">
      <thead>
        <tr>
          <th scope="col">Mechanism</th>
          <th scope="col">Respondent</th>
          <th scope="col">Revision</th>
          <th scope="col">Status</th>
          <th scope="col">Signed by</th>
          <th scope="col">Finalized</th>
          <th scope="col">
            <span className="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.submissionId} data-status={s.status}>
            <td>{s.mechanismLabel}</td>
            <td>{s.respondentKind}</td>
            <td>{s.revision}</td>
            <td>{s.status}</td>
            <td>
              {s.signerName} <span className="mono">{s.signerFingerprint}</span>
            </td>
            <td>{s.finalizedAt.slice(0, 10)}</td>
            <td>
              <a href={iomHref({ tab: 'submissions', submissionId: s.submissionId })} aria-label={`Open revision ${s.revision} of ${s.mechanismLabel}`}>
                Open
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
