import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import { evaluate, loadQuestionnaire, type LoadedQuestionnaire, QUESTION_TYPES } from '../../../core/questionnaire/index.js';

const FOLDER = path.resolve(import.meta.dirname, '../../../questionnaires/iscm-assessment');
const VERSIONS = fs.readdirSync(FOLDER).filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f)).map((f) => f.slice(0, -'.json'.length));
const fileOf = (version: string): string => path.join(FOLDER, `${version}.json`);
const rawOf = (version: string): unknown => JSON.parse(fs.readFileSync(fileOf(version), 'utf8')) as unknown;
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const TEXT_KEYS = new Set(['title', 'description', 'label', 'help', 'message']);

function loadVersion(version: string): LoadedQuestionnaire {
  const result = loadQuestionnaire(rawOf(version));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.questionnaire;
}

/** Every text object of the file (title, description, label, help, message), with its JSON path. */
function texts(value: unknown, at: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${at}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (TEXT_KEYS.has(key) && typeof v === 'object' && v !== null && !Array.isArray(v)) out.push([`${at}.${key}`, v as Record<string, unknown>]);
      else texts(v, `${at}.${key}`, out);
    }
  }
  return out;
}

describe.each(VERSIONS)('the ISCM Assessment questionnaire %s', (version) => {
  const raw = rawOf(version);
  const load = (): LoadedQuestionnaire => loadVersion(version);

  it('loads with no error, and says its own version', () => {
    expect(loadVersion(version).questionnaire.version).toBe(version);
    expect(loadQuestionnaire(raw)).toMatchObject({ ok: true });
  });

  it('is complete in English, French, Spanish and Arabic', () => {
    const loaded = load();
    expect(loaded.questionnaire.languages).toEqual(LANGUAGES);
    const all = texts(raw, '$');
    expect(all.length).toBeGreaterThan(300);
    const missing = all.flatMap(([at, text]) => LANGUAGES.filter((l) => typeof text[l] !== 'string' || (text[l]).trim() === '').map((l) => `${at}.${l}`));
    expect(missing).toEqual([]);
  });

  it('uses every question type, notes, a matrix, attachments and the two repeat groups, with at least 80 questions', () => {
    const loaded = load();
    const used = new Set([...loaded.questions.values()].map((n) => n.question.type));
    expect(QUESTION_TYPES.filter((t) => !used.has(t))).toEqual([]);
    expect(loaded.questions.size).toBeGreaterThanOrEqual(80);
    expect([...loaded.nodes.values()].some((n) => n.kind === 'note')).toBe(true);
    const repeats = [...loaded.nodes.values()].filter((n) => n.kind === 'group' && n.group.repeat === true).map((n) => n.id);
    expect(repeats).toEqual(expect.arrayContaining(['achievements', 'partners']));
    const types = [...loaded.questions.values()].map((n) => n.question.type);
    expect(types).toContain('matrix');
    expect(types).toContain('attachment');
    const choiceQuestions = [...loaded.questions.values()].filter((n) => 'other' in n.question && n.question.other === true).map((n) => n.question.type);
    expect(new Set(choiceQuestions)).toEqual(new Set(['single_choice', 'multiple_choice']));
    expect(loaded.questionnaire.sections).toHaveLength(8);
  });

  it("fills the mechanism's kind from the chosen mechanism, and lets the respondent choose it for Other", () => {
    const loaded = load();
    const mechanism = loaded.questions.get('mechanism');
    expect(mechanism?.question.type).toBe('single_choice');
    const listed = (mechanism?.choices ?? []).filter((c) => c.value !== 'other');
    expect(listed.length).toBeGreaterThanOrEqual(30);
    for (const choice of listed) {
      const kind = choice.attributes?.kind;
      expect(['rcp', 'irf', 'global']).toContain(kind);
      const ev = evaluate(loaded, { respondent_kind: 'secretariat', mechanism: choice.value }, { today: '2026-11-27' });
      expect(ev.values.get('mechanism_kind')).toBe(kind);
    }
    const other = evaluate(loaded, { respondent_kind: 'secretariat', mechanism: 'other', 'mechanism.other': 'A new forum', mechanism_kind: 'irf' }, { today: '2026-11-27' });
    expect(other.values.get('mechanism_kind')).toBe('irf');
    expect(other.problems.filter((p) => p.path === 'mechanism.other' || p.path === 'mechanism_kind')).toEqual([]);
  });

  it('skip logic: a State answers fewer sections than a secretariat; an organisation sees partnerships', () => {
    const loaded = load();
    const relevantSections = (kind: string): string[] =>
      evaluate(loaded, { respondent_kind: kind }, { today: '2026-11-27' }).progress.filter((p) => p.relevant).map((p) => p.sectionId);
    const secretariat = relevantSections('secretariat');
    const state = relevantSections('state');
    const organisation = relevantSections('organisation');
    expect(secretariat).toHaveLength(8);
    expect(state.length).toBeLessThan(secretariat.length);
    expect(organisation).toContain('partnerships');
    expect(organisation).toContain('future_path');
    expect(state).not.toContain('partnerships');
  });
});

describe.each(VERSIONS)('iscm questionnaire check/print on the real file %s', (version) => {
  const FILE = fileOf(version);
  it('passes the check and prints in every language', async () => {
    const { runQuestionnaireCommand } = await import('../../../cli/commands/questionnaire.js');
    const io = (out: string[]) => ({ stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(`ERR ${s}`), readFile: (p: string) => fs.readFileSync(p, 'utf8') });
    const out: string[] = [];
    expect(runQuestionnaireCommand(['check', FILE], io(out))).toBe(0);
    expect(out.join('')).toContain(`${FILE}: OK`);
    for (const lang of LANGUAGES) {
      const printed: string[] = [];
      expect(runQuestionnaireCommand(['print', FILE, '--lang', lang], io(printed))).toBe(0);
      expect(printed.join('').split('\n').length).toBeGreaterThan(200);
    }
  });
});

describe('version 1.1.0: choice filters, exclusive choices, pattern checks', () => {
  const loaded = loadVersion('1.1.0');
  const TODAY = { today: '2026-11-27' };
  const base = { respondent_kind: 'secretariat', mechanism: 'bali_process' };
  const run = (answers: Record<string, AnswerValue>, lang = 'en') => evaluate(loaded, { ...base, ...answers }, { ...TODAY, lang });
  const problemAt = (answers: Record<string, AnswerValue>, path: string, lang = 'en') => run(answers, lang).problems.filter((p) => p.path === path).map((p) => p.message);

  it('keeps the top-level shape and every question id and choice value of 1.0.0', () => {
    const before = rawOf('1.0.0') as Record<string, unknown>;
    const after = rawOf('1.1.0') as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const old = loadVersion('1.0.0');
    expect([...old.nodes.keys()].filter((id) => !loaded.nodes.has(id))).toEqual([]);
    for (const [list, choices] of old.choiceLists) {
      const now = new Set((loaded.choiceLists.get(list) ?? []).map((c) => c.value));
      expect([list, choices.map((c) => c.value).filter((v) => !now.has(v))]).toEqual([list, []]);
    }
  });

  it('"Which of these are the main focus today?" offers only the areas ticked above', () => {
    expect(run({ thematic_areas: null }).isRelevant('main_thematic_areas')).toBe(false);
    const ev = run({ thematic_areas: ['labour_migration', 'data', 'other'], 'thematic_areas.other': 'Remittances' });
    expect([...(ev.offered.get('main_thematic_areas') ?? [])]).toEqual(['labour_migration', 'data', 'other']);
    expect(problemAt({ thematic_areas: ['data'], main_thematic_areas: ['health'] }, 'main_thematic_areas', 'fr')).toEqual([
      '« Migration et santé » ne correspond plus à vos réponses précédentes : retirez ce choix ou modifiez ces réponses.',
    ]);
  });

  it("a State's other mechanisms leave out the one it answers about", () => {
    const offered = run({ respondent_kind: 'state', mechanism: 'budapest_process' }).offered.get('state_other_mechanisms') ?? new Set();
    expect(offered.has('budapest_process')).toBe(false);
    expect(offered.has('prague_process')).toBe(true);
    expect(offered.has('other')).toBe(true);
    expect(run({ respondent_kind: 'state', mechanism: null }).offered.get('state_other_mechanisms')?.has('budapest_process')).toBe(true);
  });

  it('"None"-like answers stand alone', () => {
    expect(problemAt({ global_process_links: ['gfmd', 'no_links'] }, 'global_process_links')).toEqual(['"No links with global processes" cannot be combined with other answers.']);
    expect(problemAt({ participants_beyond_states: ['states_only', 'academia'] }, 'participants_beyond_states', 'ar')).toEqual(['لا يمكن الجمع بين «تقتصر المشاركة على الدول» وإجابات أخرى.']);
    expect(problemAt({ risks: ['no_major_risks', 'overlap'] }, 'risks')).toEqual(['"No major risks at present" cannot be combined with other answers.']);
    expect(run({ risks: ['no_major_risks'] }).isRelevant('risk_mitigation')).toBe(false);
    expect(run({ risks: ['overlap'] }).isRelevant('risk_mitigation')).toBe(true);
  });

  it('an email is checked with a pattern: "amina@" is refused', () => {
    const email = (value: string) => problemAt({ contact_consent: 'yes', respondent_email: value }, 'respondent_email');
    expect(email('amina@')).toEqual(['Enter a complete email address, for example name@example.org.']);
    expect(email('amina@example')).toEqual(['Enter a complete email address, for example name@example.org.']);
    expect(email('amina.diallo@example.org')).toEqual([]);
    const site = (value: string) => problemAt({ mechanism_website: value }, 'mechanism_website');
    expect(site('budapest process')).toEqual(['Enter a web address, for example www.example.org.']);
    expect([site('www.budapestprocess.org'), site('https://www.iom.int/regional-consultative-processes-migration')]).toEqual([[], []]);
  });

  it('years since establishment shows nothing while the year is invalid', () => {
    expect(run({ year_established: 2002 }).calculated.get('years_active')).toBe(24);
    for (const year of [2031, 1800, '20o2'] as AnswerValue[]) expect(run({ year_established: year }).values.get('years_active')).toBeNull();
  });
});
