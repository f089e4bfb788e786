import type { DraftLanguageTexts } from './en.js';

export const ar: DraftLanguageTexts = {
  label: 'لغة الاستبيان',
  help: 'لغة الأسئلة والإجابات في هذا التقييم. القائمة في الأعلى تغيّر لغة التطبيق فقط.',
};
