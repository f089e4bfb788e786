import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MechanismStatusView } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ActorField } from './ActorField.js';
import { iomHref } from './iom-route.js';
import { useActor } from './use-actor.js';
import { respondentWords } from './words.js';

/** Respondents with two or more counted submissions, and IOM's choice of the one that counts. */
export function DuplicatesSection({ mechanisms, onChosen }: { mechanisms: readonly MechanismStatusView[]; onChosen: () => void }) {
  const { t } = useTranslation('iom');
  const api = useApi();
  const lang = useLanguage();
  const [actor, setActor] = useActor();
  const [withdrawn, setWithdrawn] = useState<number | undefined>();
  const action = useAction();
  const groups = mechanisms.flatMap((m) =>
    [m.secretariat, ...m.states, ...m.organisations].filter((r) => r.possibleDuplicate).map((r) => ({ mechanism: m, respondent: r })),
  );
  const choose = (rootId: string) =>
    action.run(async () => {
      const result = await unwrap(api.iom.chooseSubmission({ rootId, actor: actor.trim() }));
      setWithdrawn(result.withdrawn.length);
      onChosen();
    });
  return (
    <section aria-labelledby="iom-duplicates-title">
      <h2 id="iom-duplicates-title">{t('status.duplicatesHeading')}</h2>
      {withdrawn !== undefined && <p role="status">{t('status.chosen', { count: formatNumber(lang, withdrawn) })}</p>}
      {groups.length === 0 ? (
        <p>{t('status.noDuplicates')}</p>
      ) : (
        <>
          <p>{t('status.duplicatesIntro')}</p>
          <div className="iom-form">
            <ActorField value={actor} onChange={setActor} />
          </div>
          {groups.map(({ mechanism, respondent }) => {
            const who = t('status.duplicateOf', { respondent: respondentWords(t, respondent.kind, respondent.party), mechanism: mechanism.label });
            return (
              <div key={respondent.respondentKey} className="held-key" role="group" aria-label={who}>
                <h3>{who}</h3>
                <ul>
                  {respondent.chains
                    .filter((c) => c.state === 'counted')
                    .map((c) => {
                      // Two duplicates can share signer and day: the time, the key and the submission tell them apart.
                      const facts = { revision: formatNumber(lang, c.revision), signer: c.signerName, date: formatDateTime(lang, c.finalizedAt), id: c.rootId.slice(0, 8) };
                      return (
                        <li key={c.rootId}>
                          <a href={iomHref({ tab: 'submissions', submissionId: c.submissionId })}>{t('status.chain', facts)}</a>{' '}
                          <span className="mono detail">
                            {t('status.chainRef', { id: facts.id })} <bdi>{c.fingerprint}</bdi>
                          </span>{' '}
                          <button type="button" disabled={action.busy || actor.trim() === ''} onClick={() => choose(c.rootId)} aria-label={t('status.chooseLabel', facts)}>
                            {t('status.choose')}
                          </button>
                        </li>
                      );
                    })}
                </ul>
              </div>
            );
          })}
        </>
      )}
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
