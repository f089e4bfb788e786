import { useState } from 'react';
import { unwrap } from '../api/errors.js';
import { KeyCardForm } from './KeyCardForm.js';
import { useAction, useLoader } from '../api/use-loader.js';

const loadKeys = () => unwrap(window.iscm.iom.listKeys({}));

/** Keys pinned per mechanism, and new keys whose packages are held until someone decides. */
export function KeysPanel() {
  const keys = useLoader(loadKeys);
  const [actor, setActor] = useState('');
  const [result, setResult] = useState<string | undefined>();
  const action = useAction();
  if (keys.error) return <p className="error">{keys.error}</p>;
  if (!keys.data) return <p>Loading…</p>;
  const decide = (decision: 'accept' | 'reject', mechanism: string, fingerprint: string) =>
    action.run(async () => {
      const input = { mechanism, fingerprint, actor: actor.trim() };
      if (decision === 'accept') {
        const { outcomes } = await unwrap(window.iscm.iom.acceptKey(input));
        setResult(`Key accepted; ${outcomes.length} held package(s) imported again: ${outcomes.map((o) => o.code).join(', ')}.`);
      } else {
        const { quarantined } = await unwrap(window.iscm.iom.rejectKey(input));
        setResult(`Key rejected; ${quarantined} package(s) moved to the quarantine.`);
      }
      keys.reload();
    });
  return (
    <div>
      <h2>Keys held for review</h2>
      {keys.data.held.length === 0 && <p>No package is waiting for a key decision.</p>}
      {keys.data.held.length > 0 && (
        <div className="iom-form">
          <div className="field">
            <label htmlFor="iom-actor">Your name (recorded with the decision)</label>
            <input id="iom-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
          </div>
        </div>
      )}
      {keys.data.held.map((h) => (
        <div key={`${h.mechanism}-${h.fingerprint}`} className="held-key" role="group" aria-label={`New key for ${h.mechanism}`}>
          <p>
            <strong>{h.mechanism}</strong>: packages signed by <strong>{h.signerName}</strong> with a new key.
          </p>
          <p>
            New key <span className="mono">{h.fingerprint}</span>
            <br />
            Recorded key <span className="mono">{h.pinnedFingerprint}</span>
          </p>
          <p>Check with the sender (by phone, not by replying to the email) that the new key is theirs before accepting it.</p>
          <ul>
            {h.packages.map((p) => (
              <li key={p.id}>
                {p.fileName}: revision {p.revision}, held {p.heldAt.slice(0, 16).replace('T', ' ')}
              </li>
            ))}
          </ul>
          <div className="inline">
            <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('accept', h.mechanism, h.fingerprint)}>
              Accept the new key
            </button>
            <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('reject', h.mechanism, h.fingerprint)}>
              Reject the new key
            </button>
          </div>
        </div>
      ))}
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {result && <p role="status">{result}</p>}
      <KeyCardForm onPinned={keys.reload} />
      <h2>Pinned keys</h2>
      {keys.data.pinned.length === 0 ? (
        <p>No key is pinned yet: the first package of each mechanism pins its signer's key.</p>
      ) : (
        <table aria-label="Pinned keys">
          <thead>
            <tr>
              <th scope="col">Mechanism</th>
              <th scope="col">Signer</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">How</th>
              <th scope="col">When, by whom</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.pinned.map((k) => (
              <tr key={k.mechanism}>
                <td>{k.mechanism}</td>
                <td>{k.signerName}</td>
                <td className="mono">{k.fingerprint}</td>
                <td>{k.source === 'package' ? 'first package' : k.source === 'card' ? 'key card' : 'accepted'}</td>
                <td>
                  {k.pinnedAt.slice(0, 16).replace('T', ' ')}, {k.pinnedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
