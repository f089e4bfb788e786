import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from './PassphraseField.js';
import { ReleaseContact } from '../releases/ReleaseContact.js';
import type { AppInfo } from '../../core/contract/channels/app.js';
import { FileReady } from '../journey/FileReady.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';

type Outcome =
  { kind: 'saved'; path: string; sha256: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** Passphrase, Export, progress with Cancel, and where the file went. */
export function ExportPanel({
  submission,
  host,
  onExported,
}: {
  submission: Submission;
  host: AppInfo['host'];
  onExported: () => void;
}) {
  const { t } = useTranslation('signing');
  const lang = useLanguage();
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [running, setRunning] = useState<string | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number | null } | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const operation = useRef<string | undefined>(undefined);
  // The file just written, else the latest export: its "your file is ready" step.
  const latest = outcome?.kind === 'saved' ? { path: outcome.path } : submission.exports.at(-1);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.operationId === operation.current) setProgress({ done: p.done, total: p.total });
      }),
    [api],
  );

  async function run(e: SyntheticEvent) {
    e.preventDefault();
    const operationId = crypto.randomUUID();
    operation.current = operationId;
    setRunning(operationId);
    setProgress(undefined);
    setOutcome(undefined);
    const result = await api.submissions.export({ id: submission.id, passphrase, operationId });
    operation.current = undefined;
    setRunning(undefined);
    if (result.ok) {
      setPassphrase('');
      setOutcome({ kind: 'saved', path: result.value.path, sha256: result.value.sha256 });
      onExported();
    } else if (result.error.code === 'CANCELLED') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'failed', message: errorText(result.error) });
  }

  return (
    <section className="signing-export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <p>{t('exportIntro')}</p>
      {latest === undefined && (
        <ReleaseContact questionnaireId={submission.questionnaireId} version={submission.questionnaireVersion} />
      )}
      <form className="signing-form no-print" onSubmit={(e) => void run(e)} noValidate>
        <PassphraseField id="export-passphrase" value={passphrase} onChange={setPassphrase} />
        <button type="submit" disabled={running !== undefined || passphrase === ''}>
          {running ? t('exporting') : t('exportButton', { file: submission.fileName })}
        </button>
        {running && (
          <>
            <progress
              aria-label={t('progress')}
              max={progress?.total ?? undefined}
              value={progress ? progress.done : undefined}
            />
            <button type="button" onClick={() => void api.submissions.cancelExport({ operationId: running })}>
              {t('cancel')}
            </button>
          </>
        )}
      </form>
      {outcome?.kind === 'saved' && (
        <div role="status" className="notice">
          <p className="saved-path">{t('exported', { path: outcome.path })}</p>
          <p>
            {t('sha256')}: <code>{outcome.sha256}</code>
          </p>
        </div>
      )}
      {latest && (
        <FileReady
          file={latest}
          host={host}
          submissionId={submission.id}
          release={{ id: submission.questionnaireId, version: submission.questionnaireVersion }}
          focusOnShow={outcome?.kind === 'saved'}
        />
      )}
      {outcome?.kind === 'cancelled' && <p role="status">{t('cancelled')}</p>}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="error">
          {outcome.message}
        </p>
      )}
      {submission.exports.length > 0 && (
        <>
          <h3>{t('exportsHeading')}</h3>
          <ul className="export-list">
            {submission.exports.map((x) => (
              <li key={`${x.path}-${x.exportedAt}`}>
                {/* The path on its own, left to right: in Arabic its slashes would otherwise move to the wrong end. */}
                {t('exportRow', { date: formatDateTime(lang, x.exportedAt) })} <bdi dir="ltr">{x.path}</bdi> <code>{x.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
