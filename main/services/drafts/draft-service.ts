import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/contract/errors.js';
import type { Draft, DraftSummary, Language } from '../../../core/contract/channels/drafts.js';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Db } from '../../../db/open.js';
import { draftsRepo, type DraftRow } from '../../../db/repos/drafts.js';
import { answersRepo } from '../../../db/repos/answers.js';
import { isoNow, type Clock } from '../clock.js';
import type { QuestionnaireRef } from '../questionnaires/catalog.js';

export interface DraftServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** The questionnaire (id and version) a new draft starts on. */
  readonly currentQuestionnaire: () => QuestionnaireRef;
}

export function toSummary(row: DraftRow): DraftSummary {
  return {
    id: row.id,
    title: row.title,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    respondentKind: row.respondent_kind,
    mechanism: row.mechanism,
    language: row.language as Language,
    status: row.status as DraftSummary['status'],
    lastSection: row.last_section,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Drafts and their answers on the secretariat's machine. */
export function createDraftService({ db, clock, currentQuestionnaire }: DraftServiceDeps) {
  const drafts = draftsRepo(db);
  const answers = answersRepo(db);

  const requireDraft = (id: string): DraftRow => {
    const row = drafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This draft does not exist or is in the trash.');
    return row;
  };

  const saveAnswer = db.transaction((draftId: string, path: string, valueJson: string, at: string) => {
    const row = requireDraft(draftId);
    if (row.status !== 'draft') throw new AppError('READ_ONLY', 'This draft is finalized; amend it to change answers.');
    if (answers.save(draftId, path, valueJson, at)) drafts.touch(draftId, at);
  });

  return {
    list: (): DraftSummary[] => drafts.list().map(toSummary),

    create(input: { title: string; respondentKind: string; mechanism: string | null; language: Language }): DraftSummary {
      const q = currentQuestionnaire();
      const id = randomUUID();
      drafts.insert({
        id,
        title: input.title,
        questionnaire_id: q.id,
        questionnaire_version: q.version,
        respondent_kind: input.respondentKind,
        mechanism: input.mechanism,
        language: input.language,
        created_at: isoNow(clock),
      });
      return toSummary(requireDraft(id));
    },

    get(id: string): Draft {
      const row = requireDraft(id);
      const map: Record<string, AnswerValue> = {};
      for (const a of answers.all(id)) map[a.path] = JSON.parse(a.value_json) as AnswerValue;
      return { ...toSummary(row), answers: map };
    },

    moveToTrash(id: string): { deleted: true } {
      if (!drafts.moveToTrash(id, isoNow(clock))) throw new AppError('NOT_FOUND', 'This draft does not exist or is already in the trash.');
      return { deleted: true };
    },

    /** Commits one answer (and its history event) in one transaction; returns when it is on disk. */
    save(input: { draftId: string; path: string; value: AnswerValue }): { savedAt: string } {
      const at = isoNow(clock);
      saveAnswer.immediate(input.draftId, input.path, JSON.stringify(input.value), at);
      return { savedAt: at };
    },
  };
}
export type DraftService = ReturnType<typeof createDraftService>;
