import { useState } from 'react';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';

/** Pins a signer's key from the public key card they sent, before their first package arrives. */
export function KeyCardForm({ onPinned }: { onPinned: () => void }) {
  const [path, setPath] = useState('');
  const [mechanism, setMechanism] = useState('');
  const [actor, setActor] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const action = useAction();
  const submit = () =>
    action.run(async () => {
      const input = { path: path.trim(), actor: actor.trim(), ...(mechanism.trim() ? { mechanism: mechanism.trim() } : {}) };
      const result = await unwrap(window.iscm.iom.importKeyCard(input));
      setDone(`${result.changed ? 'Pinned' : 'Already pinned'}: ${result.fingerprint} for ${result.mechanism}.`);
      onPinned();
    });
  return (
    <div className="iom-form" role="group" aria-labelledby="iom-card-title">
      <h2 id="iom-card-title">Import a public key card</h2>
      <div className="field">
        <label htmlFor="iom-card-path">Key card file (path on this computer)</label>
        <input id="iom-card-path" value={path} onChange={(e) => setPath(e.target.value)} size={50} />
      </div>
      <div className="field">
        <label htmlFor="iom-card-mechanism">Mechanism (when the card does not name it)</label>
        <input id="iom-card-mechanism" value={mechanism} onChange={(e) => setMechanism(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="iom-card-actor">Your name</label>
        <input id="iom-card-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
      </div>
      <div>
        <button type="button" disabled={action.busy || path.trim() === '' || actor.trim() === ''} onClick={submit}>
          Pin this key
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
    </div>
  );
}
