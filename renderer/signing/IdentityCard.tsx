import { useState } from 'react';
import type { AppInfo } from '../../core/contract/channels/app.js';
import type { Identity } from '../../core/contract/channels/identities.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { useTranslation } from 'react-i18next';
import { FileReady } from '../journey/FileReady.js';
import { ltr } from '../maintenance/bidi.js';

/** One signing key: who it is, its OpenSSH line and fingerprint, and the card export with its "file ready" step. */
export function IdentityCard({ identity, host }: { identity: Identity; host?: AppInfo['host'] }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const [message, setMessage] = useState<{ text: string; error: boolean; path?: string } | undefined>();
  async function exportCard() {
    const result = await api.identities.exportCard({ id: identity.id });
    if (result.ok)
      setMessage({ text: t('cardSaved', { path: ltr(result.value.path) }), error: false, path: result.value.path });
    else if (result.error.code !== 'CANCELLED') setMessage({ text: errorText(result.error), error: true });
  }
  const headingId = `identity-${identity.id}`;
  return (
    <article className="identity-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{identity.name}</h3>
      <p>{[identity.title, identity.organisation, identity.email].filter(Boolean).join(' · ')}</p>
      <dl>
        <dt>{t('publicKey')}</dt>
        <dd>
          <code className="key-line" data-testid="public-key">
            {identity.publicKey}
          </code>
        </dd>
        <dt>{t('fingerprint')}</dt>
        <dd>
          <code data-testid="fingerprint">{identity.fingerprint}</code>
        </dd>
        <dt>{t('protection')}</dt>
        <dd>{identity.protection === 'passphrase+os' ? t('protectedBoth') : t('protectedPassphrase')}</dd>
      </dl>
      <button
        type="button"
        onClick={() => void exportCard()}
        aria-label={t('exportCardNamed', { name: identity.name })}
      >
        {t('exportCard')}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'saved-path'}>
          {message.text}
        </p>
      )}
      {message?.path && <FileReady file={{ path: message.path }} host={host} saved="key-card" focusOnShow />}
    </article>
  );
}
