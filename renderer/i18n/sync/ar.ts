import type { SyncTexts } from './en.js';

export const ar: SyncTexts = {
  heading: 'تم التغيير في نافذة أخرى',
  changed: 'تم تغيير «{{question}}» في نافذة أخرى؛ وهي تعرض الآن نسخة النافذة الأخرى.',
  theirs: 'الآن: {{value}}',
  mine: 'ما أدخلته هنا (لم يُحفظ): {{value}}',
  empty: '(فارغ)',
  useMine: 'استخدام نسختي',
  dismiss: 'إغلاق',
};
