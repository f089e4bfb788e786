import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgressView, IomInfo } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { useAction, useLoader } from '../api/use-loader.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { IdentitySetup } from './IdentitySetup.js';
import { useIomInfo } from './load-info.js';
import { OutcomeTable } from './OutcomeTable.js';

const POLL_MS = 250;

/**
 * Pick files or folders (desktop dialogs) or type paths of files and folders (one per line; folders are
 * searched for *.iscm), import them, and watch each file's outcome arrive.
 */
export function ImportPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const loaded = useIomInfo();
  const loadSettings = useCallback(() => unwrap(api.iom.settings({})), [api]);
  const strict = useLoader(loadSettings).data?.requireRegistered === true;
  const [info, setInfo] = useState<IomInfo | undefined>();
  const current = info ?? loaded.data;
  const [paths, setPaths] = useState('');
  const [operationId, setOperationId] = useState<string | undefined>();
  const [progress, setProgress] = useState<ImportProgressView | undefined>();
  const [pollError, setPollError] = useState<string | undefined>();
  const action = useAction();

  useEffect(() => {
    if (!operationId) return;
    let stopped = false;
    const tick = () => {
      unwrap(api.iom.importProgress({ operationId })).then(
        (p) => {
          if (stopped) return;
          setProgress(p);
          if (!p.finished) setTimeout(tick, POLL_MS);
        },
        (e: unknown) => setPollError(messageOf(e)),
      );
    };
    tick();
    return () => {
      stopped = true;
    };
  }, [api, operationId]);

  const list = paths.split(/\r?\n/).map((p) => p.trim()).filter((p) => p.length > 0);
  const start = useCallback(() => {
    action.run(async () => {
      setProgress(undefined);
      setPollError(undefined);
      const { operationId: id } = await unwrap(api.iom.startImport({ paths: list }));
      setOperationId(id);
    });
  }, [action, api, list]);
  const pick = (folder: boolean) =>
    action.run(async () => {
      const picked = await unwrap(api.iom.pickFiles({ folder }));
      if (picked.paths.length > 0) setPaths([...list, ...picked.paths].join('\n'));
    });

  if (!current) return loaded.error ? <p className="error">{loaded.error}</p> : <p>{t('loading')}</p>;
  const running = progress !== undefined && !progress.finished;
  return (
    <div>
      <IdentitySetup info={current} onChange={setInfo} />
      <div className="iom-form">
        <h2>{t('import.heading')}</h2>
        {strict && <p className="read-only-note">{t('import.strictOn')}</p>}
        <div className="field">
          <label htmlFor="iom-paths">{t('import.paths')}</label>
          <textarea id="iom-paths" rows={4} value={paths} onChange={(e) => setPaths(e.target.value)} />
        </div>
        <div className="inline">
          {current.canPickFiles && (
            <>
              <button type="button" onClick={() => pick(false)} disabled={action.busy || running}>
                {t('import.chooseFiles')}
              </button>
              <button type="button" onClick={() => pick(true)} disabled={action.busy || running}>
                {t('import.chooseFolders')}
              </button>
            </>
          )}
          <button type="button" onClick={start} disabled={action.busy || running || list.length === 0 || !current.recipient}>
            {t('import.start')}
          </button>
        </div>
        {action.error && (
          <p className="error" role="alert">
            {action.error}
          </p>
        )}
      </div>
      {progress && <ImportProgress progress={progress} />}
      {pollError && <p className="error">{pollError}</p>}
    </div>
  );
}

function ImportProgress({ progress }: { progress: ImportProgressView }) {
  const { t } = useTranslation('iom');
  const lang = useLanguage();
  const n = (value: number): string => formatNumber(lang, value);
  const c = progress.counts;
  return (
    <section aria-labelledby="iom-progress-title">
      <h2 id="iom-progress-title">{progress.finished ? t('import.finished') : t('import.running')}</h2>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('import.filesDone')} />
      <p role="status" data-testid="iom-import-summary">
        {t('import.summary', {
          done: n(progress.done),
          total: n(progress.total),
          imported: n(c.imported),
          superseded: n(c.superseded),
          duplicate: n(c.duplicate),
          conflict: n(c.conflict),
          held: n(c.held),
          rejected: n(c.rejected),
        })}
      </p>
      {progress.error && <p className="error">{progress.error}</p>}
      <OutcomeTable outcomes={progress.outcomes} />
    </section>
  );
}
