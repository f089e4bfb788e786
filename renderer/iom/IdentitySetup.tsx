import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { IomInfo } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';

/** Which age identity the workspace decrypts with: create one, or use an existing file. */
export function IdentitySetup({ info, onChange }: { info: IomInfo; onChange: (info: IomInfo) => void }) {
  const { t } = useTranslation('iom');
  const api = useApi();
  const [path, setPath] = useState('');
  const action = useAction();
  const use = useCallback(() => {
    action.run(async () => onChange(await unwrap(api.iom.useIdentity({ path: path.trim() }))));
  }, [action, api, onChange, path]);
  if (info.recipient)
    return (
      <p className="read-only-note">
        <Trans i18nKey="identity.inUse" ns="iom" values={{ path: info.identityPath, recipient: info.recipient }} components={{ code: <code /> }} />
      </p>
    );
  return (
    <div className="iom-form" role="group" aria-labelledby="iom-identity-title">
      <h2 id="iom-identity-title">{t('identity.heading')}</h2>
      <p>{t('identity.intro')}</p>
      <div className="field">
        <label htmlFor="iom-identity-path">{t('identity.path')}</label>
        <div className="inline">
          <input id="iom-identity-path" value={path} onChange={(e) => setPath(e.target.value)} size={50} />
          <button type="button" disabled={action.busy || path.trim() === ''} onClick={use}>
            {t('identity.use')}
          </button>
        </div>
      </div>
      <div>
        <button type="button" disabled={action.busy} onClick={() => action.run(async () => onChange(await unwrap(api.iom.createIdentity({}))))}>
          {t('identity.create')}
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
