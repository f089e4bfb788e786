import type { FormTexts } from './en.js';

export const es: FormTexts = {
  required: 'Este campo es obligatorio.',
  tooShort: 'Al menos {{min}} caracteres.',
  tooLong: 'Como máximo {{max}} caracteres.',
  email: 'Esta no es una dirección de correo electrónico.',
  invalidFormat: 'No tiene la forma esperada.',
  invalid: 'Este valor no es válido.',
};
