import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseInfo, ReleasePreview } from '../../core/contract/channels/releases.js';
import { localize } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { formatCalendarDate, formatList, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ContactText } from './ReleaseContact.js';
import { refusalText } from './refusal-text.js';

interface Props {
  readonly preview: ReleasePreview;
  readonly onInstalled: (release: ReleaseInfo, alreadyInstalled: boolean) => void;
  readonly onClose: () => void;
}

/** A release file checked and not installed yet: its version, notes, contact and what changes, then "Install". */
export function ReleasePreviewDialog({ preview, onInstalled, onClose }: Props) {
  const { t } = useTranslation('releases');
  const api = useApi();
  const lang = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; support: string | undefined } | undefined>();
  const { release, diff } = preview;
  useEffect(() => {
    dialog.current?.showModal();
    // The title first (read by screen readers, and the dialog opens at its top, not at the buttons).
    heading.current?.focus();
  }, []);
  const label = (id: string): string => localize(preview.labels[id], lang);
  const title = localize(release.title, lang);
  const installed = preview.kind === 'installed';

  async function install() {
    setBusy(true);
    setError(undefined);
    const result = await api.releases.install({ stagedId: preview.stagedId });
    setBusy(false);
    if (!result.ok) {
      setError(refusalText(t, result.error));
      return;
    }
    onInstalled(result.value.release, result.value.alreadyInstalled);
    dialog.current?.close();
  }

  function cancel() {
    // The checked copy is forgotten; nothing was written.
    void api.releases.discard({ stagedId: preview.stagedId });
    dialog.current?.close();
  }

  const question = (id: string) => (
    <>
      {label(id) || id} <span className="question-id">({id})</span>
    </>
  );
  return (
    <dialog
      ref={dialog}
      className="release-dialog"
      aria-labelledby="release-preview-heading"
      onClose={onClose}
      onCancel={() => void api.releases.discard({ stagedId: preview.stagedId })}
    >
      <h2 id="release-preview-heading" ref={heading} tabIndex={-1}>
        {t(installed ? 'preview.headingInstalled' : 'preview.heading', { version: release.version })}
      </h2>
      <p>
        <strong>{title}</strong>
        <br />
        {t('preview.file', { file: preview.fileName })}
      </p>
      <p>
        {preview.kind === 'new' && t('preview.kindNew')}
        {preview.kind === 'update' && t('preview.kindUpdate', { previous: preview.previousVersion ?? '' })}
        {installed && t('preview.kindInstalled')}{' '}
        {t('preview.published', {
          date: formatCalendarDate(lang, release.publishedAt.slice(0, 10)),
          publisher: release.publisher.principal,
        })}
      </p>
      {release.publisher.development && <p className="release-warning">{t('preview.developmentPublisher')}</p>}
      {release.development && <p className="release-warning">{t('preview.developmentRecipient')}</p>}
      <h3>{t('preview.notes')}</h3>
      <p className="release-notes">{release.notes[lang]}</p>
      <h3>{t('preview.contact')}</h3>
      <ContactText contact={release.contact} />
      {diff && (
        <>
          <h3>{t('preview.changes')}</h3>
          {diff.added.length + diff.removed.length + diff.changed.length === 0 && <p>{t('preview.noChanges')}</p>}
          {diff.added.length > 0 && (
            <>
              <h4>{t('preview.added', { count: formatNumber(lang, diff.added.length) })}</h4>
              <ul>
                {diff.added.map((id) => (
                  <li key={id}>{question(id)}</li>
                ))}
              </ul>
            </>
          )}
          {diff.removed.length > 0 && (
            <>
              <h4>{t('preview.removed', { count: formatNumber(lang, diff.removed.length) })}</h4>
              <ul>
                {diff.removed.map((id) => (
                  <li key={id}>{question(id)}</li>
                ))}
              </ul>
            </>
          )}
          {diff.changed.length > 0 && (
            <>
              <h4>{t('preview.changed', { count: formatNumber(lang, diff.changed.length) })}</h4>
              <ul>
                {diff.changed.map((c) => (
                  <li key={c.id}>
                    {question(c.id)}:{' '}
                    {formatList(
                      lang,
                      c.changes.map((change) =>
                        t(`change.${change}`, {
                          list: (change === 'choices-removed' ? c.removedChoices : c.addedChoices).join(', '),
                        }),
                      ),
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {preview.draftsToMove > 0 && !installed && (
        <p>{t('preview.drafts', { count: formatNumber(lang, preview.draftsToMove) })}</p>
      )}
      {error && (
        <div role="alert" className="error-box">
          <p>{error.message}</p>
          {error.support && <p className="help">{error.support}</p>}
        </div>
      )}
      <div className="actions">
        {!installed && (
          <button type="button" onClick={() => void install()} disabled={busy}>
            {busy ? t('preview.installing') : t('preview.install')}
          </button>
        )}
        <button type="button" onClick={cancel}>
          {installed ? t('preview.close') : t('preview.cancel')}
        </button>
      </div>
    </dialog>
  );
}
