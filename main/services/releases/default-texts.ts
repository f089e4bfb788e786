import type { ReleaseText } from '../../../core/release/manifest.js';

/**
 * The texts `iscm release create` writes when IOM gives none of its own: the sentence naming
 * the contact, the recipient's label and the release notes, in the app's four languages.
 */

export function contactSentence(email: string): ReleaseText {
  return {
    en: `Send your exported submission file (.iscm) to ${email}, by email or any other channel.`,
    fr: `Envoyez votre fichier de réponse exporté (.iscm) à ${email}, par courriel ou par tout autre moyen.`,
    es: `Envíe su archivo de respuesta exportado (.iscm) a ${email}, por correo electrónico o por cualquier otro medio.`,
    ar: `أرسلوا ملف الإجابة المُصدَّر (.iscm) إلى ${email} بالبريد الإلكتروني أو بأي وسيلة أخرى.`,
  };
}

export const IOM_RECIPIENT_LABEL: ReleaseText = {
  en: 'International Organization for Migration (IOM)',
  fr: 'Organisation internationale pour les migrations (OIM)',
  es: 'Organización Internacional para las Migraciones (OIM)',
  ar: 'المنظمة الدولية للهجرة',
};

export function defaultNotes(version: string): ReleaseText {
  return {
    en: `Version ${version} of the questionnaire, published by IOM.`,
    fr: `Version ${version} du questionnaire, publiée par l’OIM.`,
    es: `Versión ${version} del cuestionario, publicada por la OIM.`,
    ar: `الإصدار ${version} من الاستبيان، صادر عن المنظمة الدولية للهجرة.`,
  };
}

/** The development recipient's label: its identity is public, so packages sealed to it are not real submissions. */
export const DEVELOPMENT_RECIPIENT_LABEL: ReleaseText = {
  en: 'IOM development key (not for real submissions)',
  fr: 'Clé de développement de l’OIM (ne pas utiliser pour de vraies réponses)',
  es: 'Clave de desarrollo de la OIM (no apta para envíos reales)',
  ar: 'مفتاح التطوير الخاص بالمنظمة الدولية للهجرة (لا يُستخدم للإرسالات الفعلية)',
};

export function developmentNotes(version: string): ReleaseText {
  return {
    en: `Development release of version ${version}, signed with the public development key: for trying the application, never for real submissions.`,
    fr: `Version de développement ${version}, signée avec la clé de développement publique : pour essayer l’application, jamais pour de vraies réponses.`,
    es: `Versión de desarrollo ${version}, firmada con la clave de desarrollo pública: para probar la aplicación, nunca para envíos reales.`,
    ar: `إصدار تطويري ${version} موقَّع بمفتاح التطوير العام: لتجربة التطبيق فقط، وليس للإرسالات الفعلية أبداً.`,
  };
}

export const DEVELOPMENT_CONTACT = {
  email: 'iscm-development@example.org',
  text: {
    en: 'This is a development release: do not send real answers. Test files go to iscm-development@example.org.',
    fr: 'Ceci est une version de développement : n’envoyez pas de vraies réponses. Les fichiers d’essai vont à iscm-development@example.org.',
    es: 'Esta es una versión de desarrollo: no envíe respuestas reales. Los archivos de prueba van a iscm-development@example.org.',
    ar: 'هذا إصدار تطويري: لا ترسلوا إجابات حقيقية. تُرسل ملفات الاختبار إلى iscm-development@example.org.',
  },
} as const;
