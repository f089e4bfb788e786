import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { answersSearchText } from '../../../core/search/written-answers.js';
import type { IomRepos } from './context.js';
import type { QuestionnaireRegistry } from './questionnaire-registry.js';

/**
 * The questionnaire a revision's written answers are found with: its own version, or the newest
 * of its questionnaire when its own is not known (never for an imported revision: the import
 * refuses an unknown version).
 */
const questionnaireOf = (registry: QuestionnaireRegistry, id: string, version: string): LoadedQuestionnaire | null =>
  registry.get(id, version) ?? registry.latest(id);

/** The stored answers as an object, or null when the text is not one (never for what the import checked). */
function parsedObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Records a revision's search text: called in the import's transaction, with the revision. */
export function recordSearchText(repos: IomRepos, loaded: LoadedQuestionnaire, submissionId: string, responses: Record<string, unknown>): void {
  repos.searchTexts.put(submissionId, answersSearchText(loaded, responses));
}

/**
 * Makes the search texts of revisions stored before iom.db had them (schema 0005), in one
 * transaction, once: later reads find none missing. Returns how many were made.
 */
export function fillMissingSearchTexts(repos: IomRepos, registry: QuestionnaireRegistry): number {
  if (!repos.searchTexts.anyMissing()) return 0;
  return repos.db
    .transaction((): number => {
      let made = 0;
      for (const row of repos.searchTexts.missing()) {
        const loaded = questionnaireOf(registry, row.questionnaire_id, row.questionnaire_version);
        const responses = parsedObject(row.responses_json);
        // Left without a text (and so unfound by the search's written answers) rather than
        // failing the whole table; the next read tries again.
        if (!loaded || !responses) continue;
        recordSearchText(repos, loaded, row.submission_id, responses);
        made++;
      }
      return made;
    })
    .immediate();
}
