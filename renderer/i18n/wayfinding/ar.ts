import type { WayfindingTexts } from './en.js';

export const ar: WayfindingTexts = {
  allSaved: 'تم حفظ جميع التغييرات',
  overallLabel: 'التقدم العام',
  overall: 'الإجمالي: {{answered}} من {{total}} إجابة مطلوبة',
  overallRows: 'الإجمالي: {{answered}} من {{total}} إجابة مطلوبة، بما في ذلك الصفوف',
  sectionRows: '{{answered}} من {{total}} إجابة مطلوبة، بما في ذلك الصفوف',
  rowTitle: '{{n}}. {{title}}',
};
