import type { WayfindingTexts } from './en.js';

export const ar: WayfindingTexts = {
  allSaved: 'تم حفظ جميع التغييرات',
  overallLabel: 'التقدم العام',
  overall: 'الإجمالي: {{answered}} من {{total}} إجابة مطلوبة',
  overallRows: 'الإجمالي: {{answered}} من {{total}} إجابة مطلوبة، بما في ذلك الصفوف',
  sectionRows: '{{answered}} من {{total}} إجابة مطلوبة، بما في ذلك الصفوف',
  rowTitle: '{{n}}. {{title}}',
  otherKind: "آليات أخرى",
  mechanismHelp: "اكتب جزءًا من اسمها، أو استخدم مفاتيح الأسهم لتصفح القائمة.",
  mechanismsFound: "عدد الآليات التي تم العثور عليها: {{count}}",
  noMechanism: "لا توجد آلية بهذا الاسم.",
  showMechanisms: "عرض جميع الآليات",
  mechanismList: "الآليات",
};
