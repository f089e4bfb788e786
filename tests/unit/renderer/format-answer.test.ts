import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, type LoadedQuestionnaire, type QuestionNode } from '../../../core/questionnaire/index.js';
import { formatCalendarDate, formatPercent, formatSize } from '../../../renderer/i18n/format.js';
import { mechanismQuestionId } from '../../../renderer/questionnaire/labels.js';
import { formatAnswer } from '../../../renderer/review/format-answer.js';

function realQuestionnaire(): LoadedQuestionnaire {
  const file = path.resolve(import.meta.dirname, '../../../questionnaires/iscm-assessment/1.0.0.json');
  const result = loadQuestionnaire(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.questionnaire;
}

const loaded = realQuestionnaire();
const question = (id: string): QuestionNode => {
  const node = loaded.questions.get(id);
  if (!node) throw new Error(`no question ${id}`);
  return node;
};

describe('answers as people read them', () => {
  it('a year has no thousands separator; a count uses the locale’s digits', () => {
    expect(formatAnswer(loaded, question('year_established'), 2002, 'en')).toBe('2002');
    expect(formatAnswer(loaded, question('number_of_states'), 1234, 'en')).toBe('1,234');
    expect(formatAnswer(loaded, question('number_of_states'), 45, 'ar')).toBe(new Intl.NumberFormat('ar').format(45));
  });

  it('choices show their label in the chosen language, and "Other" shows its text', () => {
    expect(formatAnswer(loaded, question('mechanism'), 'bali_process', 'fr')).toContain('Bali');
    expect(formatAnswer(loaded, question('mechanism'), 'other', 'en', 'Pacific Dialogue')).toBe('Other (specify): Pacific Dialogue');
    const langs = formatAnswer(loaded, question('working_languages'), ['english', 'french'], 'en');
    expect(langs).toBe('English and French');
  });

  it('a matrix reads row by row', () => {
    const node = question('contribution_national');
    const firstRow = node.rows?.[0];
    if (!firstRow) throw new Error('matrix without rows');
    const text = formatAnswer(loaded, node, { [firstRow.value]: 'high' }, 'en');
    expect(text).toBe(`${firstRow.label.en ?? ''}: High`);
  });

  it('dates are calendar dates, never moved by a time zone', () => {
    expect(formatCalendarDate('en', '2026-01-01')).toBe('January 1, 2026');
    expect(formatCalendarDate('fr', '2026-01-01')).toBe('1 janvier 2026');
    expect(formatAnswer(loaded, question('declaration_date'), '2026-03-05', 'es')).toBe('5 de marzo de 2026');
  });

  it('files show their size; shares show as percentages', () => {
    expect(formatSize('en', 2048)).toBe('2 kB');
    expect(formatSize('en', 1536 * 1024)).toBe('1.5 MB');
    expect(formatSize('fr', 1536 * 1024)).toMatch(/^1,5\s?Mo$/u);
    expect(formatSize('en', 512)).toBe('512 bytes');
    expect(formatSize('fr', 512)).toMatch(/^512\s?octets$/u);
    expect(formatPercent('en', 0.42)).toBe('42%');
    expect(formatPercent('fr', 0.42)).toMatch(/^42\s?%$/u);
  });

  it('a size limit in a sentence uses the language’s own unit words and digits', () => {
    const limit = 20 * 1024 * 1024;
    expect(formatSize('en', limit)).toBe('20 MB');
    expect(formatSize('fr', limit)).toBe(new Intl.NumberFormat('fr', { style: 'unit', unit: 'megabyte' }).format(20));
    expect(formatSize('fr', limit)).toMatch(/^20\s?Mo$/u);
    expect(formatSize('ar', limit)).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'megabyte' }).format(20));
    expect(formatSize('en', 512 * 1024)).toBe('512 kB');
    expect(formatSize('en', 1)).toBe('1 byte');
  });

  it('finds the mechanism question of the real questionnaire', () => {
    expect(mechanismQuestionId(loaded)).toBe('mechanism');
  });

  it('an empty answer is an empty text', () => {
    expect(formatAnswer(loaded, question('respondent_name'), null, 'en')).toBe('');
  });
});
