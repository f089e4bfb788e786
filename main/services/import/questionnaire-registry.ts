import fs from 'node:fs';
import path from 'node:path';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { listQuestionnaireVersions } from '../questionnaires/catalog.js';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;

/**
 * The questionnaire versions this installation knows, loaded on first use and kept. The id
 * and version come from a package, so they are checked against strict patterns before they
 * become part of a path.
 */
export function createQuestionnaireRegistry(dir: string) {
  const cache = new Map<string, LoadedQuestionnaire | null>();
  const get = (id: string, version: string): LoadedQuestionnaire | null => {
    if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(version)) return null;
    const key = `${id}@${version}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let loaded: LoadedQuestionnaire | null = null;
    try {
      const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, id, `${version}.json`), 'utf8'));
      const result = loadQuestionnaire(json);
      if (result.ok && result.questionnaire.questionnaire.id === id && result.questionnaire.questionnaire.version === version)
        loaded = result.questionnaire;
    } catch {
      loaded = null;
    }
    cache.set(key, loaded);
    return loaded;
  };
  return {
    get,
    /** The newest version of a questionnaire, for the mechanism list and the export's columns. */
    latest: (id: string): LoadedQuestionnaire | null => {
      const versions = listQuestionnaireVersions(dir, id);
      for (const version of versions.reverse()) {
        const loaded = get(id, version);
        if (loaded) return loaded;
      }
      return null;
    },
  };
}
export type QuestionnaireRegistry = ReturnType<typeof createQuestionnaireRegistry>;
