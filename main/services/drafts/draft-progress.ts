import type { AnswerMap, AnswerValue } from '../../../core/answers/value.js';
import { evaluate, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import type { AnswersRepo } from '../../../db/repos/answers.js';
import type { DraftRow, DraftsRepo } from '../../../db/repos/drafts.js';
import type { Clock } from '../clock.js';
import type { QuestionnaireRef } from '../questionnaires/catalog.js';

/** Share of the relevant required questions answered, over every relevant section; 1 when nothing is required. */
export function progressOf(loaded: LoadedQuestionnaire, answers: AnswerMap, today: string): number {
  let answered = 0;
  let total = 0;
  for (const s of evaluate(loaded, answers, { today }).progress) {
    if (!s.relevant) continue;
    answered += s.answered;
    total += s.total;
  }
  return total === 0 ? 1 : Math.min(1, answered / total);
}

export function answerMapOf(rows: readonly { path: string; value_json: string }[]): Record<string, AnswerValue> {
  const map: Record<string, AnswerValue> = {};
  for (const a of rows) map[a.path] = JSON.parse(a.value_json) as AnswerValue;
  return map;
}

/**
 * Progress of drafts for the home list. Each draft's figure is cached in its row
 * (cleared by any change to its answers), so a list evaluates only the drafts that
 * changed since the last list, and reads no answers for the others.
 */
export function createProgress(deps: {
  readonly drafts: DraftsRepo;
  readonly answers: AnswersRepo;
  readonly clock: Clock;
  readonly questionnaire: (ref: QuestionnaireRef) => LoadedQuestionnaire | undefined;
}) {
  const questionnaireOf = (row: DraftRow) => deps.questionnaire({ id: row.questionnaire_id, version: row.questionnaire_version });
  const compute = (loaded: LoadedQuestionnaire, row: DraftRow, answers?: AnswerMap): number =>
    progressOf(loaded, answers ?? answerMapOf(deps.answers.all(row.id)), deps.clock.now().toISOString().slice(0, 10));
  const cached = (row: DraftRow): number | undefined => (row.progress === null ? undefined : row.progress);

  return {
    /** One draft (opening it: its answers are at hand). Null when its questionnaire is not available. */
    of(row: DraftRow, answers?: AnswerMap): number | null {
      const loaded = questionnaireOf(row);
      return loaded ? (cached(row) ?? compute(loaded, row, answers)) : null;
    },

    /** Many drafts; newly computed figures are cached in one transaction. */
    ofAll(rows: readonly DraftRow[]): (number | null)[] {
      const fresh: { id: string; updatedAt: string; progress: number }[] = [];
      const figures = rows.map((row) => {
        const loaded = questionnaireOf(row);
        if (!loaded) return null;
        const known = cached(row);
        if (known !== undefined) return known;
        const progress = compute(loaded, row);
        fresh.push({ id: row.id, updatedAt: row.updated_at, progress });
        return progress;
      });
      if (fresh.length > 0) {
        try {
          deps.drafts.cacheProgress(fresh);
        } catch {
          // Only a cache: a read-only or full disk must not stop the list from showing.
        }
      }
      return figures;
    },
  };
}
export type Progress = ReturnType<typeof createProgress>;
