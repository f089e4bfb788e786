import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { messageOf, unwrap } from '../api/errors.js';
import { useLanguage } from '../i18n/use-language.js';
import { choiceLabel, mechanismQuestionId, RESPONDENT_QUESTION, textIn } from '../questionnaire/labels.js';
import { navigate } from '../routing/hash-route.js';

/**
 * A new draft starts with who answers and about which mechanism (the questionnaire's own
 * questions), so the wizard opens on the right sections. The title follows the mechanism
 * ("Bali Process 2026") until the user types one.
 */
export function CreateDraftForm({ loaded }: { loaded: LoadedQuestionnaire }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const respondent = loaded.questions.get(RESPONDENT_QUESTION);
  const mechanismId = mechanismQuestionId(loaded);
  const mechanism = mechanismId === undefined ? undefined : loaded.questions.get(mechanismId);
  const [kind, setKind] = useState('');
  const [mech, setMech] = useState('');
  const [title, setTitle] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** Which choice is missing when "Create" was refused: it is marked, described and focused. */
  const [missing, setMissing] = useState<'respondent' | 'mechanism' | undefined>();
  const [busy, setBusy] = useState(false);
  const respondentGroup = useRef<HTMLFieldSetElement>(null);
  const mechanismSelect = useRef<HTMLSelectElement>(null);
  const year = new Date().getFullYear();
  const defaultTitle = mech ? t('create.defaultTitle', { mechanism: choiceLabel(loaded, mechanism?.choices, mech, lang), year }) : '';
  const shownTitle = title ?? defaultTitle;

  async function create(event: SyntheticEvent) {
    event.preventDefault();
    const lacking = respondent && !kind ? 'respondent' : mechanism && !mech ? 'mechanism' : undefined;
    setMissing(lacking);
    if (lacking === 'respondent') {
      setError(t('create.needRespondent'));
      respondentGroup.current?.querySelector('input')?.focus();
      return;
    }
    if (lacking === 'mechanism') {
      setError(t('create.needMechanism'));
      mechanismSelect.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const draft = await unwrap(
        window.iscm.drafts.create({ title: shownTitle.trim() || t('create.heading'), respondentKind: kind || 'unknown', mechanism: mech || null, language: lang }),
      );
      if (respondent) await unwrap(window.iscm.answers.save({ draftId: draft.id, path: respondent.id, value: kind }));
      if (mechanism) await unwrap(window.iscm.answers.save({ draftId: draft.id, path: mechanism.id, value: mech }));
      navigate({ name: 'draft', draftId: draft.id });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void create(e)} className="create-draft" aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading">{t('create.heading')}</h2>
      {error && (
        <p role="alert" className="error" id="create-error">
          {error}
        </p>
      )}
      {respondent && (
        <fieldset className="choice-group" ref={respondentGroup} aria-describedby={missing === 'respondent' ? 'create-error' : undefined}>
          <legend>{textIn(loaded, respondent.question.label, lang) || t('create.respondent')}</legend>
          {(respondent.choices ?? []).map((c) => (
            <label key={c.value} className="choice">
              <input
                type="radio"
                name="create-respondent"
                value={c.value}
                checked={kind === c.value}
                aria-invalid={missing === 'respondent' || undefined}
                onChange={() => {
                  setKind(c.value);
                  if (missing === 'respondent') {
                    setMissing(undefined);
                    setError(undefined);
                  }
                }}
              />
              <span>{textIn(loaded, c.label, lang)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {mechanism && (
        <div className="field">
          <label htmlFor="create-mechanism">{textIn(loaded, mechanism.question.label, lang) || t('create.mechanism')}</label>
          <select
            id="create-mechanism"
            ref={mechanismSelect}
            value={mech}
            aria-invalid={missing === 'mechanism' || undefined}
            aria-describedby={missing === 'mechanism' ? 'create-error' : undefined}
            onChange={(e) => {
              setMech(e.target.value);
              if (missing === 'mechanism') {
                setMissing(undefined);
                setError(undefined);
              }
            }}
          >
            <option value="">{t('create.choose')}</option>
            {(mechanism.choices ?? []).map((c) => (
              <option key={c.value} value={c.value}>
                {textIn(loaded, c.label, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="new-draft-title">{t('create.title')}</label>
        <input id="new-draft-title" value={shownTitle} onChange={(e) => setTitle(e.target.value)} maxLength={200} aria-describedby="new-draft-title-help" />
        <span id="new-draft-title-help" className="help">
          {t('create.titleHelp')}
        </span>
      </div>
      <button type="submit" disabled={busy}>
        {t('create.submit')}
      </button>
    </form>
  );
}
