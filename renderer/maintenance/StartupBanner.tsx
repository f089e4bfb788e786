import { useEffect, useState } from 'react';
import type { StartupReport } from '../../core/contract/channels/maintenance.js';
import { useFormatDate, useMaintenanceText } from './maintenance-text.js';

const BANNER_KEY = {
  'moved-aside': 'banner_moved',
  'refused-newer': 'banner_newer',
  locked: 'banner_locked',
  'read-only': 'banner_readonly',
  unreadable: 'banner_unreadable',
} as const;

/** Tells the user what happened to their data file at start-up, where it is, and offers the latest backup. */
export function StartupBanner({ onRestore }: { readonly onRestore: () => void }) {
  const m = useMaintenanceText();
  const formatDate = useFormatDate();
  const [report, setReport] = useState<StartupReport | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    void window.iscm.maintenance.startupReport({}).then((result) => {
      if (result.ok) setReport(result.value);
    });
  }, []);

  if (!report || dismissed || report.status === 'ok' || report.status === 'created') return null;
  const where = report.movedTo[0] ?? report.databasePath;
  return (
    <div role="alert" className="error-box startup-banner">
      <p>{m(BANNER_KEY[report.status], { path: where })}</p>
      {report.latestBackup && (
        <button type="button" onClick={onRestore}>
          {m('restoreLatest', { date: formatDate(report.latestBackup.createdAt) })}
        </button>
      )}{' '}
      <button type="button" onClick={() => setDismissed(true)}>
        {m('dismiss')}
      </button>
    </div>
  );
}
