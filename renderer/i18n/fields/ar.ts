import type { en } from './en.js';

/** النصوص العربية لمساحة الأسماء `fields`. */
export const ar: typeof en = {
  currentValue: 'القيمة الحالية',
  earlierValues: 'القيم السابقة',
  matrixItem: 'البند',
  matrixAgreement: 'درجة الموافقة',
  matrixImpact: 'الأثر',
  fileTooLarge: 'لم يُرفق: حجم {{name}} أكبر من {{limit}}، وهو أقصى حجم للملف في هذا السؤال.',
};
