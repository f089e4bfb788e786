import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../core/contract/channels/app.js';
import type { ImportedAttachmentView } from '../../core/contract/channels/iom.js';
import type { ContractError } from '../../core/contract/errors.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { directionOf } from '../i18n/index.js';
import { formatSize } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import './attachments.css';

type Risky = ImportedAttachmentView & { risk: NonNullable<ImportedAttachmentView['risk']> };

/**
 * The files attached to one imported revision: name, type and size, with "Open" on the desktop
 * (a copy opened by the system's application; a type that can run code is confirmed first, in
 * a dialog that names the file and its type and starts on Cancel) and "Download" in the web
 * host. The words are the UI's, whatever language the answers are shown in.
 */
export function AttachmentList({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation('iomAttachments');
  const api = useApi();
  const lang = useLanguage();
  const headingId = useId();
  const load = useCallback(async () => {
    const [list, info] = await Promise.all([unwrap(api.iom.listAttachments({ submissionId })), unwrap(api.app.info({}))]);
    return { attachments: list.attachments, host: info.host };
  }, [api, submissionId]);
  const { data, error } = useLoader(load);
  const [asking, setAsking] = useState<Risky | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  // Worded when drawn, so it follows a change of the UI language.
  const [status, setStatus] = useState<{ done: { outcome: 'opened' | 'downloaded'; name: string } } | { refused: ContractError } | undefined>();

  const failure = (e: ContractError): string => {
    const copy = (e.details as { path?: unknown } | undefined)?.path;
    return typeof copy === 'string' ? `${errorText(e)} ${t('copyAt', { path: copy })}` : errorText(e);
  };

  async function open(attachment: ImportedAttachmentView, confirmed: boolean) {
    setBusy(attachment.file);
    setStatus(undefined);
    const result = await api.iom.openAttachment({ submissionId, file: attachment.file, ...(confirmed ? { confirmed: true } : {}) });
    setBusy(undefined);
    setStatus(result.ok ? { done: result.value } : { refused: result.error });
  }

  function choose(attachment: ImportedAttachmentView, host: AppInfo['host']) {
    // A download never runs the file; only opening it with the system asks first.
    if (host === 'electron' && attachment.risk !== null) setAsking({ ...attachment, risk: attachment.risk });
    else void open(attachment, false);
  }

  return (
    <section className="iom-attachments" aria-labelledby={headingId} lang={lang} dir={directionOf(lang)} data-testid="iom-attachments">
      <h3 id={headingId}>{t('heading')}</h3>
      {error !== undefined && <p className="error">{error}</p>}
      {!data && error === undefined && <p>{t('loading')}</p>}
      {data?.attachments.length === 0 && <p>{t('none')}</p>}
      {data && data.attachments.length > 0 && (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.type')}</th>
              <th scope="col">{t('columns.size')}</th>
              <th scope="col">{t('columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.attachments.map((a) => (
              <tr key={a.file}>
                <th scope="row">
                  <bdi className="file-name">{a.name}</bdi>
                </th>
                <td>
                  {/* Upper case without the dot, as file managers show a type: no dot for bidi to move in Arabic. */}
                  <bdi>{a.extension === '' ? t('noExtension') : a.extension.toUpperCase()}</bdi>
                  {a.risk !== null && <span className="badge badge-can-run-code">{t('canRunCode')}</span>}
                </td>
                <td>{formatSize(lang, a.size)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy === a.file}
                    aria-label={t(data.host === 'electron' ? 'openLabel' : 'downloadLabel', { name: a.name })}
                    onClick={() => choose(a, data.host)}
                  >
                    {t(data.host === 'electron' ? 'open' : 'download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className={status && 'refused' in status ? 'error' : 'help'}>
        {status && ('refused' in status ? failure(status.refused) : t(status.done.outcome, { name: status.done.name }))}
      </p>
      {asking && (
        <ConfirmOpen
          attachment={asking}
          onAnswer={(yes) => {
            const chosen = asking;
            setAsking(undefined);
            if (yes) void open(chosen, true);
          }}
        />
      )}
    </section>
  );
}

/** "Open a file that can run code?": the file's name and type, why it matters, and Cancel focused first. */
function ConfirmOpen({ attachment, onAnswer }: { attachment: Risky; onAnswer: (open: boolean) => void }) {
  const { t } = useTranslation('iomAttachments');
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  const id = useId();
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);
  const answer = (open: boolean) => {
    answered.current = true;
    dialog.current?.close();
    onAnswer(open);
  };
  return (
    <dialog
      ref={dialog}
      className="iom-confirm-open"
      role="alertdialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-body`}
      // Escape closes the dialog: that is a "no".
      onClose={() => {
        if (!answered.current) onAnswer(false);
      }}
    >
      <h2 id={`${id}-heading`}>{t('confirm.heading')}</h2>
      <p id={`${id}-body`}>
        {t('confirm.body', { name: attachment.name, risk: t(`risk.${attachment.risk}`), extension: attachment.extension })}
      </p>
      <p>{t('confirm.advice')}</p>
      <p className="dialog-actions">
        <button type="button" ref={cancel} onClick={() => answer(false)}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          {t('confirm.open')}
        </button>
      </p>
    </dialog>
  );
}
