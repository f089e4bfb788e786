import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/**
 * Questionnaire files by id and version, checked with core's loader and kept once
 * loaded (a published version never changes). A draft is always validated against
 * the version it was started on.
 */
export function createQuestionnaireSource(dir: string) {
  const cache = new Map<string, LoadedQuestionnaire>();
  return (id: string, version: string): LoadedQuestionnaire => {
    const key = `${id}@${version}`;
    const hit = cache.get(key);
    if (hit) return hit;
    if (!ID.test(id) || !VERSION.test(version))
      throw new AppError('NOT_FOUND', `Questionnaire ${key} is not a valid name.`);
    const file = path.join(dir, id, `${version}.json`);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new AppError('NOT_FOUND', `Questionnaire ${key} is not installed or cannot be read.`);
    }
    const loaded = loadQuestionnaire(json);
    if (!loaded.ok) {
      throw new AppError('INTERNAL', `Questionnaire ${key} is not valid.`, { errors: loaded.errors.slice(0, 20) });
    }
    cache.set(key, loaded.questionnaire);
    return loaded.questionnaire;
  };
}
export type QuestionnaireSource = ReturnType<typeof createQuestionnaireSource>;
