import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { Control } from 'react-hook-form';
import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { ErrorStore } from '../wizard/error-store.js';

/** What every field needs from the open draft. Stable while typing (no answers, no evaluation). */
export interface FieldSession {
  readonly draftId: string;
  readonly loaded: LoadedQuestionnaire;
  readonly lang: Language;
  /** UI strings in `lang`; one shared function, so a thousand fields need no i18n hook each. */
  readonly t: TFunction;
  /** Records a change: shown at once, saved by the autosaver, re-evaluated for skip logic. */
  readonly answer: (path: string, value: AnswerValue, typing?: boolean) => void;
  readonly flush: () => Promise<void>;
  readonly getAnswers: () => AnswerMap;
  /** The section's form, passed explicitly (no FormProvider) so typing re-renders only its field. */
  readonly control: Control;
  /** Validation messages by field name; a field forgets its own while it is edited. */
  readonly errors: ErrorStore;
  /** Asks the section to validate soon (debounced) or now. */
  readonly validate: (now?: boolean) => void;
  /** Says something through the section's aria-live region (new error messages). */
  readonly announce: (text: string) => void;
  /** Show every problem, also on untouched fields (after following a link from the review). */
  readonly showAll: boolean;
}

export const FieldSessionContext = createContext<FieldSession | undefined>(undefined);

export function useFieldSession(): FieldSession {
  const session = useContext(FieldSessionContext);
  if (!session) throw new Error('A field is rendered outside a draft section.');
  return session;
}
