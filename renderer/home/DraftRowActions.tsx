import { useState, type SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import type { DraftSummary } from '../../core/contract/channels/drafts.js';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { withoutGeneratedSuffixes } from '../../core/drafts/draft-title.js';

type Mode = 'idle' | 'rename' | 'confirm-delete';

/** Rename, duplicate and move to the trash (after confirming) for one draft; `t` is the list's (see DraftRow). */
export function DraftRowActions({ draft, onChanged, t }: { draft: DraftSummary; onChanged: () => Promise<void>; t: TFunction }) {
  const api = useApi();
  const [mode, setMode] = useState<Mode>('idle');
  const [title, setTitle] = useState(draft.title);
  const [error, setError] = useState<string | undefined>();
  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setError(undefined);
      setMode('idle');
      await onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const rename = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(() => unwrap(api.drafts.update({ id: draft.id, title })));
  };
  const inputId = `rename-${draft.id}`;
  return (
    <div className="row-actions">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {mode === 'rename' ? (
        <form onSubmit={rename} className="inline-form" noValidate>
          <label htmlFor={inputId} className="visually-hidden">
            {t('home.newTitle', { title: draft.title })}
          </label>
          <input id={inputId} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />
          <button type="submit">{t('home.save')}</button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('home.cancel')}
          </button>
        </form>
      ) : mode === 'confirm-delete' ? (
        <div role="group" aria-label={t('home.confirmDelete', { title: draft.title })} className="inline-form">
          <span>{t('home.confirmDelete', { title: draft.title })}</span>
          <button type="button" onClick={() => void run(() => unwrap(api.drafts.delete({ id: draft.id })))} autoFocus>
            {t('home.confirmYes')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('home.cancel')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setMode('rename')} aria-label={t('home.renameNamed', { title: draft.title })}>
            {t('home.rename')}
          </button>
          <button
            type="button"
            onClick={() => void run(() => unwrap(api.drafts.duplicate({ id: draft.id, title: t('home.copyOf', { title: withoutGeneratedSuffixes(draft.title) }).slice(0, 200) })))}
            aria-label={t('home.duplicateNamed', { title: draft.title })}
          >
            {t('home.duplicate')}
          </button>
          <button type="button" onClick={() => setMode('confirm-delete')} aria-label={t('home.deleteNamed', { title: draft.title })}>
            {t('home.delete')}
          </button>
        </>
      )}
    </div>
  );
}
