import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import { evaluate } from '../../../core/questionnaire/index.js';
import { FULL_ANSWERS, loadSmall } from './fixtures.js';

const loaded = loadSmall();
const TODAY = { today: '2026-11-27' };
const problemsOf = (answers: Record<string, AnswerValue>, lang = 'en') =>
  evaluate(loaded, answers, { ...TODAY, lang }).problems.map((p) => `${p.path} ${p.code}: ${p.message}`);

describe('evaluate', () => {
  it('a full, valid answer set has no problem and full progress', () => {
    const ev = evaluate(loaded, FULL_ANSWERS, TODAY);
    expect(ev.problems).toEqual([]);
    expect(ev.progress).toEqual([
      { sectionId: 'profile', relevant: true, answered: 5, total: 5 },
      { sectionId: 'structures', relevant: true, answered: 1, total: 1 },
      { sectionId: 'achievements_section', relevant: true, answered: 5, total: 5 },
    ]);
    expect(ev.calculated.get('mechanism_kind')).toBe('rcp');
    expect(ev.values.get('achievement_count')).toBe(2);
    expect(ev.isRelevant('achievements[r1].ach_replicated')).toBe(true);
    expect(ev.isRelevant('achievements[r2].ach_replicated')).toBe(false);
    expect(ev.required.get('contribution')).toBe(true);
    expect(ev.constraints.get('year_established')).toBe(true);
  });

  it('skip logic: a State skips the structures section and everything in it', () => {
    const ev = evaluate(loaded, { ...FULL_ANSWERS, respondent_kind: 'state', formality: 'nonsense' }, TODAY);
    expect(ev.isRelevant('structures')).toBe(false);
    expect(ev.isRelevant('formality')).toBe(false);
    expect(ev.isRelevant('states_count')).toBe(false);
    expect(ev.values.get('formality')).toBeNull();
    expect(ev.required.get('contribution')).toBe(false);
    expect(ev.problems).toEqual([]);
    expect(ev.progress[1]).toEqual({ sectionId: 'structures', relevant: false, answered: 0, total: 0 });
  });

  it('an empty answer set lists the missing required answers, and progress counts them', () => {
    expect(problemsOf({})).toEqual([
      'respondent_kind required: This question is required.',
      'respondent_name required: This question is required.',
      'mechanism required: This question is required.',
      'mechanism_kind required: This question is required.',
      'achievements min_rows: Add at least 1 entries.',
      // contribution: required "${respondent_kind} != 'state'" is false while respondent_kind is unanswered.
    ]);
    expect(evaluate(loaded, {}, TODAY).progress[0]).toEqual({ sectionId: 'profile', relevant: true, answered: 0, total: 4 });
    expect(problemsOf({}, 'fr')[0]).toBe('respondent_kind required: Cette question est obligatoire.');
    expect(problemsOf({}, 'ar')[0]).toBe('respondent_kind required: هذا السؤال إلزامي.');
  });

  it('reports every kind of value problem at its answer path', () => {
    expect(
      problemsOf({
        ...FULL_ANSWERS,
        respondent_name: 'x'.repeat(101),
        mechanism: 'other',
        mechanism_kind: 'rcp',
        year_established: 2030,
        states_count: 2.5,
        formality: 'maybe',
        founding_document: [
          { sha256: 'b'.repeat(64), name: 'big.pdf', size: 20_000_000, mediaType: 'application/pdf' },
          { sha256: 'c'.repeat(64), name: 'photo.png', size: 10, mediaType: 'image/png' },
          { sha256: 'd'.repeat(64), name: 'x.docx', size: 10, mediaType: 'application/msword' },
        ],
        working_langs: ['en', 'fr', 'es', 'other'],
        budget: 1.25,
        next_meeting: '2019-02-30',
        'achievements[r2].ach_kind': 'other',
        contribution: { networking: 'high' },
      }),
    ).toEqual([
      'respondent_name max_length: Use at most 100 characters.',
      'mechanism.other other_required: Please specify "Other".',
      'year_established constraint: The year cannot be in the future.',
      'states_count not_integer: Enter a whole number.',
      'formality invalid_choice: Choose one of the options offered.',
      'founding_document max_files: Attach at most 2 files.',
      'founding_document file_too_large: The file "big.pdf" is larger than 10 MB.',
      'founding_document file_type: The file "photo.png" is not of an accepted type (.pdf, .docx).',
      'working_langs max_selections: Select at most 3 options.',
      'working_langs.other other_required: Please specify "Other".',
      'budget step: Enter a multiple of 0.5.',
      'next_meeting invalid_date: Enter a valid date.',
      'achievements[r2].ach_kind.other other_required: Please specify "Other".',
      'contribution matrix_incomplete: Answer every row.',
    ]);
  });

  it('calculate: the kind fills itself from the mechanism; with "Other" the respondent chooses', () => {
    expect(evaluate(loaded, { mechanism: 'gfmd', mechanism_kind: 'irf' }, TODAY).values.get('mechanism_kind')).toBe('global');
    const other = evaluate(loaded, { mechanism: 'other', 'mechanism.other': 'New process', mechanism_kind: 'irf' }, TODAY);
    expect(other.values.get('mechanism_kind')).toBe('irf');
    expect(other.calculated.has('mechanism_kind')).toBe(false);
  });

  it('repeat rows: stray row ids and answers of deleted rows are ignored; maxRows is checked', () => {
    const ev = evaluate(loaded, { ...FULL_ANSWERS, achievements: ['r1', 'r1', 'bad id!', 'r3', 'r4', 'r5', 'r6', 'r7'], 'achievements[gone].ach_title': 'x' }, TODAY);
    expect(ev.rows.get('achievements')).toEqual(['r1', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(ev.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'achievements max_rows',
      'achievements[r3].ach_title required',
      'achievements[r4].ach_title required',
      'achievements[r5].ach_title required',
      'achievements[r6].ach_title required',
      'achievements[r7].ach_title required',
    ]);
  });

  it('min and max of numbers, dates and selections', () => {
    const codes = (answers: Record<string, AnswerValue>) => problemsOf({ ...FULL_ANSWERS, ...answers }).map((p) => p.split(':')[0]);
    expect(codes({ states_count: -1 })).toEqual(['states_count min']);
    expect(codes({ states_count: 201 })).toEqual(['states_count max']);
    expect(codes({ year_established: 1900 })).toEqual(['year_established min']);
    expect(codes({ next_meeting: '2019-12-31' })).toEqual(['next_meeting min_date']);
    expect(codes({ working_langs: ['zz'] })).toEqual(['working_langs invalid_choice']);
    expect(codes({ budget: 'much' })).toEqual(['budget number_letters']);
    expect(codes({ budget: '1,2,3' })).toEqual(['budget number_grouping']);
    expect(codes({ budget: '5%' })).toEqual(['budget number_format']);
    expect(codes({ budget: true })).toEqual(['budget number_format']);
    expect(codes({ contribution: { networking: 'huge', capacity: 'low' } })).toEqual(['contribution invalid_choice']);
  });

  it('never throws on random answers', () => {
    const value: fc.Arbitrary<AnswerValue> = fc.oneof(
      fc.constant(null), fc.string({ maxLength: 6 }), fc.double(), fc.boolean(),
      fc.array(fc.constantFrom('en', 'r1', 'other', 'x'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('networking', 'capacity', 'z'), fc.constantFrom('high', 'x', '')),
    );
    const paths = fc.constantFrom(...Object.keys(FULL_ANSWERS), 'mechanism.other', 'achievements[r9].ach_title', 'unknown');
    fc.assert(fc.property(fc.dictionary(paths, value), (answers) => {
      const ev = evaluate(loaded, answers, TODAY);
      expect(ev.progress).toHaveLength(3);
    }), { numRuns: 500 });
  });
});
