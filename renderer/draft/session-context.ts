import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { Control } from 'react-hook-form';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { ErrorStore } from '../wizard/error-store.js';
import type { AnswerStore } from './answer-store.js';

/** What every field needs from the open draft. Stable while typing (no answers, no evaluation). */
export interface FieldSession {
  readonly draftId: string;
  readonly loaded: LoadedQuestionnaire;
  readonly lang: Language;
  /** UI strings in `lang`; one shared function, so a thousand fields need no i18n hook each. */
  readonly t: TFunction;
  /** The strings every field shows, translated once per section and language, not once per field. */
  readonly strings: FieldStrings;
  /** Records a change: shown at once, saved by the autosaver, re-evaluated for skip logic. */
  readonly answer: (path: string, value: AnswerValue, typing?: boolean) => void;
  readonly flush: () => Promise<void>;
  /** The answers by path; a field subscribes to its own path, so typing re-renders only that field. */
  readonly answers: AnswerStore;
  /** The section's form, passed explicitly (no FormProvider): repeat groups keep their rows in it. */
  readonly control: Control;
  /** Puts a changed answer into the section's form values, which its zod schema validates. */
  readonly setFormValue: (name: string, value: AnswerValue) => void;
  /** Validation messages by field name; a field forgets its own while it is edited. */
  readonly errors: ErrorStore;
  /** Asks the section to validate soon (debounced) or now. */
  readonly validate: (now?: boolean) => void;
  /** Says something through the section's aria-live region (new error messages). */
  readonly announce: (text: string) => void;
  /** Show every problem, also on untouched fields (after following a link from the review). */
  readonly showAll: boolean;
}

export interface FieldStrings {
  readonly required: string;
  readonly history: string;
  readonly choose: string;
}

export function fieldStrings(t: TFunction): FieldStrings {
  return { required: t('wizard.required'), history: t('field.history'), choose: t('field.choose') };
}

export const FieldSessionContext = createContext<FieldSession | undefined>(undefined);

export function useFieldSession(): FieldSession {
  const session = useContext(FieldSessionContext);
  if (!session) throw new Error('A field is rendered outside a draft section.');
  return session;
}
