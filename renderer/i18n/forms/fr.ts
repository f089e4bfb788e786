import type { FormTexts } from './en.js';

export const fr: FormTexts = {
  required: 'Ce champ est obligatoire.',
  tooShort: 'Au moins {{min}} caractères.',
  tooLong: 'Au plus {{max}} caractères.',
  email: 'Ce n’est pas une adresse électronique.',
  invalidFormat: 'Ce n’est pas dans la forme attendue.',
  invalid: 'Cette valeur n’est pas valable.',
};
