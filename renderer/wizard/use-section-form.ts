import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { buildSectionSchema, toFormValues } from '../../core/questionnaire/index.js';
import { createErrorStore, flattenErrors } from './error-store.js';
import type { DraftSession } from '../draft/use-draft-session.js';

const VALIDATE_DELAY_MS = 250;

/**
 * One react-hook-form form per section, validated by core's section schema through
 * zodResolver. The schema is rebuilt at each validation from the draft's current answers
 * and language, so skip logic and messages are always those on screen. Validation runs
 * once the section is drawn, shortly after typing pauses, and on a language change; it never
 * blocks anything.
 */
export function useSectionForm(session: DraftSession, sectionId: string, drawn: boolean) {
  const { loaded, lang, getAnswers } = session;
  const langRef = useRef(lang);
  langRef.current = lang;
  const errors = useMemo(() => createErrorStore(), []);
  const resolver = useCallback<Resolver>(
    async (values, context, options) => {
      const result = await zodResolver(buildSectionSchema(loaded, getAnswers(), sectionId, { lang: langRef.current }))(values, context, options);
      errors.publish(flattenErrors(result.errors));
      return result;
    },
    [loaded, getAnswers, sectionId, errors],
  );
  // The form starts from the answers in memory (unsaved ones included), read once per section.
  const defaultValues = useMemo(() => toFormValues(loaded, getAnswers(), [sectionId]), [loaded, getAnswers, sectionId]);
  const form = useForm({ defaultValues, resolver, mode: 'onSubmit', reValidateMode: 'onSubmit', shouldUnregister: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { trigger } = form;
  const validate = useCallback(
    (now?: boolean) => {
      clearTimeout(timer.current);
      if (now) void trigger();
      else timer.current = setTimeout(() => void trigger(), VALIDATE_DELAY_MS);
    },
    [trigger],
  );
  useEffect(() => {
    // The first validation waits until a long section is all drawn: it reads every answer of
    // the section, and the questions on screen matter more in the meantime.
    if (drawn) validate(true);
    return () => clearTimeout(timer.current);
  }, [validate, lang, drawn]);
  return { form, validate, errors };
}
