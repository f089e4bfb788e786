import type { FormTexts } from './en.js';

export const ar: FormTexts = {
  required: 'هذا الحقل مطلوب.',
  tooShort: '{{min}} حرفًا على الأقل.',
  tooLong: '{{max}} حرفًا على الأكثر.',
  email: 'هذا ليس عنوان بريد إلكتروني.',
  invalidFormat: 'هذا ليس بالشكل المتوقع.',
  invalid: 'هذه القيمة غير صالحة.',
};
