import type { SubmissionWithAnswersView } from '../../../core/contract/channels/iom.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';

/**
 * What the analyst screens work on, apart from how it is loaded (analyst-data.ts), so the
 * benchmark and the pure models can use it without React or the API.
 */

/** Every imported revision with its answers, and the questionnaire versions they were answered in. */
export interface AnalystData {
  readonly rows: readonly SubmissionWithAnswersView[];
  /** By `<id>@<version>`. */
  readonly questionnaires: ReadonlyMap<string, LoadedQuestionnaire>;
  /** The newest version among the rows' (its questions are the table's columns and the report's questions). */
  readonly newest: LoadedQuestionnaire | undefined;
}

export const questionnaireKey = (id: string, version: string): string => `${id}@${version}`;
