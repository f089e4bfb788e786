import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { IomInfo } from '../../core/contract/channels/iom.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';

/** Which age identity the workspace decrypts with: create one, or use an existing file. */
export function IdentitySetup({ info, onChange }: { info: IomInfo; onChange: (info: IomInfo) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const action = useAction();
  const use = useCallback(() => {
    action.run(async () => onChange(await unwrap(window.iscm.iom.useIdentity({ path: path.trim() }))));
  }, [action, onChange, path]);
  if (info.recipient)
    return (
      <p className="read-only-note">
        <Trans i18nKey="iom.identity.inUse" values={{ path: info.identityPath, recipient: info.recipient }} components={{ code: <code /> }} />
      </p>
    );
  return (
    <div className="iom-form" role="group" aria-labelledby="iom-identity-title">
      <h2 id="iom-identity-title">{t('iom.identity.heading')}</h2>
      <p>{t('iom.identity.intro')}</p>
      <div className="field">
        <label htmlFor="iom-identity-path">{t('iom.identity.path')}</label>
        <div className="inline">
          <input id="iom-identity-path" value={path} onChange={(e) => setPath(e.target.value)} size={50} />
          <button type="button" disabled={action.busy || path.trim() === ''} onClick={use}>
            {t('iom.identity.use')}
          </button>
        </div>
      </div>
      <div>
        <button type="button" disabled={action.busy} onClick={() => action.run(async () => onChange(await unwrap(window.iscm.iom.createIdentity({}))))}>
          {t('iom.identity.create')}
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
