import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { draftChannels } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { LiveFieldMessage } from '../forms/LiveFieldMessage.js';
import { RequiredMark } from '../forms/RequiredMark.js';
import { FormField } from '../forms/FormField.js';
import { schemaResolver } from '../forms/schema-resolver.js';
import { useIssueText } from '../forms/use-issue-text.js';
import { useLanguage } from '../i18n/use-language.js';
import { choiceLabel, mechanismQuestionId, RESPONDENT_QUESTION, textIn } from '../questionnaire/labels.js';
import { navigate } from '../routing/hash-route.js';
import { MechanismCombobox } from './MechanismCombobox.js';
import { groupMechanisms } from './mechanism-options.js';

const input = draftChannels.create.input;

/**
 * The form's fields, checked as main will check `drafts.create`: who answers and the
 * mechanism must be chosen when the questionnaire asks them; an empty title becomes `fallbackTitle`.
 */
const formSchema = (asks: { respondent: boolean; mechanism: boolean }, fallbackTitle: string) =>
  z
    .object({
      respondentKind: asks.respondent ? input.shape.respondentKind : z.string(),
      mechanism: asks.mechanism ? input.shape.mechanism.unwrap() : z.string(),
      title: z.string(),
    })
    .transform((v) => ({ respondentKind: v.respondentKind || 'unknown', mechanism: v.mechanism || null, title: v.title.trim() || fallbackTitle }))
    .pipe(input.omit({ language: true }));

/**
 * A new draft starts with who answers and about which mechanism (the questionnaire's own
 * questions), so the wizard opens on the right sections. The title follows the mechanism
 * ("Bali Process 2026") until the user types one.
 */
export function CreateDraftForm({ loaded }: { loaded: LoadedQuestionnaire }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const respondent = loaded.questions.get(RESPONDENT_QUESTION);
  const mechanismId = mechanismQuestionId(loaded);
  const mechanism = mechanismId === undefined ? undefined : loaded.questions.get(mechanismId);
  const schema = useMemo(() => formSchema({ respondent: respondent !== undefined, mechanism: mechanism !== undefined }, t('create.heading')), [respondent, mechanism, t]);
  const byField = useMemo(() => ({ respondentKind: t('create.needRespondent'), mechanism: t('create.needMechanism') }), [t]);
  const form = useForm({ defaultValues: { respondentKind: '', mechanism: '', title: '' }, resolver: schemaResolver(schema, useIssueText(byField)) });
  const { register, formState, control, getFieldState, setValue } = form;
  const [failure, setFailure] = useState<string | undefined>();
  const chosen = useWatch({ control, name: 'mechanism' });
  const listId = mechanism?.question.type === 'single_choice' ? mechanism.question.choices : undefined;
  const mechanismGroups = useMemo(
    () => (listId === undefined ? [] : groupMechanisms(loaded, listId, lang, t('wayfinding:otherKind'))),
    [loaded, listId, lang, t],
  );
  const year = new Date().getFullYear();
  const defaultTitle = chosen ? t('create.defaultTitle', { mechanism: choiceLabel(loaded, mechanism?.choices, chosen, lang), year }) : '';
  useEffect(() => {
    // The title follows the mechanism until the user types one of their own.
    if (!getFieldState('title').isDirty) setValue('title', defaultTitle);
  }, [defaultTitle, getFieldState, setValue]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      const draft = await unwrap(api.drafts.create({ ...values, language: lang }));
      if (respondent) await unwrap(api.answers.save({ draftId: draft.id, path: respondent.id, value: values.respondentKind }));
      if (mechanism) await unwrap(api.answers.save({ draftId: draft.id, path: mechanism.id, value: values.mechanism }));
      navigate({ name: 'draft', draftId: draft.id });
    } catch (e) {
      setFailure(messageOf(e));
    }
  });

  const respondentError = formState.errors.respondentKind?.message;
  const mechanismError = formState.errors.mechanism?.message;
  return (
    <form onSubmit={(e) => void submit(e)} className="create-draft" aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading">{t('create.heading')}</h2>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {respondent && (
        <fieldset className="choice-group" aria-describedby={respondentError ? 'create-respondent-error' : undefined}>
          <legend>
            {textIn(loaded, respondent.question.label, lang) || t('create.respondent')}
            <RequiredMark />
          </legend>
          {(respondent.choices ?? []).map((c) => (
            <label key={c.value} className="choice">
              <input type="radio" value={c.value} aria-invalid={respondentError ? true : undefined} {...register('respondentKind')} />
              <span>{textIn(loaded, c.label, lang)}</span>
            </label>
          ))}
          <LiveFieldMessage id="create-respondent-error" message={respondentError} />
        </fieldset>
      )}
      {mechanism && (
        <>
          {/* A Controller, rendered after the radios have registered: the first invalid field focused is still the first on screen. */}
          <Controller
            control={control}
            name="mechanism"
            render={({ field }) => (
              <MechanismCombobox
                id="create-mechanism"
                label={textIn(loaded, mechanism.question.label, lang) || t('create.mechanism')}
                groups={mechanismGroups}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                lang={lang}
                invalid={mechanismError !== undefined}
                {...(mechanismError ? { errorId: 'create-mechanism-error' } : {})}
              />
            )}
          />
          <LiveFieldMessage id="create-mechanism-error" message={mechanismError} />
        </>
      )}
      <FormField
        id="new-draft-title"
        label={t('create.title')}
        registration={register('title')}
        error={formState.errors.title?.message}
        help={t('create.titleHelp')}
        maxLength={200}
      />
      <button type="submit" disabled={formState.isSubmitting}>
        {t('create.submit')}
      </button>
    </form>
  );
}
