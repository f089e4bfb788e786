import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupReport } from '../../core/contract/channels/maintenance.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ltr } from './bidi.js';
import { useStartupReport } from './startup-store.js';

type T = ReturnType<typeof useTranslation<'maintenance'>>['t'];

/** The folder part of a path, whatever the separator. */
const folderOf = (file: string): string => file.replace(/[\\/][^\\/]*$/, '') || file;

/** What happened, in the user's language: one sentence per status, with paths, numbers and times through Intl. */
function whatHappened(
  report: StartupReport,
  t: T,
  format: { time: (iso: string) => string; number: (n: number) => string },
): string | undefined {
  const file = ltr(report.databasePath);
  const path = ltr(report.movedTo[0] ?? report.databasePath);
  switch (report.status) {
    case 'ok':
    case 'created':
      return undefined;
    case 'moved-aside':
      return report.setAsideReason === 'foreign'
        ? t('banner.movedForeign', { path })
        : t('banner.movedDamaged', { path });
    case 'recreated':
      return t('banner.recreated', { path });
    case 'orphan-wal':
      return t('banner.orphanWal', { path, file });
    case 'refused-newer':
      return t('banner.newer', {
        file,
        found: format.number(report.version?.found ?? 0),
        supported: format.number(report.version?.supported ?? 0),
      });
    case 'locked':
      return report.holder
        ? t('banner.lockedHost', {
            app: t(`banner.host.${report.holder.host}`),
            pid: String(report.holder.pid),
            time: format.time(report.holder.startedAt),
          })
        : t('banner.lockedOther', { file });
    case 'read-only':
      return t('banner.readOnly', { folder: ltr(folderOf(report.databasePath)) });
    case 'read-only-file':
      return t('banner.readOnlyFile', { file });
    case 'symlink':
      return t('banner.symlink', {
        file,
        target: report.linkTarget ? ltr(report.linkTarget) : t('banner.unknownTarget'),
      });
    case 'unreadable':
      return t('banner.unreadable', { file });
  }
}

/**
 * Tells the user what happened to their data file at start-up: what, where the file is or went,
 * and what to do; offers the latest backup when one can be restored, and "Try again" when the
 * app could not open its data. Also says when the app restarted itself after an unexpected error.
 */
export function StartupBanner({ onRestore }: { readonly onRestore: () => void }) {
  const { t } = useTranslation('maintenance');
  const lang = useLanguage();
  const { report, retry } = useStartupReport();
  const [dismissed, setDismissed] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [stillRefused, setStillRefused] = useState(false);

  if (!report || dismissed) return null;
  const format = { time: (iso: string) => formatDateTime(lang, iso), number: (n: number) => formatNumber(lang, n) };
  const text = whatHappened(report, t, format);
  const restarted = report.restartedAfterCrashAt
    ? t('banner.restarted', { time: format.time(report.restartedAfterCrashAt) })
    : undefined;
  if (!text && !restarted) return null;

  async function tryAgain() {
    setRetrying(true);
    const next = await retry();
    setRetrying(false);
    // Running now: every screen must read the data afresh, and a reload is the sure way.
    if (next?.running) window.location.reload();
    else setStillRefused(true);
  }

  return (
    <div role="alert" className="error-box startup-banner" data-status={report.status}>
      {text && <p>{text}</p>}
      {restarted && <p>{restarted}</p>}
      {stillRefused && !retrying && <p>{t('banner.stillRefused')}</p>}
      {report.latestBackup && report.canRestore && text && (
        <button type="button" onClick={onRestore}>
          {t('banner.restoreLatest', { date: format.time(report.latestBackup.createdAt) })}
        </button>
      )}{' '}
      {!report.running && (
        <button type="button" onClick={() => void tryAgain()} disabled={retrying}>
          {retrying ? t('banner.retrying') : t('banner.retry')}
        </button>
      )}{' '}
      {report.running && (
        <button type="button" onClick={() => setDismissed(true)}>
          {t('banner.dismiss')}
        </button>
      )}
    </div>
  );
}

/**
 * The screens, only once the app has opened its data: while it has not, they would show the
 * host's refusals; one line in the user's language says why instead (the banner above says more).
 */
export function WhenDataOpen({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('maintenance');
  const { report } = useStartupReport();
  // Not known yet: the screens start at once (the usual case is a running app).
  if (report && !report.running) return <p className="startup-stopped">{t('stopped')}</p>;
  return <>{children}</>;
}
