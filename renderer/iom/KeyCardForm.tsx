import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';

/** Pins a signer's key from the public key card they sent, before their first package arrives. */
export function KeyCardForm({ onPinned }: { onPinned: () => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [mechanism, setMechanism] = useState('');
  const [actor, setActor] = useState('');
  // The outcome, not its sentence: the sentence follows the language if it changes afterwards.
  const [done, setDone] = useState<{ changed: boolean; fingerprint: string; mechanism: string } | undefined>();
  const action = useAction();
  const submit = () =>
    action.run(async () => {
      const input = { path: path.trim(), actor: actor.trim(), ...(mechanism.trim() ? { mechanism: mechanism.trim() } : {}) };
      const result = await unwrap(window.iscm.iom.importKeyCard(input));
      setDone(result);
      onPinned();
    });
  return (
    <div className="iom-form" role="group" aria-labelledby="iom-card-title">
      <h2 id="iom-card-title">{t('iom.keyCard.heading')}</h2>
      <div className="field">
        <label htmlFor="iom-card-path">{t('iom.keyCard.path')}</label>
        <input id="iom-card-path" value={path} onChange={(e) => setPath(e.target.value)} size={50} />
      </div>
      <div className="field">
        <label htmlFor="iom-card-mechanism">{t('iom.keyCard.mechanism')}</label>
        <input id="iom-card-mechanism" value={mechanism} onChange={(e) => setMechanism(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="iom-card-actor">{t('iom.keyCard.actor')}</label>
        <input id="iom-card-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
      </div>
      <div>
        <button type="button" disabled={action.busy || path.trim() === '' || actor.trim() === ''} onClick={submit}>
          {t('iom.keyCard.submit')}
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {done && (
        <p role="status">{t(done.changed ? 'iom.keyCard.pinned' : 'iom.keyCard.alreadyPinned', { fingerprint: done.fingerprint, mechanism: done.mechanism })}</p>
      )}
    </div>
  );
}
