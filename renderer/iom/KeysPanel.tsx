import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { useLanguage } from '../i18n/use-language.js';
import { ActorField } from './ActorField.js';
import { HeldKeys } from './HeldKeys.js';
import { KeyCardForm } from './KeyCardForm.js';
import { KeyRegistry } from './KeyRegistry.js';
import { StrictModeForm } from './StrictModeForm.js';
import { useActor } from './use-actor.js';

/** The keys: strict mode, keys held for a decision, key cards, and the registry by mechanism and respondent. */
export function KeysPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const lang = useLanguage();
  const [actor, setActor] = useActor();
  const load = useCallback(async () => {
    const [keys, status] = await Promise.all([unwrap(api.iom.listKeys({})), unwrap(api.iom.status({ lang }))]);
    return { keys, mechanisms: status.mechanisms.filter((m) => m.listed).map((m) => ({ mechanism: m.mechanism, label: m.label })), names: new Map(status.mechanisms.map((m) => [m.mechanism, m.label])) };
  }, [api, lang]);
  const { data, error, reload } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <div>
      <div className="iom-form">
        <ActorField value={actor} onChange={setActor} />
      </div>
      <HeldKeys held={data.keys.held} names={data.names} actor={actor} onDecided={reload} />
      <StrictModeForm actor={actor} />
      <KeyCardForm mechanisms={data.mechanisms} actor={actor} onRegistered={reload} />
      <KeyRegistry signers={data.keys.signers} names={data.names} />
    </div>
  );
}
