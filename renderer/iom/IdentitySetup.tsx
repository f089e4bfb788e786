import { useCallback, useState } from 'react';
import type { IomInfo } from '../../core/contract/channels/iom.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';

/** Which age identity the workspace decrypts with: create one, or use an existing file. */
export function IdentitySetup({ info, onChange }: { info: IomInfo; onChange: (info: IomInfo) => void }) {
  const [path, setPath] = useState('');
  const action = useAction();
  const use = useCallback(() => {
    action.run(async () => onChange(await unwrap(window.iscm.iom.useIdentity({ path: path.trim() }))));
  }, [action, onChange, path]);
  if (info.recipient)
    return (
      <p className="read-only-note">
        Decrypting with the identity in <code>{info.identityPath}</code>; its recipient (for the questionnaire configuration) is{' '}
        <code>{info.recipient}</code>.
      </p>
    );
  return (
    <div className="iom-form" role="group" aria-labelledby="iom-identity-title">
      <h2 id="iom-identity-title">IOM's identity</h2>
      <p>Packages are sealed to IOM's key. Use the identity file IOM already has, or create one for testing.</p>
      <div className="field">
        <label htmlFor="iom-identity-path">Identity file (path on this computer)</label>
        <div className="inline">
          <input id="iom-identity-path" value={path} onChange={(e) => setPath(e.target.value)} size={50} />
          <button type="button" disabled={action.busy || path.trim() === ''} onClick={use}>
            Use this identity
          </button>
        </div>
      </div>
      <div>
        <button type="button" disabled={action.busy} onClick={() => action.run(async () => onChange(await unwrap(window.iscm.iom.createIdentity({}))))}>
          Create a new identity
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
    </div>
  );
}
