import type { Choice } from './schema.js';

/**
 * The fixed answer scales of yes/no/don't know, agreement and impact questions. Their values
 * are stable (they are what gets stored and exported); labels exist in the app's four
 * languages. A questionnaire in another language may override the labels with a choice list
 * of the same id and exactly these values.
 */
type Labels = Readonly<Record<'en' | 'fr' | 'es' | 'ar', string>>;

function choice(value: string, label: Labels): Choice {
  return { value, label: { ...label } };
}

export const BUILTIN_SCALE_IDS = ['yes_no_dont_know', 'agreement', 'impact'] as const;
export type BuiltinScaleId = (typeof BUILTIN_SCALE_IDS)[number];

const NOT_APPLICABLE = choice('not_applicable', { en: 'Not applicable', fr: 'Sans objet', es: 'No procede', ar: 'لا ينطبق' });

export const BUILTIN_SCALES: Readonly<Record<BuiltinScaleId, readonly Choice[]>> = {
  yes_no_dont_know: [
    choice('yes', { en: 'Yes', fr: 'Oui', es: 'Sí', ar: 'نعم' }),
    choice('no', { en: 'No', fr: 'Non', es: 'No', ar: 'لا' }),
    choice('dont_know', { en: "Don't know", fr: 'Ne sait pas', es: 'No sabe', ar: 'لا أعرف' }),
  ],
  agreement: [
    choice('strongly_disagree', { en: 'Strongly disagree', fr: "Pas du tout d'accord", es: 'Muy en desacuerdo', ar: 'غير موافق بشدة' }),
    choice('disagree', { en: 'Disagree', fr: "Pas d'accord", es: 'En desacuerdo', ar: 'غير موافق' }),
    choice('neutral', { en: 'Neither agree nor disagree', fr: "Ni d'accord ni pas d'accord", es: 'Ni de acuerdo ni en desacuerdo', ar: 'محايد' }),
    choice('agree', { en: 'Agree', fr: "D'accord", es: 'De acuerdo', ar: 'موافق' }),
    choice('strongly_agree', { en: 'Strongly agree', fr: "Tout à fait d'accord", es: 'Muy de acuerdo', ar: 'موافق بشدة' }),
    NOT_APPLICABLE,
  ],
  impact: [
    choice('none', { en: 'None', fr: 'Aucun', es: 'Ninguno', ar: 'لا أثر' }),
    choice('low', { en: 'Low', fr: 'Faible', es: 'Bajo', ar: 'منخفض' }),
    choice('moderate', { en: 'Moderate', fr: 'Moyen', es: 'Moderado', ar: 'متوسط' }),
    choice('high', { en: 'High', fr: 'Élevé', es: 'Alto', ar: 'مرتفع' }),
    choice('very_high', { en: 'Very high', fr: 'Très élevé', es: 'Muy alto', ar: 'مرتفع جدا' }),
    NOT_APPLICABLE,
  ],
};

export const BUILTIN_LANGUAGES: readonly string[] = ['en', 'fr', 'es', 'ar'];

/** Which built-in scale a question type or matrix scale uses. */
export function scaleOf(type: string, matrixScale?: 'agreement' | 'impact'): BuiltinScaleId | undefined {
  if (type === 'yes_no_dont_know') return 'yes_no_dont_know';
  if (type === 'agreement_scale') return 'agreement';
  if (type === 'impact_scale') return 'impact';
  if (type === 'matrix') return matrixScale;
  return undefined;
}
