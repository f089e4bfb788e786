import fs from 'node:fs';
import path from 'node:path';
import { processTempDir } from '../../helpers/temp-dir.js';
import { describe, expect, it } from 'vitest';
import { runQuestionnaireCommand } from '../../../cli/commands/questionnaire.js';
import { FIXTURES } from './fixtures.js';

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runQuestionnaireCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (p) => fs.readFileSync(p, 'utf8'),
  });
  return { code, stdout, stderr };
}

const fixture = (name: string): string => path.join(FIXTURES, name);

describe('iscm questionnaire check', () => {
  it('prints a summary of a valid file and exits 0', () => {
    const { code, stdout, stderr } = run('check', fixture('small.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('small-test 1.0.0: Small test questionnaire');
    expect(stdout).toContain('languages: en, fr (default en)');
    expect(stdout).toContain('sections: 3');
    expect(stdout).toMatch(/ {2}profile +6 questions {2}Profile/);
    expect(stdout).toContain('questions: 20');
    expect(stdout).toMatch(/ {2}single_choice +4\n/);
    expect(stdout).toContain('repeat groups: achievements');
  });

  it.each([
    ['broken-unknown-reference.json', 'sections[0].items[6].relevant: question "states_count", relevant at column 40: unknown question "respondent_knd"'],
    ['broken-cycle.json', 'sections[0].items[2].calculate: question "respondent_name", calculate at column 8: cycle in calculate: respondent_name → mechanism_kind → respondent_name'],
    ['broken-missing-translation.json', 'sections[1].items[0].label: the label of question "formality" has no "fr" text'],
    ['broken-duplicate-id.json', 'sections[1].items[3].id: duplicate id "formality" (already used at sections[1].items[0])'],
    ['broken-bad-option.json', 'sections[0].items[6].min: question "states_count": min (300) is greater than max (200)'],
  ])('prints every error of %s and exits 1', (name, line) => {
    const file = fixture(name);
    const { code, stdout, stderr } = run('check', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${file}: ${line}\n${file}: 1 error; the app will refuse this questionnaire.\n`);
  });

  it('reports unreadable and non-JSON files, and usage errors', () => {
    const dir = processTempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{ "format": ');
    expect(run('check', bad)).toMatchObject({ code: 1, stderr: expect.stringContaining(`${bad}: not valid JSON: `) as unknown });
    expect(run('check', path.join(dir, 'missing.json'))).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read: ENOENT') as unknown });
    expect(run('lint', bad).code).toBe(2);
    expect(run('check').code).toBe(2);
    expect(run('check', bad, '--lang', 'fr').code).toBe(2);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('iscm questionnaire print', () => {
  it('prints a readable outline in the chosen language', () => {
    const { code, stdout } = run('print', fixture('small.json'), '--lang', 'fr');
    expect(code).toBe(0);
    expect(stdout).toContain('Petit questionnaire de test (small-test 1.0.0, fr)');
    expect(stdout).toContain('2. Structures  [structures]');
    expect(stdout).toContain("   shown if: ${respondent_kind} = 'secretariat'");
    expect(stdout).toContain('1.3 Mécanisme  [mechanism: single_choice; required]');
    expect(stdout).toContain('choices: Processus de Bali (bali_process) | FMMD (gfmd) | Dialogue ACP-UE (acp_eu) | Autre (préciser) (other)');
    expect(stdout).toContain('[group achievements, repeated 1–5 times] Réalisations');
    expect(stdout).toContain("check: . <= year(today()) — L'année ne peut pas être future.");
  });

  it('refuses a language the questionnaire does not have', () => {
    const { code, stderr } = run('print', fixture('small.json'), '--lang', 'de');
    expect(code).toBe(2);
    expect(stderr).toContain('no language "de" (languages: en, fr)');
  });
});

describe('iscm questionnaire check: choice filters, exclusive choices and pattern checks', () => {
  const small = (): Record<string, unknown> & { choiceLists: Record<string, Record<string, unknown>[]>; sections: { items: Record<string, unknown>[] }[] } =>
    JSON.parse(fs.readFileSync(fixture('small.json'), 'utf8')) as never;

  it('lists them in the summary of a valid file', () => {
    const json = small();
    json.choiceLists.working_languages?.push({ value: 'none', label: { en: 'None', fr: 'Aucune' }, exclusive: true });
    json.sections[0]?.items.push(
      { id: 'email', type: 'text', label: { en: 'Email', fr: 'Courriel' }, constraint: { expression: "regex(., '^\\S+@\\S+$')", message: { en: 'An email', fr: 'Un courriel' } } },
      { id: 'sister', type: 'single_choice', choices: 'mechanisms', choiceFilter: '. != ${mechanism}', label: { en: 'Sister', fr: 'Sœur' } },
    );
    const dir = processTempDir();
    const file = path.join(dir, 'features.json');
    fs.writeFileSync(file, JSON.stringify(json));
    const { code, stdout } = run('check', file);
    expect(code).toBe(0);
    expect(stdout).toContain('choice filters: sister\n');
    expect(stdout).toContain('exclusive choices: working_languages.none\n');
    expect(stdout).toContain('pattern checks: email\n');
    fs.rmSync(dir, { recursive: true });
  });

  it('prints a bad pattern and a bad filter with their path, question and column', () => {
    const json = small();
    json.sections[0]?.items.push(
      { id: 'email', type: 'text', label: { en: 'Email', fr: 'Courriel' }, constraint: { expression: "regex(., '(?<user>\\S+)@')", message: { en: 'An email', fr: 'Un courriel' } } },
      { id: 'sister', type: 'single_choice', choices: 'mechanisms', choiceFilter: "choice-attr(., 'size') = 'big'", label: { en: 'Sister', fr: 'Sœur' } },
    );
    const dir = processTempDir();
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, JSON.stringify(json));
    const { code, stdout, stderr } = run('check', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `${file}: sections[0].items[7].constraint.expression: question "email", constraint at column 10: the pattern of regex(), at character 1: named groups "(?<name>" are not supported: use "(" or "(?:"`,
        `${file}: sections[0].items[8].choiceFilter: question "sister", choiceFilter at column 16: no choice of this question has the attribute "size"`,
        `${file}: 2 errors; the app will refuse this questionnaire.`,
        '',
      ].join('\n'),
    );
    fs.rmSync(dir, { recursive: true });
  });
});
