import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../core/contract/channels/app.js';
import type { ReleaseInfo } from '../../core/contract/channels/releases.js';
import { useApi } from '../api/api-context.js';
import type { SavedFileKind } from '../../core/contract/channels/files.js';
import type { ContractError } from '../../core/contract/errors.js';
import { refusalText } from './refusal-text.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ContactText } from '../releases/ReleaseContact.js';
import './journey.css';

/** `C:\x\y.iscm` or `/x/y.iscm` → folder and name, whichever separator the host used. */
export function splitPath(file: string): { folder: string; name: string } {
  const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return at < 0 ? { folder: '', name: file } : { folder: file.slice(0, at), name: file.slice(at + 1) };
}

export interface ReadyFile {
  readonly path: string;
  readonly exportedAt?: string;
}

/** A file the app saved outside a revision's exports that has this step; main acts on it only if it saved it this session. */
export type SavedKind = Exclude<SavedFileKind, 'pdf'>;

interface Props {
  readonly file: ReadyFile;
  /** Which actions the host offers; absent: only Copy path. */
  readonly host?: AppInfo['host'];
  /** The exported revision: Show in folder / Download are offered for its exports only (main checks). */
  readonly submissionId?: string;
  /** A key card or a summary: Show in folder / Download through `files.*` (main checks its ledger). */
  readonly saved?: SavedKind;
  /** Whose contact says where to send the file. */
  readonly release?: { readonly id: string; readonly version: string };
  /** Focus the heading when shown after an action, so the step is announced and in view. */
  readonly focusOnShow?: boolean;
}

/**
 * "Your file is ready": its name and folder, Show in folder (desktop) or Download (web host),
 * Copy path, whom to send it to, and what to do when email refuses it. The same step follows a
 * package export, a summary and a key card; each gets its own words for a refused email.
 */
export function FileReady({ file, host, submissionId, saved, release, focusOnShow = false }: Props) {
  const { t } = useTranslation('journey');
  const lang = useLanguage();
  const api = useApi();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | undefined>();
  const [contact, setContact] = useState<ReleaseInfo['contact'] | null | undefined>();
  const { folder, name } = splitPath(file.path);

  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow, file.path]);

  useEffect(() => {
    if (!release) return;
    let live = true;
    void api.releases.get({ id: release.id, version: release.version }).then((result) => {
      if (live) setContact(result.ok ? result.value.contact : null);
    });
    return () => {
      live = false;
    };
  }, [api, release]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(file.path);
      setStatus({ text: t('copied'), error: false });
    } catch {
      setStatus({ text: t('copyFailed'), error: true });
    }
  }
  // A revision's export goes through its own channels; a key card or summary through the ledger's.
  const canAct = submissionId !== undefined || saved !== undefined;
  const refused = (error: ContractError) => ({ text: refusalText(error, t), error: true });
  async function show() {
    const result =
      submissionId !== undefined
        ? await api.submissions.showExport({ id: submissionId, path: file.path })
        : await api.files.show({ path: file.path });
    setStatus(result.ok ? undefined : refused(result.error));
  }
  async function download() {
    const result =
      submissionId !== undefined
        ? await api.submissions.downloadExport({ id: submissionId, path: file.path })
        : await api.files.download({ path: file.path });
    setStatus(result.ok ? { text: t('downloadHelp'), error: false } : refused(result.error));
  }

  return (
    <section className="file-ready" aria-labelledby={`${id}-heading`} data-testid="file-ready">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('readyHeading')}
      </h2>
      <dl>
        <dt>{t('readyName')}</dt>
        <dd>
          <bdi className="file-name">{name}</bdi>
        </dd>
        {folder && (
          <>
            <dt>{t('readyFolder')}</dt>
            <dd>
              <bdi dir="ltr">{folder}</bdi>
            </dd>
          </>
        )}
      </dl>
      {file.exportedAt && <p className="help">{t('readyFrom', { date: formatDateTime(lang, file.exportedAt) })}</p>}
      <p className="file-ready-actions">
        {canAct && host === 'electron' && (
          <button type="button" onClick={() => void show()}>
            {t('showInFolder')}
          </button>
        )}
        {canAct && host === 'web' && (
          <button type="button" className="primary" onClick={() => void download()}>
            {t('download', { file: name })}
          </button>
        )}
        <button type="button" onClick={() => void copy()}>
          {t('copyPath')}
        </button>
      </p>
      <p role="status" className={status?.error ? 'error' : 'notice-text'}>
        {status?.text}
      </p>
      {release && (
        <>
          <h3>{t('sendHeading')}</h3>
          {contact ? <ContactText contact={contact} /> : contact === null && <p>{t('sendFallback')}</p>}
        </>
      )}
      <h3>{t('emailHeading')}</h3>
      <p>{t(saved === 'key-card' ? 'emailHelpCard' : saved === 'summary' ? 'emailHelpSummary' : 'emailHelp')}</p>
    </section>
  );
}
