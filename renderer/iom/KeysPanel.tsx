import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { unwrap } from '../api/errors.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { KeyCardForm } from './KeyCardForm.js';
import { useAction, useLoader } from '../api/use-loader.js';

const loadKeys = () => unwrap(window.iscm.iom.listKeys({}));

/** What a decision did, kept as facts so its sentence follows the language. */
type Decided = { readonly decision: 'accept'; readonly codes: readonly string[] } | { readonly decision: 'reject'; readonly quarantined: number };

/** Keys pinned per mechanism, and new keys whose packages are held until someone decides. */
export function KeysPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const keys = useLoader(loadKeys);
  const [actor, setActor] = useState('');
  const [result, setResult] = useState<Decided | undefined>();
  const action = useAction();
  if (keys.error) return <p className="error">{keys.error}</p>;
  if (!keys.data) return <p>{t('app.loading')}</p>;
  const decide = (decision: 'accept' | 'reject', mechanism: string, fingerprint: string) =>
    action.run(async () => {
      const input = { mechanism, fingerprint, actor: actor.trim() };
      if (decision === 'accept') {
        const { outcomes } = await unwrap(window.iscm.iom.acceptKey(input));
        setResult({ decision: 'accept', codes: outcomes.map((o) => o.code) });
      } else {
        const { quarantined } = await unwrap(window.iscm.iom.rejectKey(input));
        setResult({ decision: 'reject', quarantined });
      }
      keys.reload();
    });
  return (
    <div>
      <h2>{t('iom.keys.heldHeading')}</h2>
      {keys.data.held.length === 0 && <p>{t('iom.keys.noneHeld')}</p>}
      {keys.data.held.length > 0 && (
        <div className="iom-form">
          <div className="field">
            <label htmlFor="iom-actor">{t('iom.keys.actor')}</label>
            <input id="iom-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
          </div>
        </div>
      )}
      {keys.data.held.map((h) => (
        <div key={`${h.mechanism}-${h.fingerprint}`} className="held-key" role="group" aria-label={t('iom.keys.newKeyFor', { mechanism: h.mechanism })}>
          <p>
            <Trans i18nKey="iom.keys.heldIntro" values={{ mechanism: h.mechanism, signer: h.signerName }} components={{ strong: <strong /> }} />
          </p>
          <p>
            {t('iom.keys.newKey')} <span className="mono">{h.fingerprint}</span>
            <br />
            {t('iom.keys.recordedKey')} <span className="mono">{h.pinnedFingerprint}</span>
          </p>
          <p>{t('iom.keys.checkSender')}</p>
          <ul>
            {h.packages.map((p) => (
              <li key={p.id}>
                {t('iom.keys.heldPackage', { file: p.fileName, revision: formatNumber(lang, p.revision), when: formatDateTime(lang, p.heldAt) })}
              </li>
            ))}
          </ul>
          <div className="inline">
            <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('accept', h.mechanism, h.fingerprint)}>
              {t('iom.keys.accept')}
            </button>
            <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('reject', h.mechanism, h.fingerprint)}>
              {t('iom.keys.reject')}
            </button>
          </div>
        </div>
      ))}
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {result && (
        <p role="status">
          {result.decision === 'accept'
            ? t('iom.keys.accepted', { packages: formatNumber(lang, result.codes.length), codes: result.codes.join(', ') })
            : t('iom.keys.rejected', { packages: formatNumber(lang, result.quarantined) })}
        </p>
      )}
      <KeyCardForm onPinned={keys.reload} />
      <h2>{t('iom.keys.pinnedHeading')}</h2>
      {keys.data.pinned.length === 0 ? (
        <p>{t('iom.keys.nonePinned')}</p>
      ) : (
        <table aria-label={t('iom.keys.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('iom.keys.colMechanism')}</th>
              <th scope="col">{t('iom.keys.colSigner')}</th>
              <th scope="col">{t('iom.keys.colFingerprint')}</th>
              <th scope="col">{t('iom.keys.colHow')}</th>
              <th scope="col">{t('iom.keys.colWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.pinned.map((k) => (
              <tr key={k.mechanism}>
                <td>{k.mechanism}</td>
                <td>{k.signerName}</td>
                <td className="mono">{k.fingerprint}</td>
                <td>{t(k.source === 'package' ? 'iom.keys.sources.package' : k.source === 'card' ? 'iom.keys.sources.card' : 'iom.keys.sources.accepted')}</td>
                <td>{t('iom.keys.pinnedWhen', { when: formatDateTime(lang, k.pinnedAt), by: k.pinnedBy })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
