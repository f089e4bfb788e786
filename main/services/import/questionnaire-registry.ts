import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import type { ReleasesRepo } from '../../../db/repos/iom/releases.js';
import { compareVersions } from '../questionnaires/versions.js';

/**
 * The questionnaire versions IOM published: those of the releases in iom.db, each checked
 * with core's loader on first use and kept. A package answering any other version is refused.
 */
export function createQuestionnaireRegistry(releases: ReleasesRepo) {
  const cache = new Map<string, LoadedQuestionnaire | null>();
  const get = (id: string, version: string): LoadedQuestionnaire | null => {
    const key = `${id}@${version}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const row = releases.get(id, version);
    let loaded: LoadedQuestionnaire | null = null;
    if (row) {
      try {
        const result = loadQuestionnaire(JSON.parse(row.questionnaire_json.toString('utf8')));
        if (result.ok && result.questionnaire.questionnaire.id === id && result.questionnaire.questionnaire.version === version)
          loaded = result.questionnaire;
      } catch {
        loaded = null;
      }
    }
    // A version not known yet may be added later (iscm release add): only a known one is kept.
    if (row) cache.set(key, loaded);
    return loaded;
  };
  /** Every known version of a questionnaire, oldest first. */
  const versions = (id: string): string[] => releases.versions(id).sort(compareVersions);
  return {
    get,
    versions,
    /** The newest version of a questionnaire, for the mechanism list and the export's columns. */
    latest: (id: string): LoadedQuestionnaire | null => {
      for (const version of versions(id).reverse()) {
        const loaded = get(id, version);
        if (loaded) return loaded;
      }
      return null;
    },
  };
}
export type QuestionnaireRegistry = ReturnType<typeof createQuestionnaireRegistry>;
