import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadQuestionnaire, type LoadedQuestionnaire, QUESTION_TYPES } from '../../../core/questionnaire/index.js';

const FILE = path.resolve(import.meta.dirname, '../../../questionnaires/iscm-assessment/1.0.0.json');
const raw = JSON.parse(fs.readFileSync(FILE, 'utf8')) as unknown;
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const TEXT_KEYS = new Set(['title', 'description', 'label', 'help', 'message']);

function load(): LoadedQuestionnaire {
  const result = loadQuestionnaire(raw);
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

describe('the ISCM Assessment questionnaire', () => {
  it('loads with no error', () => {
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

describe('iscm questionnaire check/print on the real file', () => {
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
