import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../core/contract/channels/maintenance.js';
import { useApi } from '../api/api-context.js';
import { formatDateTime, formatSize } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ltr } from './bidi.js';
import { useStartupReport } from './startup-store.js';

/** The list of backups, "Back up now", and restore (after a confirmation) of any of them. */
export function BackupsDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation('maintenance');
  const lang = useLanguage();
  const { report } = useStartupReport();
  const formatDate = (iso: string): string => formatDateTime(lang, iso);
  const dialog = useRef<HTMLDialogElement>(null);
  const [backups, setBackups] = useState<readonly BackupInfo[] | undefined>();
  const [busy, setBusy] = useState<'backup' | 'restore' | undefined>();
  const [confirming, setConfirming] = useState<BackupInfo | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // While the app could not open its data there is nothing to back up; a restore may still be offered.
  const running = report?.running !== false;

  const refresh = useCallback(async () => {
    const result = await api.maintenance.listBackups({});
    if (result.ok) setBackups(result.value);
    else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh();
  }, [refresh]);

  async function backUpNow() {
    setBusy('backup');
    setError(undefined);
    const result = await api.maintenance.createBackup({});
    setBusy(undefined);
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  async function restore(backup: BackupInfo) {
    setConfirming(undefined);
    setBusy('restore');
    setError(undefined);
    const result = await api.maintenance.restoreBackup({ name: backup.name });
    setBusy(undefined);
    if (result.ok) setNotice(t('backups.restored', { path: ltr(result.value.setAsidePath) }));
    else setError(result.error.message);
  }

  // After a restore every screen must read the data again: reloading is the simple, sure way.
  const close = () => (notice ? window.location.reload() : onClose());

  return (
    <dialog ref={dialog} className="history-dialog backups-dialog" aria-labelledby="backups-heading" onCancel={close}>
      <h2 id="backups-heading">{t('backups.heading')}</h2>
      <p>{t('backups.intro')}</p>
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {running && (
        <button type="button" onClick={() => void backUpNow()} disabled={busy !== undefined}>
          {busy === 'backup' ? t('backups.backingUp') : t('backups.backUpNow')}
        </button>
      )}
      {backups === undefined ? null : backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <table>
          <caption>{t('backups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.colDate')}</th>
              <th scope="col">{t('backups.colReason')}</th>
              <th scope="col">{t('backups.colSize')}</th>
              <th scope="col">{t('backups.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{formatDate(b.createdAt)}</td>
                <td>{t(`backups.reason.${b.reason}`)}</td>
                <td>{formatSize(lang, b.size)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy !== undefined || notice !== undefined}
                    aria-label={t('backups.restoreNamed', { date: formatDate(b.createdAt) })}
                    onClick={() => setConfirming(b)}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="restore-confirm" className="error-box">
          <p id="restore-confirm">{t('backups.confirm', { date: formatDate(confirming.createdAt) })}</p>
          <button type="button" onClick={() => void restore(confirming)}>
            {t('backups.confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>
            {t('backups.cancel')}
          </button>
        </div>
      )}
      {busy === 'restore' && <p role="status">{t('backups.restoring')}</p>}
      <p>
        <button type="button" onClick={close}>
          {t('backups.close')}
        </button>
      </p>
    </dialog>
  );
}
