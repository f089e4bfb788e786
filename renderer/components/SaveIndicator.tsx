import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.js';
import type { StatusStore } from '../draft/status-store.js';
import { formatTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';

/**
 * Says exactly what is on disk: "Saved at HH:MM" only for committed values, and "All changes
 * saved" when nothing was typed since the draft opened (everything shown came from disk). A failure
 * stays on screen (role=alert) until a later save succeeds; the autosaver keeps retrying.
 */
export function SaveIndicator({ store }: { store: StatusStore }) {
  const status = useSyncExternalStore(store.subscribe, store.get);
  const { t } = useTranslation();
  const { t: tw } = useTranslation('wayfinding');
  const lang = useLanguage();
  if (status.kind === 'failed') {
    return (
      <div role="alert" id="save-status" className="save-status save-failed">
        {t('save.failed', { message: errorMessage(status.error), count: status.unsaved })}
      </div>
    );
  }
  const text = status.kind === 'saved' ? t('save.savedAt', { time: formatTime(lang, status.at) }) : status.kind === 'pending' ? t('save.saving') : tw('allSaved');
  return (
    <div role="status" id="save-status" className="save-status">
      {text}
    </div>
  );
}
