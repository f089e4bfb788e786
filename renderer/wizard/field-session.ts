import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { ItemChange } from '../autosave/autosaver.js';
import type { AnswerStore } from '../draft/answer-store.js';
import type { ProblemStore } from '../draft/problem-store.js';

/** What every field of a section needs from the open draft. Stable while typing (no answers, no evaluation). */
export interface FieldSession {
  readonly draftId: string;
  readonly loaded: LoadedQuestionnaire;
  /** The questionnaire's language for this draft: labels, choices, the engine's messages, number and date input. */
  readonly lang: Language;
  /** The app's own language (the user's choice), in which `t` writes; may differ from `lang`. */
  readonly uiLang: Language;
  /** `lang` and `dir` for the app's own words inside the questionnaire (buttons, counters, "required"). */
  readonly ui: { readonly lang: Language; readonly dir: 'ltr' | 'rtl' };
  /** UI strings in `uiLang`; one shared function, so a thousand fields need no i18n hook each. */
  readonly t: TFunction;
  /** The strings every field shows, translated once per section and language, not once per field. */
  readonly strings: FieldStrings;
  /** The answers by path; a field watches its own path, so typing re-renders only that field. */
  readonly answers: AnswerStore;
  /** The engine's problems by path; a field watches its own. */
  readonly problems: ProblemStore;
  /** Records a change (the draft session's one entry point): shown, saved, evaluated. */
  readonly change: (path: string, value: AnswerValue, typing?: boolean) => void;
  /** One choice ticked or unticked, or one repeat row added or removed: saved as that change (other windows' are kept). */
  readonly changeItem: (path: string, value: AnswerValue, item: ItemChange) => void;
  readonly flush: () => Promise<void>;
  /** Says something through the section's aria-live region (new error messages). */
  readonly announce: (text: string) => void;
  /** Show every problem, also unanswered required questions (after following a link from the review). */
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
