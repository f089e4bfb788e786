import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../core/contract/channels/maintenance.js';
import { useFormatDate, useMaintenanceText } from './maintenance-text.js';

const sizeOf = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** The list of backups, "Back up now", and restore (after a confirmation) of any of them. */
export function BackupsDialog({ onClose }: { readonly onClose: () => void }) {
  const m = useMaintenanceText();
  const formatDate = useFormatDate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [backups, setBackups] = useState<readonly BackupInfo[] | undefined>();
  const [busy, setBusy] = useState<'backup' | 'restore' | undefined>();
  const [confirming, setConfirming] = useState<BackupInfo | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const result = await window.iscm.maintenance.listBackups({});
    if (result.ok) setBackups(result.value);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh();
  }, [refresh]);

  async function backUpNow() {
    setBusy('backup');
    setError(undefined);
    const result = await window.iscm.maintenance.createBackup({});
    setBusy(undefined);
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  async function restore(backup: BackupInfo) {
    setConfirming(undefined);
    setBusy('restore');
    setError(undefined);
    const result = await window.iscm.maintenance.restoreBackup({ name: backup.name });
    setBusy(undefined);
    if (result.ok) setNotice(m('restored', { path: result.value.setAsidePath }));
    else setError(result.error.message);
  }

  // After a restore every screen must read the data again: reloading is the simple, sure way.
  const close = () => (notice ? window.location.reload() : onClose());

  return (
    <dialog ref={dialog} className="history-dialog backups-dialog" aria-labelledby="backups-heading" onCancel={close}>
      <h2 id="backups-heading">{m('heading')}</h2>
      <p>{m('intro')}</p>
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void backUpNow()} disabled={busy !== undefined}>
        {busy === 'backup' ? m('backingUp') : m('backUpNow')}
      </button>
      {backups === undefined ? null : backups.length === 0 ? (
        <p>{m('none')}</p>
      ) : (
        <table>
          <caption>{m('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('colDate')}</th>
              <th scope="col">{m('colReason')}</th>
              <th scope="col">{m('colSize')}</th>
              <th scope="col">{m('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{formatDate(b.createdAt)}</td>
                <td>{m(`reason_${b.reason}`)}</td>
                <td>{sizeOf(b.size)}</td>
                <td>
                  <button type="button" disabled={busy !== undefined} aria-label={m('restoreNamed', { date: formatDate(b.createdAt) })} onClick={() => setConfirming(b)}>
                    {m('restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="restore-confirm" className="error-box">
          <p id="restore-confirm">{m('confirm', { date: formatDate(confirming.createdAt) })}</p>
          <button type="button" onClick={() => void restore(confirming)}>
            {m('confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>
            {m('cancel')}
          </button>
        </div>
      )}
      {busy === 'restore' && <p role="status">{m('restoring')}</p>}
      <p>
        <button type="button" onClick={close}>
          {m('close')}
        </button>
      </p>
    </dialog>
  );
}
