import type { DraftLanguageTexts } from './en.js';

export const fr: DraftLanguageTexts = {
  label: 'Questionnaire en',
  help: 'La langue des questions et des réponses de cette évaluation. Le menu en haut ne change que la langue de l’application.',
};
