import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import { evaluate, toResponse } from '../../../core/questionnaire/index.js';
import { FULL_ANSWERS, itemOf, loadErrors, loadSmall, sectionOf, type SmallJson } from './fixtures.js';

const TODAY = { today: '2026-11-27' };
const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

function withEmail(json: SmallJson, expression = `regex(., '${EMAIL}')`): void {
  sectionOf(json, 0).items.push({
    id: 'contact_email',
    type: 'text',
    label: { en: 'Email', fr: 'Courriel' },
    constraint: { expression, message: { en: 'Enter a complete email address, e.g. name@example.org.', fr: 'Saisissez une adresse complète, par exemple nom@exemple.org.' } },
  });
}

describe('regex(): a pattern check for text', () => {
  const loaded = loadSmall((json) => withEmail(json));
  const problems = (answers: Record<string, AnswerValue>, lang = 'en') =>
    evaluate(loaded, { ...FULL_ANSWERS, ...answers }, { ...TODAY, lang }).problems.map((p) => `${p.path}: ${p.message}`);

  it('refuses "amina@" with the constraint message, and accepts a complete address', () => {
    expect(problems({ contact_email: 'amina@' })).toEqual(['contact_email: Enter a complete email address, e.g. name@example.org.']);
    expect(problems({ contact_email: 'amina@' }, 'fr')).toEqual(['contact_email: Saisissez une adresse complète, par exemple nom@exemple.org.']);
    expect(problems({ contact_email: 'amina@iom.int' })).toEqual([]);
  });

  it('can be used in any expression, and is false for an unanswered question', () => {
    const withRelevance = loadSmall((json) => {
      withEmail(json);
      itemOf(json, 'states_count').relevant = "regex(${respondent_name}, '^[A-Z]')";
    });
    const relevant = (name: AnswerValue) => evaluate(withRelevance, { ...FULL_ANSWERS, respondent_name: name }, TODAY).isRelevant('states_count');
    expect([relevant('Ana'), relevant('ana'), relevant(null)]).toEqual([true, false, false]);
  });

  it('a pattern that is not supported, or not written in the expression, is a load error with the path, the question and the column', () => {
    expect(loadErrors((json) => withEmail(json, "regex(., '^(?=.*@)')"))).toEqual([
      {
        path: 'sections[0].items[7].constraint.expression',
        message: 'question "contact_email", constraint at column 10: the pattern of regex(), at character 2: lookahead "(?=" and "(?!" is not supported',
      },
    ]);
    expect(loadErrors((json) => withEmail(json, "regex(., '[a-')"))).toEqual([
      { path: 'sections[0].items[7].constraint.expression', message: 'question "contact_email", constraint at column 10: the pattern of regex(), at character 1: "[" without a matching "]"' },
    ]);
    expect(loadErrors((json) => withEmail(json, 'regex(., ${respondent_name})'))).toEqual([
      { path: 'sections[0].items[7].constraint.expression', message: "question \"contact_email\", constraint at column 10: the pattern of regex() must be a text such as '^[0-9]+$'" },
    ]);
    expect(loadErrors((json) => withEmail(json, "regex(${states_count}, '^1')"))).toEqual([
      { path: 'sections[0].items[7].constraint.expression', message: 'question "contact_email", constraint at column 7: regex() needs a text or a date, but this is a number' },
    ]);
  });
});

describe('a calculated value shows nothing while an answer it reads is invalid', () => {
  const loaded = loadSmall((json) => {
    sectionOf(json, 0).items.push(
      { id: 'age', type: 'integer', calculate: 'year(today()) - ${year_established}', label: { en: 'Age', fr: 'Âge' } },
      { id: 'age_in_months', type: 'integer', calculate: '${age} * 12', label: { en: 'Months', fr: 'Mois' } },
      { id: 'staff', type: 'decimal', label: { en: 'Staff', fr: 'Personnel' } },
      { id: 'staff_per_state', type: 'decimal', calculate: 'round(${staff} / ${states_count}, 2)', label: { en: 'Staff per State', fr: 'Personnel par État' } },
    );
  });
  const run = (answers: Record<string, AnswerValue>) => evaluate(loaded, { ...FULL_ANSWERS, ...answers }, TODAY);

  it('gives the value while the inputs are valid or unanswered', () => {
    expect(run({ year_established: 2002 }).calculated.get('age')).toBe(24);
    expect(run({ year_established: 2002 }).calculated.get('age_in_months')).toBe(288);
    expect(run({ staff: 9, states_count: 45 }).calculated.get('staff_per_state')).toBe(0.2);
    expect(run({ year_established: null }).calculated.has('age')).toBe(false);
  });

  it('withholds it (and what is calculated from it) while an input breaks its constraint, its range or its type', () => {
    for (const year of [2031, 1900, '20x2', 1999.5] as AnswerValue[]) {
      const ev = run({ year_established: year });
      expect([year, ev.values.get('age'), ev.values.get('age_in_months')]).toEqual([year, null, null]);
      expect([...ev.withheld].sort()).toEqual(['age', 'age_in_months']);
      // The problem is reported once, at the answer to correct, not at the calculations.
      expect(ev.problems.map((p) => p.path)).toEqual(['year_established']);
    }
    expect(run({ staff: 9, states_count: 500 }).values.get('staff_per_state')).toBeNull();
    expect(run({ staff: 'nine', states_count: 45 }).values.get('staff_per_state')).toBeNull();
  });

  it('leaves a withheld value out of the submission', () => {
    expect(toResponse(loaded, { ...FULL_ANSWERS, year_established: 2002 }, TODAY)).toMatchObject({ age: 24, age_in_months: 288 });
    const response = toResponse(loaded, { ...FULL_ANSWERS, year_established: 2031 }, TODAY);
    expect('age' in response || 'age_in_months' in response).toBe(false);
  });
});
