import type { SubmissionSummaryView, SubmissionWithAnswersView } from '../../../core/contract/channels/iom.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';

/**
 * What the analyst screens work on, apart from how it is loaded (analyst-data.ts), so the
 * benchmark and the pure models can use it without React or the API.
 */

/** One imported revision as the table and the report read it. */
export interface AnalystRow {
  readonly summary: SubmissionSummaryView;
  /** Its written answers, folded for the search at import. */
  readonly answersText: string;
  /** Its answers, parsed the first time something reads them (a question column, the report). */
  readonly responses: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A row from `iom.listSubmissionAnswers`, its answers left as text until needed: opening the
 * table reads only the summaries, so 5,000 revisions' answers are not parsed before it shows.
 * The text was checked when its package was imported; anything else than an object reads as no answers.
 */
export function analystRow(wire: SubmissionWithAnswersView): AnalystRow {
  let parsed: Record<string, unknown> | undefined;
  return {
    summary: wire.summary,
    answersText: wire.answersText,
    get responses() {
      if (!parsed) {
        let value: unknown;
        try {
          value = JSON.parse(wire.responsesJson);
        } catch {
          value = undefined;
        }
        parsed = isRecord(value) ? value : {};
      }
      return parsed;
    },
  };
}

/** A row's answers, parsed now if they were not yet (what reading `responses` does). */
export const answersOf = (row: AnalystRow): Record<string, unknown> => row.responses;

/** Every imported revision with its answers, and the questionnaire versions they were answered in. */
export interface AnalystData {
  readonly rows: readonly AnalystRow[];
  /** By `<id>@<version>`. */
  readonly questionnaires: ReadonlyMap<string, LoadedQuestionnaire>;
  /** The newest version among the rows' (its questions are the table's columns and the report's questions). */
  readonly newest: LoadedQuestionnaire | undefined;
}

export const questionnaireKey = (id: string, version: string): string => `${id}@${version}`;
