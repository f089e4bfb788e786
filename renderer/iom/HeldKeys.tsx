import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FileOutcomeView, HeldKeyView } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';
import { formatDateTime, formatList, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { respondentWords } from './words.js';

/** What a decision did, kept as facts so its sentence follows the language. */
type Decided = { readonly decision: 'accept'; readonly outcomes: readonly FileOutcomeView[] } | { readonly decision: 'reject'; readonly quarantined: number };

interface HeldKeysProps {
  readonly held: readonly HeldKeyView[];
  /** Mechanism key → its name in the chosen language. */
  readonly names: ReadonlyMap<string, string>;
  readonly actor: string;
  readonly onDecided: () => void;
}

/** Keys whose packages are held: for whom they claim to answer, why they are held, and the decision. */
export function HeldKeys({ held, names, actor, onDecided }: HeldKeysProps) {
  const { t } = useTranslation('iom');
  const api = useApi();
  const lang = useLanguage();
  const [result, setResult] = useState<Decided | undefined>();
  const action = useAction();
  const decide = (decision: 'accept' | 'reject', h: HeldKeyView) =>
    action.run(async () => {
      const input = { fingerprint: h.fingerprint, actor: actor.trim(), ...(h.respondent.respondentKey ? { respondentKey: h.respondent.respondentKey } : {}) };
      if (decision === 'accept') setResult({ decision: 'accept', outcomes: (await unwrap(api.iom.acceptKey(input))).outcomes });
      else setResult({ decision: 'reject', quarantined: (await unwrap(api.iom.rejectKey(input))).quarantined });
      onDecided();
    });
  return (
    <section aria-labelledby="iom-held-title">
      <h2 id="iom-held-title">{t('keys.heldHeading')}</h2>
      {held.length === 0 && <p>{t('keys.noneHeld')}</p>}
      {held.map((h) => {
        const who = h.respondent.respondentKey
          ? t('respondent.ofMechanism', {
              respondent: respondentWords(t, h.respondent.kind, h.respondent.party),
              mechanism: names.get(h.respondent.mechanism) ?? h.respondent.mechanismLabel,
            })
          : t('respondent.unknown');
        return (
          <div key={`${h.fingerprint}-${h.respondent.respondentKey}-${h.reason}`} className="held-key" role="group" aria-label={t('keys.heldFor', { respondent: who })}>
            <p>
              <Trans t={t} i18nKey="keys.heldIntro" values={{ signer: h.signerName, respondent: who }} components={{ strong: <strong /> }} />
            </p>
            <p>{t(`keys.reasons.${h.reason}`)}</p>
            <dl className="key-facts">
              <dt>{t('keys.heldKey')}</dt>
              <dd className="mono">
                <bdi>{h.fingerprint}</bdi>
              </dd>
              {h.registeredFingerprints.length > 0 && (
                <>
                  <dt>{t('keys.registeredKeys')}</dt>
                  {h.registeredFingerprints.map((f) => (
                    <dd key={f} className="mono">
                      <bdi>{f}</bdi>
                    </dd>
                  ))}
                </>
              )}
            </dl>
            <p>{t('keys.checkSender')}</p>
            <ul>
              {h.packages.map((p) => (
                <li key={p.id}>{t('keys.heldPackage', { file: p.fileName, revision: formatNumber(lang, p.revision), when: formatDateTime(lang, p.heldAt) })}</li>
              ))}
            </ul>
            <div className="inline">
              <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('accept', h)}>
                {t('keys.accept')}
              </button>
              <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => decide('reject', h)}>
                {t('keys.reject')}
              </button>
            </div>
          </div>
        );
      })}
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {result && (
        <p role="status">
          {result.decision === 'accept'
            ? t('keys.accepted', {
                packages: formatNumber(lang, result.outcomes.length),
                outcomes: formatList(lang, result.outcomes.map((o) => t(`outcomes.kinds.${o.kind}`))),
              })
            : t('keys.rejected', { packages: formatNumber(lang, result.quarantined) })}
        </p>
      )}
    </section>
  );
}
