/** English texts for the questionnaire language of an open draft (namespace `draftLanguage`). */
export const en = {
  label: 'Questionnaire in',
  help: 'The language of the questions and answers of this assessment. The menu at the top changes only the app’s own language.',
};

export type DraftLanguageTexts = typeof en;
