import type { Language } from '../../core/contract/channels/drafts.js';
import { localize, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { Choice, LocalizedText } from '../../core/questionnaire/index.js';

/** A questionnaire text in the chosen language (the file's default language as fallback). */
export const textIn = (loaded: LoadedQuestionnaire, text: LocalizedText | undefined, lang: Language): string =>
  localize(text, lang, loaded.questionnaire.defaultLanguage);

export const choiceLabel = (loaded: LoadedQuestionnaire, choices: readonly Choice[] | undefined, value: string, lang: Language): string => {
  const choice = choices?.find((c) => c.value === value);
  return choice ? textIn(loaded, choice.label, lang) : value;
};

/** The label of a value in one of the file's choice lists, e.g. a mechanism. */
export const listLabel = (loaded: LoadedQuestionnaire | undefined, listId: string, value: string, lang: Language): string =>
  loaded ? choiceLabel(loaded, loaded.choiceLists.get(listId), value, lang) : value;

/** Ids used when creating a draft: who answers, and about which mechanism. */
export const RESPONDENT_QUESTION = 'respondent_kind';
export const MECHANISM_LIST = 'mechanisms';

/** The top-level question that asks for the mechanism (the one using the `mechanisms` list). */
export function mechanismQuestionId(loaded: LoadedQuestionnaire): string | undefined {
  for (const node of loaded.questions.values()) {
    const q = node.question;
    if (node.repeatGroupId === undefined && q.type === 'single_choice' && q.choices === MECHANISM_LIST) return node.id;
  }
  return undefined;
}
