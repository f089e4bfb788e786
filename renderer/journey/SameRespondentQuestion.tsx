import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../core/contract/channels/drafts.js';
import type { z } from 'zod';
import type { submissionChannels } from '../../core/contract/channels/submissions.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { listLabel, MECHANISM_LIST } from '../questionnaire/labels.js';

export type SameRespondentReport = z.infer<typeof submissionChannels.sameRespondentChains.output>;
type Chain = SameRespondentReport['chains'][number];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Whom the draft answers as, in words: "the secretariat", or the State or organisation as written. */
function respondentWords(draft: Draft, secretariat: string): string {
  const kind = text(draft.answers.respondent_kind) || draft.respondentKind;
  if (kind === 'secretariat') return secretariat;
  return (kind === 'state' ? text(draft.answers.state_name) : text(draft.answers.respondent_institution)) || kind;
}

/**
 * Before a first revision is finalized, when this computer already sent one for the same
 * mechanism and respondent (as IOM decides it, core/trust/respondent.ts): ask plainly whether
 * this is a correction of it. A correction turns the draft into its amendment (its answers
 * kept), so IOM sees revision N+1 instead of two competing submissions.
 */
export function SameRespondentQuestion({
  draft,
  loaded,
  chains,
  onAnswered,
}: {
  draft: Draft;
  loaded: LoadedQuestionnaire;
  chains: readonly Chain[];
  onAnswered: (turnedInto: Chain | undefined) => void;
}) {
  const { t } = useTranslation('journey');
  const lang = useLanguage();
  const api = useApi();
  const id = useId();
  const [choice, setChoice] = useState<string>('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const mechanism = listLabel(loaded, MECHANISM_LIST, text(draft.answers.mechanism) || (draft.mechanism ?? ''), lang);
  const respondent = respondentWords(draft, t('secretariat'));

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setError(undefined);
    if (choice === 'separate') {
      onAnswered(undefined);
      return;
    }
    const chain = chains.find((c) => c.latestId === choice);
    if (!chain) return;
    setBusy(true);
    const result = await api.submissions.turnIntoAmendment({ draftId: draft.id, submissionId: chain.latestId });
    setBusy(false);
    if (result.ok) onAnswered(chain);
    else setError(errorText(result.error));
  }

  return (
    <form className="same-respondent" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sameHeading')}</h2>
      <fieldset>
        <legend>
          {chains.slice(0, 1).map((c) =>
            t('sameQuestion', {
              mechanism,
              respondent,
              revision: formatNumber(lang, c.latestRevision),
              date: formatDateTime(lang, c.finalizedAt),
            }),
          )}
        </legend>
        {chains.map((c) =>
          c.openAmendmentDraftId ? (
            <p key={c.latestId}>
              <a href={`#/drafts/${encodeURIComponent(c.openAmendmentDraftId)}`}>{t('sameOpenAmendment')}</a>
            </p>
          ) : (
            <div className="field checkbox" key={c.latestId}>
              <input
                type="radio"
                id={`${id}-${c.latestId}`}
                name="same-respondent"
                value={c.latestId}
                checked={choice === c.latestId}
                onChange={() => setChoice(c.latestId)}
              />
              <label htmlFor={`${id}-${c.latestId}`}>
                {t('sameCorrection', { revision: formatNumber(lang, c.latestRevision + 1) })}
                {chains.length > 1 && ` (${formatDateTime(lang, c.finalizedAt)})`}
              </label>
            </div>
          ),
        )}
        <div className="field checkbox">
          <input
            type="radio"
            id={`${id}-separate`}
            name="same-respondent"
            value="separate"
            checked={choice === 'separate'}
            onChange={() => setChoice('separate')}
          />
          <label htmlFor={`${id}-separate`}>{t('sameSeparate')}</label>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={choice === '' || busy}>
        {t('sameContinue')}
      </button>
    </form>
  );
}
