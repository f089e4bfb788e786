import { describe, expect, it } from 'vitest';
import { fromNested, responseToAnswers, toFormValues, toResponse } from '../../../core/questionnaire/index.js';
import { FULL_ANSWERS, loadSmall } from './fixtures.js';

const loaded = loadSmall();
const TODAY = { today: '2026-11-27' };

describe('toResponse', () => {
  it('nests relevant answers, with calculated values and repeat rows', () => {
    const response = toResponse(loaded, { ...FULL_ANSWERS, 'achievements[r2].ach_replicated': 'no', 'mechanism.other': 'kept out' }, TODAY);
    expect(response).toEqual({
      respondent_kind: 'secretariat',
      respondent_name: 'Ana Pérez',
      mechanism: 'bali_process',
      mechanism_kind: 'rcp',
      year_established: 2002,
      states_count: 45,
      formality: 'agree',
      founding_document: FULL_ANSWERS.founding_document,
      working_langs: ['en', 'fr'],
      budget: 1.5,
      next_meeting: '2027-03-01',
      has_bodies: 'yes',
      bodies_detail: 'Two working groups.',
      achievements: [
        { _row: 'r1', ach_title: 'Labour migration handbook', ach_kind: 'policy', ach_replicated: 'yes' },
        { _row: 'r2', ach_title: 'Regional fund', ach_kind: 'handbook' },
      ],
      achievement_count: 2,
      contribution: { networking: 'high', capacity: 'low' },
    });
  });

  it('leaves out irrelevant sections and keeps "Other" texts only when Other is chosen', () => {
    const response = toResponse(loaded, { ...FULL_ANSWERS, respondent_kind: 'state', mechanism: 'other', 'mechanism.other': 'New forum', mechanism_kind: 'irf' }, TODAY);
    expect(Object.keys(response)).toEqual(['respondent_kind', 'respondent_name', 'mechanism', '_other', 'mechanism_kind', 'year_established', 'achievements', 'achievement_count', 'contribution']);
    expect(response._other).toEqual({ mechanism: 'New forum' });
  });

  it('round-trips through responseToAnswers', () => {
    const response = toResponse(loaded, FULL_ANSWERS, TODAY);
    const answers = responseToAnswers(loaded, response);
    expect(answers).toEqual({ ...FULL_ANSWERS, mechanism_kind: 'rcp', achievement_count: 2 });
    expect(toResponse(loaded, answers, TODAY)).toEqual(response);
  });
});

describe('form values', () => {
  it('hold every question of a section, null when unanswered, and convert back', () => {
    const values = toFormValues(loaded, { ...FULL_ANSWERS, 'achievements[r1].ach_kind.other': 'x' }, ['achievements_section']);
    expect(values).toEqual({
      achievement_count: null,
      contribution: { networking: 'high', capacity: 'low' },
      comments: null,
      achievements: [
        { _row: 'r1', ach_title: 'Labour migration handbook', ach_year: null, ach_kind: 'policy', _other: { ach_kind: 'x' }, ach_replicated: 'yes' },
        { _row: 'r2', ach_title: 'Regional fund', ach_year: null, ach_kind: 'handbook', _other: { ach_kind: null }, ach_replicated: null },
      ],
    });
    const back = fromNested(loaded, { ...values, comments: '', achievement_count: Number.NaN }, ['achievements_section']);
    expect(back).toMatchObject({ achievements: ['r1', 'r2'], comments: null, achievement_count: null, 'achievements[r1].ach_kind.other': 'x', 'achievements[r2].ach_year': null });
    expect(toFormValues(loaded, {}, ['profile'])).toEqual({
      respondent_kind: null, respondent_name: null, mechanism: null, _other: { mechanism: null }, mechanism_kind: null, year_established: null, states_count: null,
    });
  });
});
