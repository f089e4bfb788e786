import type { ErrorTexts } from './en.js';

export const ar: ErrorTexts = {
  HOST_UNREACHABLE: 'لم تستجب الخدمة الخلفية للتطبيق. لم يُحفظ شيء بهذا الطلب؛ ويواصل التطبيق المحاولة.',
};
