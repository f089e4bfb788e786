/** English words for the checks of the forms outside the questionnaire (namespace `forms`). */
export const en = {
  required: 'This is required.',
  tooShort: 'At least {{min}} characters.',
  tooLong: 'At most {{max}} characters.',
  email: 'This is not an email address.',
  invalidFormat: 'This is not in the expected form.',
  invalid: 'This value is not valid.',
};

export type FormTexts = typeof en;
