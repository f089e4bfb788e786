import { describe, expect, it } from 'vitest';
import { buildResponseSchema, buildSectionSchema, formPath, toFormValues, toResponse, uiMessage } from '../../../core/questionnaire/index.js';
import { FULL_ANSWERS, loadSmall } from './fixtures.js';

const loaded = loadSmall();
const TODAY = { today: '2026-11-27' };
type Issue = { path: PropertyKey[]; message: string };
const issues = (result: { success: boolean; error?: { issues: Issue[] } }) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('section schema', () => {
  it('accepts valid form values and reports every problem of the section at its field', () => {
    const schema = buildSectionSchema(loaded, FULL_ANSWERS, 'profile', TODAY);
    expect(schema.safeParse(toFormValues(loaded, FULL_ANSWERS, ['profile'])).success).toBe(true);
    const values = { ...toFormValues(loaded, FULL_ANSWERS, ['profile']), respondent_name: '', mechanism: 'other', year_established: 2031, states_count: 900 };
    expect(issues(schema.safeParse(values))).toEqual([
      'respondent_name: This question is required.',
      '_other.mechanism: Please specify "Other".',
      'mechanism_kind: This question is required.',
      'year_established: The year cannot be in the future.',
      'states_count: Enter a value of at most 200.',
    ]);
  });

  it('reports type errors first, in the chosen language', () => {
    const schema = buildSectionSchema(loaded, FULL_ANSWERS, 'profile', { ...TODAY, lang: 'es' });
    expect(issues(schema.safeParse({ ...toFormValues(loaded, FULL_ANSWERS, ['profile']), respondent_name: 12 }))).toEqual([
      'respondent_name: Escriba la respuesta como texto.',
    ]);
    expect(issues(schema.safeParse({ ...toFormValues(loaded, FULL_ANSWERS, ['profile']), states_count: true }))).toEqual([
      'states_count: Escriba un número, por ejemplo 1250000.',
    ]);
  });

  it('says what is wrong with a text typed in a number box, in the chosen language', () => {
    const values = toFormValues(loaded, FULL_ANSWERS, ['profile']);
    const message = (lang: string, text: string): string[] => issues(buildSectionSchema(loaded, FULL_ANSWERS, 'profile', { ...TODAY, lang }).safeParse({ ...values, states_count: text }));
    expect(message('es', 'many')).toEqual(['states_count: Aquí no se admiten letras: escriba un número.']);
    expect(message('en', '12a')).toEqual(['states_count: Letters are not allowed here: type a number.']);
    expect(message('en', '$45')).toEqual(['states_count: Type a number, e.g. 1250000.']);
    expect(message('fr', '1 25')).toEqual(['states_count: Vérifiez les séparateurs de milliers, par exemple 1\u202f250\u202f000.']);
    expect(message('ar', '45!')).toEqual([`states_count: اكتب رقمًا، مثلًا ${new Intl.NumberFormat('ar', { useGrouping: false }).format(1250000)}.`]);
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(message(lang, 'x').join('')).not.toMatch(/not valid for this question|pas valable pour cette|no es válida para esta|غير صالحة لهذا السؤال/);
  });

  it('uses the relevance of the values validated, and leaves irrelevant questions out', () => {
    const schema = buildSectionSchema(loaded, { respondent_kind: 'state' }, 'profile', TODAY);
    expect(schema.safeParse({ respondent_kind: 'state', respondent_name: 'A', mechanism: 'gfmd', states_count: 'ignored' }).success).toBe(true);
    expect(issues(buildSectionSchema(loaded, {}, 'profile', TODAY).safeParse({ respondent_kind: 'secretariat', respondent_name: 'A', mechanism: 'gfmd' }))).toEqual([
      'states_count: This question is required.',
    ]);
  });

  it('places problems of repeat rows at the row index', () => {
    const answers = { ...FULL_ANSWERS, 'achievements[r2].ach_title': '', 'achievements[r2].ach_kind': 'other' };
    const schema = buildSectionSchema(loaded, answers, 'achievements_section', TODAY);
    expect(issues(schema.safeParse(toFormValues(loaded, answers, ['achievements_section'])))).toEqual([
      'achievements.1.ach_title: This question is required.',
      'achievements.1._other.ach_kind: Please specify "Other".',
    ]);
    expect(formPath('achievements[zz].ach_title', {})).toEqual(['achievements', 'zz', 'ach_title']);
  });
});

describe('response schema', () => {
  it('validates a responses.json object and refuses unknown keys', () => {
    const schema = buildResponseSchema(loaded, {}, TODAY);
    const response = toResponse(loaded, FULL_ANSWERS, TODAY);
    expect(schema.safeParse(response).success).toBe(true);
    expect(issues(schema.safeParse({ ...response, hacked: 1 }))).toEqual([': Unrecognized key: "hacked"']);
    const { respondent_name: _, ...missing } = response;
    expect(issues(schema.safeParse(missing))).toEqual(['respondent_name: This question is required.']);
  });

  it('has UI messages in four languages', () => {
    expect(['en', 'fr', 'es', 'ar', 'pt'].map((l) => uiMessage('max', l, { max: 5 }))).toEqual([
      'Enter a value of at most 5.',
      'Saisissez une valeur inférieure ou égale à 5.',
      'Introduzca un valor menor o igual que 5.',
      `أدخل قيمة لا تزيد على ${new Intl.NumberFormat('ar').format(5)}.`,
      'Enter a value of at most 5.',
    ]);
  });

  it('writes the numbers and dates in a message the language’s way', () => {
    expect(uiMessage('max', 'fr', { max: 1_000_000 })).toBe('Saisissez une valeur inférieure ou égale à 1\u202f000\u202f000.');
    expect(uiMessage('max', 'en', { max: 1_000_000 })).toBe('Enter a value of at most 1,000,000.');
    expect(uiMessage('min', 'en', { min: 1945 })).toBe('Enter a value of at least 1945.');
    expect(uiMessage('step', 'fr', { step: 0.5 })).toBe('Saisissez un multiple de 0,5.');
    // Arabic digits are whatever this runtime's ICU gives for `ar` (Latin in recent CLDR), as everywhere in the app.
    expect(uiMessage('step', 'ar', { step: 0.5 })).toBe(`أدخل مضاعفًا لـ ${new Intl.NumberFormat('ar').format(0.5)}.`);
    expect(uiMessage('min_date', 'en', { min: '1945-01-01' })).toBe('Enter a date on or after January 1, 1945.');
    expect(uiMessage('min_date', 'es', { min: '1945-01-01' })).toBe('Introduzca una fecha igual o posterior al 1 de enero de 1945.');
    expect(uiMessage('min_date', 'ar', { min: '1945-01-01' })).toBe(`أدخل تاريخًا في ${new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(1945, 0, 1))} أو بعده.`);
    // A file name stays as it is, even one that looks like a date.
    expect(uiMessage('file_too_large', 'en', { name: '2024-01-01', max: '10 MB' })).toBe('The file "2024-01-01" is larger than 10 MB.');
  });
});

describe('schemas on random input', () => {
  it('safeParse never throws, whatever the values', async () => {
    const fc = (await import('fast-check')).default;
    const schema = buildResponseSchema(loaded, FULL_ANSWERS, TODAY);
    const section = buildSectionSchema(loaded, FULL_ANSWERS, 'achievements_section', TODAY);
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.double(), fc.boolean(), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
      fc.array(fc.record({ _row: fc.constantFrom('r1', 'r2', 'bad id'), ach_title: fc.string({ maxLength: 3 }) }), { maxLength: 3 }));
    const keys = fc.constantFrom('respondent_kind', 'states_count', 'working_langs', 'achievements', 'contribution', '_other', 'x');
    fc.assert(fc.property(fc.dictionary(keys, value), (values) => {
      expect(typeof schema.safeParse(values).success).toBe('boolean');
      expect(typeof section.safeParse(values).success).toBe('boolean');
    }), { numRuns: 300 });
  });
});
