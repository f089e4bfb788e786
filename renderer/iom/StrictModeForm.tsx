import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction, useLoader } from '../api/use-loader.js';

/** Strict mode (`--require-registered` for every import): kept in iom.db, changed with who. */
export function StrictModeForm({ actor }: { actor: string }) {
  const { t } = useTranslation('iom');
  const api = useApi();
  const id = useId();
  const load = useCallback(() => unwrap(api.iom.settings({})), [api]);
  const settings = useLoader(load);
  const [wanted, setWanted] = useState<boolean | undefined>();
  const action = useAction();
  const current = settings.data?.requireRegistered;
  const shown = wanted ?? current ?? false;
  const apply = () =>
    action.run(async () => {
      await unwrap(api.iom.setSettings({ requireRegistered: shown, actor: actor.trim() }));
      setWanted(undefined);
      settings.reload();
    });
  return (
    <section className="iom-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('strict.heading')}</h2>
      <div className="inline">
        <input id={id} type="checkbox" checked={shown} onChange={(e) => setWanted(e.target.checked)} aria-describedby={`${id}-help`} disabled={current === undefined} />
        <label htmlFor={id}>{t('strict.label')}</label>
      </div>
      <p id={`${id}-help`} className="help">
        {t('strict.help')}
      </p>
      <div>
        <button type="button" onClick={apply} disabled={action.busy || current === undefined || shown === current || actor.trim() === ''}>
          {t('strict.apply')}
        </button>
      </div>
      {current !== undefined && <p role="status">{t(current ? 'strict.on' : 'strict.off')}</p>}
      {(action.error ?? settings.error) && (
        <p className="error" role="alert">
          {action.error ?? settings.error}
        </p>
      )}
    </section>
  );
}
