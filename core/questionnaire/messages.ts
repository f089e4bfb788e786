/**
 * The engine's own messages to respondents, in the app's four languages. Placeholders
 * `{name}` are filled from `params`. Any other language falls back to English.
 */
export const MESSAGE_KEYS = [
  'required',
  'other_required',
  'number_letters',
  'number_format',
  'number_grouping',
  'text_expected',
  'invalid_file',
  'invalid_rows',
  'invalid_choice',
  'exclusive_choice',
  'choice_not_offered',
  'not_integer',
  'min',
  'max',
  'step',
  'max_length',
  'invalid_date',
  'min_date',
  'max_date',
  'min_selections',
  'max_selections',
  'matrix_incomplete',
  'max_files',
  'file_too_large',
  'file_type',
  'min_rows',
  'max_rows',
  'constraint',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
export type UiLanguage = 'en' | 'fr' | 'es' | 'ar';

const MESSAGES: Readonly<Record<UiLanguage, Readonly<Record<MessageKey, string>>>> = {
  en: {
    required: 'This question is required.',
    other_required: 'Please specify "Other".',
    number_letters: 'Letters are not allowed here: type a number.',
    number_format: 'Type a number, e.g. {example}.',
    number_grouping: 'Check the thousands separators, e.g. {example}.',
    text_expected: 'Type the answer as text.',
    invalid_file: 'This file could not be read: remove it and attach it again.',
    invalid_rows: 'The entries of this list could not be read.',
    invalid_choice: 'Choose one of the options offered.',
    exclusive_choice: '"{choice}" cannot be combined with other answers.',
    choice_not_offered: '"{choice}" no longer fits your earlier answers: remove it or change those answers.',
    not_integer: 'Enter a whole number.',
    min: 'Enter a value of at least {min}.',
    max: 'Enter a value of at most {max}.',
    step: 'Enter a multiple of {step}.',
    max_length: 'Use at most {max} characters.',
    invalid_date: 'Enter a valid date.',
    min_date: 'Enter a date on or after {min}.',
    max_date: 'Enter a date on or before {max}.',
    min_selections: 'Select at least {min} options.',
    max_selections: 'Select at most {max} options.',
    matrix_incomplete: 'Answer every row.',
    max_files: 'Attach at most {max} files.',
    file_too_large: 'The file "{name}" is larger than {max}.',
    file_type: 'The file "{name}" is not of an accepted type ({accept}).',
    min_rows: 'Add at least {min} entries.',
    max_rows: 'Add at most {max} entries.',
    constraint: 'This answer is not valid.',
  },
  fr: {
    required: 'Cette question est obligatoire.',
    other_required: 'Veuillez préciser « Autre ».',
    number_letters: 'Les lettres ne sont pas acceptées ici : saisissez un nombre.',
    number_format: 'Saisissez un nombre, par exemple {example}.',
    number_grouping: 'Vérifiez les séparateurs de milliers, par exemple {example}.',
    text_expected: 'Saisissez la réponse sous forme de texte.',
    invalid_file: 'Ce fichier est illisible : retirez-le et joignez-le de nouveau.',
    invalid_rows: 'Les entrées de cette liste sont illisibles.',
    invalid_choice: 'Choisissez une des options proposées.',
    exclusive_choice: '« {choice} » ne peut pas être combiné avec d’autres réponses.',
    choice_not_offered: '« {choice} » ne correspond plus à vos réponses précédentes : retirez ce choix ou modifiez ces réponses.',
    not_integer: 'Saisissez un nombre entier.',
    min: 'Saisissez une valeur supérieure ou égale à {min}.',
    max: 'Saisissez une valeur inférieure ou égale à {max}.',
    step: 'Saisissez un multiple de {step}.',
    max_length: 'Utilisez au plus {max} caractères.',
    invalid_date: 'Saisissez une date valable.',
    min_date: 'Saisissez une date à partir du {min}.',
    max_date: "Saisissez une date jusqu'au {max}.",
    min_selections: 'Sélectionnez au moins {min} options.',
    max_selections: 'Sélectionnez au plus {max} options.',
    matrix_incomplete: 'Répondez à chaque ligne.',
    max_files: 'Joignez au plus {max} fichiers.',
    file_too_large: 'Le fichier « {name} » dépasse {max}.',
    file_type: "Le fichier « {name} » n'est pas d'un type accepté ({accept}).",
    min_rows: 'Ajoutez au moins {min} entrées.',
    max_rows: 'Ajoutez au plus {max} entrées.',
    constraint: "Cette réponse n'est pas valable.",
  },
  es: {
    required: 'Esta pregunta es obligatoria.',
    other_required: 'Especifique «Otro».',
    number_letters: 'Aquí no se admiten letras: escriba un número.',
    number_format: 'Escriba un número, por ejemplo {example}.',
    number_grouping: 'Revise los separadores de miles, por ejemplo {example}.',
    text_expected: 'Escriba la respuesta como texto.',
    invalid_file: 'No se puede leer este archivo: quítelo y adjúntelo de nuevo.',
    invalid_rows: 'No se pueden leer las entradas de esta lista.',
    invalid_choice: 'Elija una de las opciones ofrecidas.',
    exclusive_choice: '«{choice}» no se puede combinar con otras respuestas.',
    choice_not_offered: '«{choice}» ya no corresponde a sus respuestas anteriores: quite esta opción o cambie esas respuestas.',
    not_integer: 'Introduzca un número entero.',
    min: 'Introduzca un valor mayor o igual que {min}.',
    max: 'Introduzca un valor menor o igual que {max}.',
    step: 'Introduzca un múltiplo de {step}.',
    max_length: 'Use como máximo {max} caracteres.',
    invalid_date: 'Introduzca una fecha válida.',
    min_date: 'Introduzca una fecha igual o posterior al {min}.',
    max_date: 'Introduzca una fecha igual o anterior al {max}.',
    min_selections: 'Seleccione al menos {min} opciones.',
    max_selections: 'Seleccione como máximo {max} opciones.',
    matrix_incomplete: 'Responda a cada fila.',
    max_files: 'Adjunte como máximo {max} archivos.',
    file_too_large: 'El archivo «{name}» supera {max}.',
    file_type: 'El archivo «{name}» no es de un tipo aceptado ({accept}).',
    min_rows: 'Añada al menos {min} entradas.',
    max_rows: 'Añada como máximo {max} entradas.',
    constraint: 'Esta respuesta no es válida.',
  },
  ar: {
    required: 'هذا السؤال إلزامي.',
    other_required: 'يرجى تحديد «أخرى».',
    number_letters: 'لا يُسمح بالحروف هنا: اكتب رقمًا.',
    number_format: 'اكتب رقمًا، مثلًا {example}.',
    number_grouping: 'تحقق من فواصل الآلاف، مثلًا {example}.',
    text_expected: 'اكتب الإجابة نصًا.',
    invalid_file: 'تعذّرت قراءة هذا الملف: أزله ثم أرفقه من جديد.',
    invalid_rows: 'تعذّرت قراءة إدخالات هذه القائمة.',
    invalid_choice: 'اختر أحد الخيارات المعروضة.',
    exclusive_choice: 'لا يمكن الجمع بين «{choice}» وإجابات أخرى.',
    choice_not_offered: '«{choice}» لم يعد يتوافق مع إجاباتك السابقة: أزل هذا الخيار أو غيّر تلك الإجابات.',
    not_integer: 'أدخل عددًا صحيحًا.',
    min: 'أدخل قيمة لا تقل عن {min}.',
    max: 'أدخل قيمة لا تزيد على {max}.',
    step: 'أدخل مضاعفًا لـ {step}.',
    max_length: 'استخدم {max} حرفًا على الأكثر.',
    invalid_date: 'أدخل تاريخًا صالحًا.',
    min_date: 'أدخل تاريخًا في {min} أو بعده.',
    max_date: 'أدخل تاريخًا في {max} أو قبله.',
    min_selections: 'اختر {min} خيارات على الأقل.',
    max_selections: 'اختر {max} خيارات على الأكثر.',
    matrix_incomplete: 'أجب عن كل صف.',
    max_files: 'أرفق {max} ملفات على الأكثر.',
    file_too_large: 'حجم الملف «{name}» يتجاوز {max}.',
    file_type: 'الملف «{name}» ليس من نوع مقبول ({accept}).',
    min_rows: 'أضف {min} إدخالات على الأقل.',
    max_rows: 'أضف {max} إدخالات على الأكثر.',
    constraint: 'هذه الإجابة غير صالحة.',
  },
};

export function uiLanguage(lang: string): UiLanguage {
  const base = lang.split('-')[0] ?? 'en';
  return base === 'fr' || base === 'es' || base === 'ar' ? base : 'en';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A number or a date inside a message, written the language's way (`Intl` is in every runtime):
 * "1 000 000" in French, "٥" in Arabic, "January 1, 1945" for a date limit. Numbers under
 * 10,000 are not grouped, so a year limit reads 1945, not 1,945.
 */
function formatParam(key: MessageKey, value: string | number, lang: UiLanguage): string {
  if (typeof value === 'number') return numberFormat(lang, Math.abs(value) >= 10_000).format(value);
  if ((key === 'min_date' || key === 'max_date') && ISO_DATE.test(value)) return dateFormat(lang).format(new Date(`${value}T00:00:00Z`));
  return value;
}

// Formatters are costly to create and a validation may write many messages: one per language.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<UiLanguage, Intl.DateTimeFormat>();
function numberFormat(lang: UiLanguage, grouped: boolean): Intl.NumberFormat {
  const id = `${lang}:${String(grouped)}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(lang, { useGrouping: grouped, maximumFractionDigits: 20 })));
  return format;
}
function dateFormat(lang: UiLanguage): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
  return format;
}

/** A message for respondents, e.g. `uiMessage('required', 'fr')` → "Cette question est obligatoire." */
export function uiMessage(key: MessageKey, lang: string, params: Readonly<Record<string, string | number>> = {}): string {
  const ui = uiLanguage(lang);
  return MESSAGES[ui][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatParam(key, value, ui);
  });
}

/** A byte count for people: 10485760 → "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}
