import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { newestBundledQuestionnaire } from '../../helpers/releases.js';
import { nextVersionOf, type NextVersion } from '../../helpers/next-version.js';

/** The newest questionnaire the app carries (A) and a newer version derived from it (B), loaded. */
export function twoVersions(): { a: LoadedQuestionnaire; b: LoadedQuestionnaire; next: NextVersion } {
  const source = newestBundledQuestionnaire().json;
  const next = nextVersionOf(source);
  const load = (json: unknown): LoadedQuestionnaire => {
    const result = loadQuestionnaire(json);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    return result.questionnaire;
  };
  return { a: load(source), b: load(next.json), next };
}
