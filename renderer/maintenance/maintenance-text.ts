import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';

/** The backups screen and the start-up banner's own strings, in the app's four languages. */
const en = {
  navLink: 'Backups',
  heading: 'Backups',
  intro: 'The app keeps the last 7 backups of your data: one a day when it starts, and one before each signature.',
  backUpNow: 'Back up now',
  backingUp: 'Backing up…',
  none: 'No backup yet.',
  caption: 'Backups on this computer, newest first',
  colDate: 'Date',
  colReason: 'Why',
  colSize: 'Size',
  colAction: 'Action',
  reason_startup: 'At start-up',
  reason_finalize: 'Before signing',
  reason_manual: 'Made by you',
  restore: 'Restore',
  restoreNamed: 'Restore the backup of {date}',
  confirm: 'Restore the backup of {date}? Your current data is first saved aside, never deleted.',
  confirmYes: 'Yes, restore',
  cancel: 'Cancel',
  restoring: 'Restoring…',
  restored: 'Restored. Your data as it was before is kept at {path}.',
  close: 'Close',
  banner_moved: 'Your data file was damaged or was not an ISCM Assessment file. It was moved, not deleted, to {path}, and a new empty file was started.',
  banner_newer: 'Your data file was saved by a newer version of the app and was left untouched: {path}.',
  banner_locked: 'Your data file is in use by another program and was left untouched: {path}.',
  banner_readonly: 'The folder of your data file is read-only, so nothing could be saved; nothing was changed: {path}.',
  banner_unreadable: 'Your data file could not be opened and was left untouched: {path}.',
  restoreLatest: 'Restore the latest backup ({date})',
  dismiss: 'Dismiss',
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  navLink: 'Sauvegardes',
  heading: 'Sauvegardes',
  intro: 'L’application garde les 7 dernières sauvegardes de vos données : une par jour au démarrage, et une avant chaque signature.',
  backUpNow: 'Sauvegarder maintenant',
  backingUp: 'Sauvegarde…',
  none: 'Aucune sauvegarde pour l’instant.',
  caption: 'Sauvegardes sur cet ordinateur, la plus récente d’abord',
  colDate: 'Date',
  colReason: 'Motif',
  colSize: 'Taille',
  colAction: 'Action',
  reason_startup: 'Au démarrage',
  reason_finalize: 'Avant signature',
  reason_manual: 'Faite par vous',
  restore: 'Restaurer',
  restoreNamed: 'Restaurer la sauvegarde du {date}',
  confirm: 'Restaurer la sauvegarde du {date} ? Vos données actuelles sont d’abord mises de côté, jamais supprimées.',
  confirmYes: 'Oui, restaurer',
  cancel: 'Annuler',
  restoring: 'Restauration…',
  restored: 'Restauré. Vos données d’avant sont conservées dans {path}.',
  close: 'Fermer',
  banner_moved: 'Votre fichier de données était endommagé ou n’était pas un fichier ISCM Assessment. Il a été déplacé, non supprimé, vers {path}, et un nouveau fichier vide a été créé.',
  banner_newer: 'Votre fichier de données a été enregistré par une version plus récente de l’application ; il n’a pas été modifié : {path}.',
  banner_locked: 'Votre fichier de données est utilisé par un autre programme ; il n’a pas été modifié : {path}.',
  banner_readonly: 'Le dossier de votre fichier de données est en lecture seule : rien ne pouvait être enregistré ; rien n’a été modifié : {path}.',
  banner_unreadable: 'Votre fichier de données n’a pas pu être ouvert ; il n’a pas été modifié : {path}.',
  restoreLatest: 'Restaurer la dernière sauvegarde ({date})',
  dismiss: 'Fermer',
};

const es: Record<Key, string> = {
  navLink: 'Copias de seguridad',
  heading: 'Copias de seguridad',
  intro: 'La aplicación guarda las 7 últimas copias de sus datos: una al día al iniciarse y una antes de cada firma.',
  backUpNow: 'Hacer una copia ahora',
  backingUp: 'Copiando…',
  none: 'Aún no hay copias.',
  caption: 'Copias en este equipo, la más reciente primero',
  colDate: 'Fecha',
  colReason: 'Motivo',
  colSize: 'Tamaño',
  colAction: 'Acción',
  reason_startup: 'Al iniciar',
  reason_finalize: 'Antes de firmar',
  reason_manual: 'Hecha por usted',
  restore: 'Restaurar',
  restoreNamed: 'Restaurar la copia del {date}',
  confirm: '¿Restaurar la copia del {date}? Sus datos actuales se guardan aparte primero, nunca se borran.',
  confirmYes: 'Sí, restaurar',
  cancel: 'Cancelar',
  restoring: 'Restaurando…',
  restored: 'Restaurado. Sus datos anteriores se conservan en {path}.',
  close: 'Cerrar',
  banner_moved: 'Su archivo de datos estaba dañado o no era un archivo de ISCM Assessment. Se movió, sin borrarlo, a {path}, y se creó un archivo nuevo vacío.',
  banner_newer: 'Su archivo de datos fue guardado por una versión más reciente de la aplicación y no se ha tocado: {path}.',
  banner_locked: 'Su archivo de datos está en uso por otro programa y no se ha tocado: {path}.',
  banner_readonly: 'La carpeta de su archivo de datos es de solo lectura: no se podía guardar nada; no se ha cambiado nada: {path}.',
  banner_unreadable: 'Su archivo de datos no se pudo abrir y no se ha tocado: {path}.',
  restoreLatest: 'Restaurar la última copia ({date})',
  dismiss: 'Cerrar',
};

const ar: Record<Key, string> = {
  navLink: 'النسخ الاحتياطية',
  heading: 'النسخ الاحتياطية',
  intro: 'يحتفظ التطبيق بآخر 7 نسخ احتياطية من بياناتك: نسخة يوميًا عند التشغيل، ونسخة قبل كل توقيع.',
  backUpNow: 'إنشاء نسخة الآن',
  backingUp: 'جارٍ النسخ…',
  none: 'لا توجد نسخة احتياطية بعد.',
  caption: 'النسخ الاحتياطية على هذا الحاسوب، الأحدث أولًا',
  colDate: 'التاريخ',
  colReason: 'السبب',
  colSize: 'الحجم',
  colAction: 'إجراء',
  reason_startup: 'عند التشغيل',
  reason_finalize: 'قبل التوقيع',
  reason_manual: 'أنشأتها أنت',
  restore: 'استعادة',
  restoreNamed: 'استعادة نسخة {date}',
  confirm: 'استعادة نسخة {date}؟ تُحفظ بياناتك الحالية جانبًا أولًا ولا تُحذف أبدًا.',
  confirmYes: 'نعم، استعادة',
  cancel: 'إلغاء',
  restoring: 'جارٍ الاستعادة…',
  restored: 'تمت الاستعادة. بياناتك السابقة محفوظة في {path}.',
  close: 'إغلاق',
  banner_moved: 'كان ملف بياناتك تالفًا أو ليس ملفًا من ISCM Assessment. نُقل دون حذفه إلى {path}، وأُنشئ ملف جديد فارغ.',
  banner_newer: 'حُفظ ملف بياناتك بإصدار أحدث من التطبيق ولم يُمسّ: {path}.',
  banner_locked: 'ملف بياناتك مستخدم من برنامج آخر ولم يُمسّ: {path}.',
  banner_readonly: 'مجلد ملف بياناتك للقراءة فقط، فلا يمكن حفظ أي شيء؛ لم يتغير شيء: {path}.',
  banner_unreadable: 'تعذر فتح ملف بياناتك ولم يُمسّ: {path}.',
  restoreLatest: 'استعادة أحدث نسخة ({date})',
  dismiss: 'إغلاق',
};

const TEXTS: Readonly<Record<Language, Record<Key, string>>> = { en, fr, es, ar };

export type MaintenanceText = (key: Key, values?: Readonly<Record<string, string>>) => string;

/** `m('restored', { path })` in the UI's current language. */
export function useMaintenanceText(): MaintenanceText {
  const { i18n } = useTranslation();
  const lang = (Object.hasOwn(TEXTS, i18n.language) ? i18n.language : 'en') as Language;
  return (key, values = {}) => TEXTS[lang][key].replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');
}

export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
}
