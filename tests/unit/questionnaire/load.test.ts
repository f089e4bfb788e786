import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import { itemOf, listOf, loadErrors, loadSmall, readFixture, sectionOf } from './fixtures.js';

describe('loadQuestionnaire: the fixtures', () => {
  it('loads the small questionnaire with its indexes', () => {
    const loaded = loadSmall();
    expect(loaded.questions.get('mechanism_kind')?.calculate).toBeDefined();
    expect(loaded.nodes.get('ach_title')?.repeatGroupId).toBe('achievements');
    expect(loaded.nodes.get('comments')?.parentId).toBe('details');
    expect(loaded.calculateOrder).toEqual(['mechanism_kind', 'achievement_count']);
    const order = loaded.evaluationOrder;
    expect(order.indexOf('respondent_kind')).toBeLessThan(order.indexOf('structures'));
    expect(order.indexOf('achievements')).toBeLessThan(order.indexOf('achievement_count'));
    expect(loaded.questions.get('mechanism')?.choices?.map((c) => c.value)).toEqual(['bali_process', 'gfmd', 'acp_eu', 'other']);
    expect(loaded.choiceLists.get('impact')?.length).toBe(6);
  });

  const cases: [string, { path: string; message: string }[]][] = [
    ['broken-unknown-reference.json', [{ path: 'sections[0].items[6].relevant', message: 'question "states_count", relevant at column 40: unknown question "respondent_knd"' }]],
    ['broken-cycle.json', [{ path: 'sections[0].items[2].calculate', message: 'question "respondent_name", calculate at column 8: cycle in calculate: respondent_name → mechanism_kind → respondent_name' }]],
    ['broken-missing-translation.json', [{ path: 'sections[1].items[0].label', message: 'the label of question "formality" has no "fr" text' }]],
    ['broken-duplicate-id.json', [{ path: 'sections[1].items[3].id', message: 'duplicate id "formality" (already used at sections[1].items[0])' }]],
    ['broken-bad-option.json', [{ path: 'sections[0].items[6].min', message: 'question "states_count": min (300) is greater than max (200)' }]],
  ];
  it.each(cases)('%s fails with the precise error', (file, expected) => {
    const result = loadQuestionnaire(readFixture(file));
    expect(result).toEqual({ ok: false, errors: expected });
  });
});

describe('loadQuestionnaire: every error at once', () => {
  it('reports structure errors with JSON paths', () => {
    const result = loadQuestionnaire({ ...readFixture('small.json'), version: '1.0', extra: 1, sections: [{ id: 'S', title: {}, items: [{ id: 'x', type: 'slider', label: {} }] }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '$', message: 'Unrecognized key: "extra"' },
        { path: 'version', message: 'a semantic version such as 1.0.0' },
        { path: 'sections[0].id', message: 'an id of lowercase letters, digits and _ starting with a letter (at most 64)' },
        { path: 'sections[0].items[0].type', message: 'unknown item type: expected a question type, "note" or "group"' },
      ]),
    );
    expect(loadQuestionnaire('nope')).toEqual({ ok: false, errors: [{ path: '$', message: 'Invalid input: expected object, received string' }] });
  });

  it('reports translation, option and expression errors together', () => {
    const errors = loadErrors((json) => {
      json.defaultLanguage = 'es';
      sectionOf(json, 0).title = { en: 'Profile', fr: ' ', de: 'Profil' };
      (itemOf(json, 'respondent_name').help as Record<string, string>).fr = '';
      itemOf(json, 'next_meeting').max = '2019-01-01';
      itemOf(json, 'working_langs').minSelections = 4;
      itemOf(json, 'working_langs').maxSelections = 2;
      itemOf(json, 'mechanism').choices = 'mechanismz';
      itemOf(json, 'achievements').minRows = 9;
      itemOf(json, 'details').maxRows = 3;
      itemOf(json, 'formality').relevant = "${intro} = 'x'";
      itemOf(json, 'budget').relevant = '${ach_year} > 2000';
      itemOf(json, 'has_bodies').relevant = '. = 1';
      itemOf(json, 'comments').relevant = "count(${details}) > 0";
      itemOf(json, 'states_count').constraint = { expression: ". > 'x'", message: { en: 'x', fr: 'x' } };
      itemOf(json, 'achievement_count').calculate = "concat('n', 1)";
      listOf(json, 'working_languages').push({ value: 'en', label: { en: 'English', fr: 'Anglais' } });
    });
    expect(errors).toEqual([
      { path: 'sections[0].title.fr', message: 'the title of section "profile" has an empty "fr" text' },
      { path: 'sections[0].title.de', message: 'the title of section "profile" has a "de" text, but "de" is not in languages' },
      { path: 'sections[0].items[2].help.fr', message: 'the help of question "respondent_name" has an empty "fr" text' },
      { path: 'defaultLanguage', message: 'defaultLanguage "es" is not in languages' },
      { path: 'choiceLists.working_languages[4].value', message: 'choice list "working_languages": duplicate value "en"' },
      { path: 'sections[0].items[3].choices', message: 'question "mechanism": unknown choice list "mechanismz"' },
      { path: 'sections[1].items[2].minSelections', message: 'question "working_langs": minSelections (4) is greater than maxSelections (2)' },
      { path: 'sections[1].items[4].min', message: 'question "next_meeting": min (2020-01-01) is greater than max (2019-01-01)' },
      { path: 'sections[2].items[0].minRows', message: 'group "achievements": minRows (9) is greater than maxRows (5)' },
      { path: 'sections[2].items[3]', message: 'group "details": minRows and maxRows only apply to a repeat group ("repeat": true)' },
      { path: 'sections[0].items[4].calculate', message: 'question "mechanism_kind", calculate at column 27: no choice of this question has the attribute "kind"' },
      { path: 'sections[0].items[6].constraint.expression', message: 'question "states_count", constraint at column 1: ">" compares two numbers or two texts/dates, not a number and a text' },
      { path: 'sections[1].items[0].relevant', message: 'question "formality", relevant at column 1: "intro" is a note and has no answer' },
      { path: 'sections[1].items[3].relevant', message: 'question "budget", relevant at column 1: question "ach_year" is inside the repeat group "achievements": only that group\'s questions can use it' },
      { path: 'sections[1].items[5].relevant', message: 'question "has_bodies", relevant at column 1: "." can only be used in a constraint (the answer itself) or a choiceFilter (the choice offered)' },
      { path: 'sections[2].items[1].calculate', message: 'question "achievement_count", calculate at column 1: the result must be a number, but it is a text' },
      { path: 'sections[2].items[3].items[0].relevant', message: 'question "comments", relevant at column 7: "details" is a group, not a question' },
    ]);
  });

  it('reports cycles through relevance and containment', () => {
    expect(
      loadErrors((json) => {
        itemOf(json, 'respondent_kind').relevant = "${respondent_name} != null";
        itemOf(json, 'respondent_name').relevant = "${respondent_kind} != null";
      }),
    ).toEqual([
      { path: 'sections[0].items[1].relevant', message: 'question "respondent_kind", relevant at column 1: cycle in relevant: respondent_kind → respondent_name → respondent_kind' },
    ]);
    expect(loadErrors((json) => { sectionOf(json, 1).relevant = '${budget} > 1'; })).toEqual([
      { path: 'sections[1].relevant', message: 'section "structures", relevant at column 1: cycle: structures → budget → structures (through relevant and being inside)' },
    ]);
  });

  it('checks "other", built-in scale overrides and scale labels for other languages', () => {
    expect(loadErrors((json) => { listOf(json, 'mechanisms').push({ value: 'other', label: { en: 'Other', fr: 'Autre' } }); })).toEqual([
      { path: 'sections[0].items[3].other', message: 'question "mechanism": "other": true adds the value "other", but list "mechanisms" already has it' },
    ]);
    expect(loadErrors((json) => { json.choiceLists.impact = [{ value: 'low', label: { en: 'Low', fr: 'Faible' } }]; })).toEqual([
      { path: 'choiceLists.impact', message: 'choice list "impact" replaces the labels of a built-in scale: its values must be exactly none, low, moderate, high, very_high, not_applicable' },
    ]);
    const errors = loadErrors((json) => {
      json.languages = ['en', 'pt'];
      json.defaultLanguage = 'en';
    });
    expect(errors).toContainEqual({ path: 'languages', message: 'the built-in scale "agreement" has no "pt" labels: add a choice list "agreement" with its values and labels' });
    expect(errors).toContainEqual({ path: 'title', message: 'the title has no "pt" text' });
  });
});

describe('loadQuestionnaire: calculated choices', () => {
  it('refuses a calculation that can give a value the question does not offer', () => {
    expect(
      loadErrors((json) => {
        const gfmd = listOf(json, 'mechanisms').find((c) => c.value === 'gfmd');
        if (gfmd) gfmd.attributes = { kind: 'global_process' };
        itemOf(json, 'respondent_kind').calculate = "if(string-length(${respondent_name}) > 1, 'secretariat', 'ministry')";
      }),
    ).toEqual([
      { path: 'sections[0].items[1].calculate', message: 'question "respondent_kind", calculate: the text \'ministry\' gives "ministry", which is not one of this question\'s choice values' },
      { path: 'sections[0].items[4].calculate', message: 'question "mechanism_kind", calculate: choice "gfmd" of "mechanism" (kind) gives "global_process", which is not one of this question\'s choice values' },
    ]);
  });
});
