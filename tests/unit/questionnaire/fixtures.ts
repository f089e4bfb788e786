import fs from 'node:fs';
import path from 'node:path';
import type { AnswerValue } from '../../../core/answers/value.js';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/questionnaires');

export function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

/** A deep copy of the small valid questionnaire, for tests that break one thing. */
export function smallJson(): SmallJson {
  return readFixture('small.json') as unknown as SmallJson;
}

export interface SmallJson {
  languages: string[];
  defaultLanguage: string;
  choiceLists: Record<string, { value: string; label: Record<string, string>; attributes?: Record<string, string> }[]>;
  sections: { id: string; relevant?: string; title: Record<string, string>; items: Record<string, unknown>[] }[];
  [key: string]: unknown;
}

/** The item with this id (top level or inside a group). */
export function itemOf(json: SmallJson, id: string): Record<string, unknown> {
  for (const section of json.sections) {
    for (const item of section.items) {
      if (item.id === id) return item;
      for (const inner of (item.items ?? []) as Record<string, unknown>[]) if (inner.id === id) return inner;
    }
  }
  throw new Error(`no item ${id}`);
}

export function loadSmall(change?: (json: SmallJson) => void): LoadedQuestionnaire {
  const json = smallJson();
  change?.(json);
  const result = loadQuestionnaire(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.questionnaire;
}

export function loadErrors(change: (json: SmallJson) => void): { path: string; message: string }[] {
  const json = smallJson();
  change(json);
  const result = loadQuestionnaire(json);
  if (result.ok) throw new Error('expected load errors');
  return result.errors;
}

/** A complete, valid set of answers to the small questionnaire. */
export const FULL_ANSWERS: Readonly<Record<string, AnswerValue>> = {
  respondent_kind: 'secretariat',
  respondent_name: 'Ana Pérez',
  mechanism: 'bali_process',
  year_established: 2002,
  states_count: 45,
  formality: 'agree',
  founding_document: [{ sha256: 'a'.repeat(64), name: 'Charter.PDF', size: 1000, mediaType: 'application/pdf' }],
  working_langs: ['en', 'fr'],
  budget: 1.5,
  next_meeting: '2027-03-01',
  has_bodies: 'yes',
  bodies_detail: 'Two working groups.',
  achievements: ['r1', 'r2'],
  'achievements[r1].ach_title': 'Labour migration handbook',
  'achievements[r1].ach_kind': 'policy',
  'achievements[r1].ach_replicated': 'yes',
  'achievements[r2].ach_title': 'Regional fund',
  'achievements[r2].ach_kind': 'handbook',
  contribution: { networking: 'high', capacity: 'low' },
};

export function sectionOf(json: SmallJson, index: number): SmallJson['sections'][number] {
  const section = json.sections[index];
  if (!section) throw new Error(`no section ${index}`);
  return section;
}

export function listOf(json: SmallJson, id: string): SmallJson['choiceLists'][string] {
  const list = json.choiceLists[id];
  if (!list) throw new Error(`no list ${id}`);
  return list;
}
