import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';
import { respondentWords } from './words.js';

const KINDS = ['secretariat', 'state', 'organisation'] as const;
type Kind = (typeof KINDS)[number];
const OTHER = 'other';

interface KeyCardFormProps {
  /** The questionnaire's mechanisms, by key, named in the chosen language. */
  readonly mechanisms: readonly { readonly mechanism: string; readonly label: string }[];
  readonly actor: string;
  readonly onRegistered: () => void;
}

/** Registers a signer's key from the public key card they sent, for one respondent, before their first package. */
export function KeyCardForm({ mechanisms, actor, onRegistered }: KeyCardFormProps) {
  const { t } = useTranslation('iom');
  const api = useApi();
  const id = useId();
  const [path, setPath] = useState('');
  const [mechanism, setMechanism] = useState('');
  const [otherName, setOtherName] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [party, setParty] = useState('');
  // The outcome as facts, not a sentence: the sentence follows the language if it changes afterwards.
  const [done, setDone] = useState<{ changed: boolean; fingerprint: string; kind: Kind; party: string; mechanism: string } | undefined>();
  const action = useAction();
  const needsParty = kind === 'state' || kind === 'organisation';
  const ready = path.trim() !== '' && kind !== '' && (!needsParty || party.trim() !== '') && (mechanism !== OTHER || otherName.trim() !== '') && actor.trim() !== '';
  const submit = () =>
    action.run(async () => {
      if (kind === '') return;
      const result = await unwrap(
        api.iom.importKeyCard({
          path: path.trim(),
          kind,
          actor: actor.trim(),
          ...(mechanism ? { mechanism } : {}),
          ...(mechanism === OTHER ? { mechanismName: otherName.trim() } : {}),
          ...(needsParty ? { party: party.trim() } : {}),
        }),
      );
      // The mechanism the key was registered under (the card's own, when not chosen here).
      const registeredUnder = result.respondentKey.split('/')[0] ?? '';
      const label = mechanism === OTHER ? otherName.trim() : (mechanisms.find((m) => m.mechanism === registeredUnder)?.label ?? registeredUnder);
      setDone({ changed: result.changed, fingerprint: result.fingerprint, kind, party: party.trim(), mechanism: label });
      onRegistered();
    });
  const who = done ? respondentWords(t, done.kind, done.party) : '';
  return (
    <section className="iom-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('keyCard.heading')}</h2>
      <p>{t('keyCard.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-path`}>{t('keyCard.path')}</label>
        <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} size={50} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mechanism`}>{t('keyCard.mechanism')}</label>
        <select id={`${id}-mechanism`} value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
          <option value="">{t('keyCard.asOnCard')}</option>
          {mechanisms.map((m) => (
            <option key={m.mechanism} value={m.mechanism}>
              {m.label}
            </option>
          ))}
          <option value={OTHER}>{t('keyCard.other')}</option>
        </select>
      </div>
      {mechanism === OTHER && (
        <div className="field">
          <label htmlFor={`${id}-other`}>{t('keyCard.otherName')}</label>
          <input id={`${id}-other`} value={otherName} onChange={(e) => setOtherName(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('keyCard.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
          <option value="">{t('keyCard.chooseKind')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`respondentKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {needsParty && (
        <div className="field">
          <label htmlFor={`${id}-party`}>{t('keyCard.party')}</label>
          <input id={`${id}-party`} value={party} onChange={(e) => setParty(e.target.value)} />
        </div>
      )}
      <div>
        <button type="button" disabled={action.busy || !ready} onClick={submit}>
          {t('keyCard.submit')}
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {done && (
        <p role="status">
          {t(done.changed ? 'keyCard.registered' : 'keyCard.already', {
            fingerprint: done.fingerprint,
            respondent: done.mechanism ? t('respondent.ofMechanism', { respondent: who, mechanism: done.mechanism }) : who,
          })}
        </p>
      )}
    </section>
  );
}
