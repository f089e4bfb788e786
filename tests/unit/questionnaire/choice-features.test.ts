import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import { buildSectionSchema, evaluate, outline, toFormValues, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { FULL_ANSWERS, loadErrors, loadSmall, sectionOf, type SmallJson } from './fixtures.js';

const TODAY = { today: '2026-11-27' };
const label = (en: string, fr: string) => ({ en, fr });

/** The small questionnaire with a filtered multiple choice, a filtered single choice and an exclusive "none". */
function withChoiceFeatures(json: SmallJson): void {
  json.choiceLists.working_languages?.push({ value: 'none', label: label('None of these', 'Aucune'), exclusive: true } as never);
  const structures = sectionOf(json, 1).items;
  const at = structures.findIndex((i) => i.id === 'working_langs') + 1;
  structures.splice(at, 0, {
    id: 'main_lang',
    type: 'multiple_choice',
    choices: 'working_languages',
    choiceFilter: "selected(${working_langs}, .) and . != 'none'",
    label: label('Main languages', 'Langues principales'),
  });
  sectionOf(json, 0).items.push({
    id: 'sister_mechanism',
    type: 'single_choice',
    choices: 'mechanisms',
    choiceFilter: "choice-attr(., 'kind') != ${mechanism_kind} and . != ${mechanism}",
    label: label('A mechanism of another kind', "Un mécanisme d'un autre type"),
  });
}

const loaded: LoadedQuestionnaire = loadSmall(withChoiceFeatures);
const run = (answers: Record<string, AnswerValue>, lang = 'en') => evaluate(loaded, { ...FULL_ANSWERS, ...answers }, { ...TODAY, lang });
const problems = (answers: Record<string, AnswerValue>, lang = 'en') => run(answers, lang).problems.map((p) => `${p.path} ${p.code}: ${p.message}`);

describe('choice filters', () => {
  it('offer only the choices for which the expression is true, "." being the choice', () => {
    expect([...(run({ working_langs: ['fr', 'ar'] }).offered.get('main_lang') ?? [])]).toEqual(['fr', 'ar']);
    expect([...(run({ working_langs: ['en', 'other'], 'working_langs.other': 'Swahili' }).offered.get('main_lang') ?? [])]).toEqual(['en']);
    // Attributes of the choice being considered: bali_process is an RCP, so the others are offered.
    expect([...(run({ mechanism: 'bali_process' }).offered.get('sister_mechanism') ?? [])]).toEqual(['gfmd', 'acp_eu']);
    expect([...(run({ mechanism: 'gfmd' }).offered.get('sister_mechanism') ?? [])]).toEqual(['bali_process', 'acp_eu']);
  });

  it('refuse a choice that is no longer offered, naming it in the language, and keep it in the draft', () => {
    const answers = { working_langs: ['fr'], main_lang: ['fr', 'es'] };
    expect(problems(answers)).toEqual(['main_lang choice_not_offered: "Spanish" no longer fits your earlier answers: remove it or change those answers.']);
    expect(problems(answers, 'fr')).toEqual(['main_lang choice_not_offered: « Espagnol » ne correspond plus à vos réponses précédentes : retirez ce choix ou modifiez ces réponses.']);
    expect(run(answers).values.get('main_lang')).toEqual(['fr', 'es']);
    expect(problems({ mechanism: 'gfmd', sister_mechanism: 'gfmd' })).toEqual([
      'sister_mechanism choice_not_offered: "GFMD" no longer fits your earlier answers: remove it or change those answers.',
    ]);
    expect(problems({ working_langs: ['fr', 'es'], main_lang: ['fr', 'es'], mechanism: 'gfmd', sister_mechanism: 'acp_eu' })).toEqual([]);
  });

  it('are validated by the section schema like every other rule', () => {
    const answers = { ...FULL_ANSWERS, working_langs: ['fr'], main_lang: ['es'] };
    const result = buildSectionSchema(loaded, answers, 'structures', TODAY).safeParse(toFormValues(loaded, answers, ['structures']));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['main_lang: "Spanish" no longer fits your earlier answers: remove it or change those answers.']);
  });

  it('are checked when the file is loaded: type, the meaning of ".", references and cycles, with path and question', () => {
    const filterOf = (filter: string) => (json: SmallJson) => {
      withChoiceFeatures(json);
      const item = sectionOf(json, 1).items.find((i) => i.id === 'main_lang');
      if (item) item.choiceFilter = filter;
    };
    expect(loadErrors(filterOf("concat(., 'x')"))).toEqual([
      { path: 'sections[1].items[3].choiceFilter', message: 'question "main_lang", choiceFilter at column 1: the result must be true/false, but it is a text' },
    ]);
    expect(() => loadSmall(filterOf("selected(${working_langs}, .) and choice-attr(${mechanism}, 'kind') = 'rcp'"))).not.toThrow();
    expect(loadErrors(filterOf("choice-attr(., 'kind') = 'rcp'"))).toEqual([
      { path: 'sections[1].items[3].choiceFilter', message: 'question "main_lang", choiceFilter at column 16: no choice of this question has the attribute "kind"' },
    ]);
    expect(loadErrors(filterOf("selected(${main_lang}, 'en')"))).toEqual([
      { path: 'sections[1].items[3].choiceFilter', message: 'question "main_lang", choiceFilter at column 10: cycle in choiceFilter: main_lang → main_lang' },
    ]);
    expect(loadErrors(filterOf('selected(${working_lang}, .)'))).toEqual([
      { path: 'sections[1].items[3].choiceFilter', message: 'question "main_lang", choiceFilter at column 10: unknown question "working_lang"' },
    ]);
    expect(loadErrors((json) => {
      withChoiceFeatures(json);
      sectionOf(json, 1).items.splice(0, 0, { id: 'odd', type: 'text', choiceFilter: 'true', label: label('a', 'b') });
    })).toEqual([{ path: 'sections[1].items[0]', message: 'Unrecognized key: "choiceFilter"' }]);
  });

  it('are printed by `iscm questionnaire print`', () => {
    const text = outline(loaded, 'en');
    expect(text).toContain("offers only choices where: selected(${working_langs}, .) and . != 'none'");
    expect(text).toContain('None of these (none, exclusive)');
  });
});

describe('exclusive choices', () => {
  it('cannot be combined with another answer: validation refuses it, naming the choice', () => {
    expect(problems({ working_langs: ['none'] })).toEqual([]);
    expect(problems({ working_langs: ['en', 'none'] })).toEqual(['working_langs exclusive_choice: "None of these" cannot be combined with other answers.']);
    expect(problems({ working_langs: ['none', 'other'], 'working_langs.other': 'Swahili' }, 'fr')).toEqual([
      'working_langs exclusive_choice: « Aucune » ne peut pas être combiné avec d’autres réponses.',
    ]);
  });

  it('contradicting minSelections is a load error', () => {
    expect(loadErrors((json) => {
      withChoiceFeatures(json);
      const langs = sectionOf(json, 1).items.find((i) => i.id === 'working_langs');
      if (langs) langs.minSelections = 2;
    })).toEqual([
      { path: 'sections[1].items[2].minSelections', message: 'question "working_langs": minSelections (2) can never be met with choice "none", which is exclusive (it stands alone)' },
    ]);
  });
});
