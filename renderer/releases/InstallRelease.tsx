import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseInfo, ReleasePreview } from '../../core/contract/channels/releases.js';
import { useApi } from '../api/api-context.js';
import { ReleasePreviewDialog } from './ReleasePreviewDialog.js';
import { ReleaseProblems } from './ReleaseProblems.js';
import { refusalText } from './refusal-text.js';
import './releases.css';

type Outcome =
  | { kind: 'installed'; version: string; already: boolean }
  | { kind: 'refused'; file: string; message: string; support: string | undefined };

/**
 * "Install a questionnaire file…" on the home screen: a file dialog (desktop) or file input
 * (browser), the file checked and previewed, then installed on "Install". Files the system
 * asked the app to open (a double-click on a `.iscmq`) are previewed the same way.
 */
export function InstallRelease({ onInstalled }: { onInstalled: () => void }) {
  const { t } = useTranslation('releases');
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [previews, setPreviews] = useState<readonly ReleasePreview[]>([]);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [installs, setInstalls] = useState(0);

  const takeOpened = useCallback(async () => {
    const result = await api.releases.opened({});
    if (!result.ok) return;
    if (result.value.previews.length > 0) setPreviews((list) => [...list, ...result.value.previews]);
    const [refused] = result.value.refused;
    if (refused) {
      const text = refusalText(t, {
        code: refused.code,
        message: refused.message,
        details: { detail: refused.detail },
      });
      setOutcome({ kind: 'refused', file: refused.fileName, ...text });
    }
  }, [api, t]);
  useEffect(() => {
    void takeOpened();
    return api.on('releaseOpened', () => void takeOpened());
  }, [api, takeOpened]);

  async function pick() {
    setOutcome(undefined);
    setBusy(true);
    // Called in the click itself: the browser opens its file chooser only from a user gesture.
    const result = await api.releases.pick({});
    setBusy(false);
    if (!result.ok) {
      const details = result.error.details as { fileName?: unknown } | undefined;
      const file = typeof details?.fileName === 'string' ? details.fileName : '';
      setOutcome({ kind: 'refused', file, ...refusalText(t, result.error) });
      return;
    }
    if (result.value.preview) setPreviews((list) => [...list, result.value.preview as ReleasePreview]);
  }

  const installed = (release: ReleaseInfo, already: boolean) => {
    setOutcome({ kind: 'installed', version: release.version, already });
    setInstalls((n) => n + 1);
    onInstalled();
  };
  const [current] = previews;
  return (
    <div className="release-install">
      <button type="button" onClick={() => void pick()} disabled={busy} aria-describedby="release-install-help">
        {busy ? t('install.checking') : t('install.button')}
      </button>
      <span id="release-install-help" className="help">
        {t('install.help')}
      </span>
      <div role="status">
        {outcome?.kind === 'installed' && (
          <p>{t(outcome.already ? 'install.alreadyInstalled' : 'install.installed', { version: outcome.version })}</p>
        )}
      </div>
      {outcome?.kind === 'refused' && (
        <div role="alert" className="error-box">
          <p>
            <strong>{t('install.refused', { file: outcome.file })}</strong> {outcome.message}
          </p>
          {outcome.support && <p className="help">{outcome.support}</p>}
        </div>
      )}
      <ReleaseProblems refresh={installs} />
      {current && (
        <ReleasePreviewDialog
          key={current.stagedId}
          preview={current}
          onInstalled={installed}
          onClose={() => setPreviews((list) => list.slice(1))}
        />
      )}
    </div>
  );
}
