import { LanguageSelect } from './LanguageSelect.js';
import { useCallback, useState } from 'react';
import type { Language } from '../../core/contract/channels/drafts.js';
import { unwrap } from '../api/errors.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';

/** Per mechanism of the questionnaire's list: the current submissions, or none yet. */
export function StatusPanel() {
  const [lang, setLang] = useState<Language>('en');
  const load = useCallback(() => unwrap(window.iscm.iom.status({ lang })), [lang]);
  const { data, error } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const withData = data.filter((m) => m.current.length > 0).length;
  return (
    <div>
      <h2>Status per mechanism</h2>
      <p>
        {withData} of {data.length} mechanisms have a submission.{' '}
        <LanguageSelect label="Names in" value={lang} onChange={setLang} />
      </p>
      <table aria-label="Status per mechanism">
        <thead>
          <tr>
            <th scope="col">Mechanism</th>
            <th scope="col">Kind</th>
            <th scope="col">Current submissions</th>
            <th scope="col">Pinned key</th>
          </tr>
        </thead>
        <tbody>
          {data.map((m) => (
            <tr key={m.mechanism}>
              <td>
                {m.label}
                {m.listed ? '' : ' (not in the questionnaire list)'}
              </td>
              <td>{m.kind}</td>
              <td>
                {m.current.length === 0
                  ? 'No submission'
                  : m.current.map((c) => (
                      <div key={c.submissionId}>
                        <a href={iomHref({ tab: 'submissions', submissionId: c.submissionId })}>
                          {c.respondentKind}, revision {c.revision}
                        </a>
                        , signed by {c.signerName} on {c.finalizedAt.slice(0, 10)}
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
