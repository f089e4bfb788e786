import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/contract/errors.js';
import type { AnswerChangeOp, AnswerEvent, Draft, DraftSummary, Language } from '../../../core/contract/channels/drafts.js';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import type { EventBus } from '../event-bus.js';
import type { Db } from '../../../db/open.js';
import { draftsRepo, type DraftChanges, type DraftRow } from '../../../db/repos/drafts.js';
import { answersRepo } from '../../../db/repos/answers.js';
import { attachmentsRepo } from '../../../db/repos/attachments.js';
import { isoNow, type Clock } from '../clock.js';
import type { QuestionnaireRef } from '../questionnaires/catalog.js';
import { fitsQuestionnaire, resolveAnswerPath } from './answer-paths.js';
import { applyAnswerChange } from './answer-change.js';
import { answerMapOf, createProgress } from './draft-progress.js';
import { MECHANISM_QUESTION, RESPONDENT_KIND_QUESTION, initialAnswers } from './initial-answers.js';

/** Where the draft service finds questionnaires (the catalog, or a stand-in in tests). */
export interface QuestionnaireSource {
  /** The questionnaire a new draft starts on. */
  readonly current: () => QuestionnaireRef;
  /** A valid installed questionnaire, or undefined (not installed, or invalid). */
  readonly find: (ref: QuestionnaireRef) => LoadedQuestionnaire | undefined;
}

export interface DraftServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly questionnaires: QuestionnaireSource;
  /** Where `answerChanged` goes after each commit, for the other windows on the draft. */
  readonly events?: EventBus;
}

/** What a committed save or change answers, and what the other windows hear. */
interface Committed {
  readonly version: number;
  readonly value: AnswerValue;
  /** False when the stored value was already this one: nothing written, no event. */
  readonly changed: boolean;
}

/** History shown for one answer: plenty for "restore an earlier value", bounded for a field typed in for hours. */
const HISTORY_LIMIT = 500;

export function toSummary(row: DraftRow, progress: number | null = null): DraftSummary {
  return {
    id: row.id,
    title: row.title,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    respondentKind: row.respondent_kind,
    mechanism: row.mechanism,
    language: row.language,
    status: row.status,
    lastSection: row.last_section,
    progress,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const refOf = (row: DraftRow): QuestionnaireRef => ({ id: row.questionnaire_id, version: row.questionnaire_version });
const parseValue = (json: string | null): AnswerValue => (json === null ? null : (JSON.parse(json) as AnswerValue));

/** Drafts and their answers on the secretariat's machine. */
export function createDraftService({ db, clock, questionnaires, events }: DraftServiceDeps) {
  const drafts = draftsRepo(db);
  const answers = answersRepo(db);
  const attachments = attachmentsRepo(db);
  const progress = createProgress({ drafts, answers, clock, questionnaire: questionnaires.find });
  const summary = (row: DraftRow): DraftSummary => toSummary(row, progress.of(row));
  const summaries = (rows: readonly DraftRow[]): DraftSummary[] => {
    const figures = progress.ofAll(rows);
    return rows.map((row, i) => toSummary(row, figures[i] ?? null));
  };

  const requireDraft = (id: string): DraftRow => {
    const row = drafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This draft does not exist or is in the trash.');
    return row;
  };
  const requireEditable = (id: string): DraftRow => {
    const row = requireDraft(id);
    if (row.status !== 'draft') throw new AppError('READ_ONLY', 'This draft is finalized; amend it to change answers.');
    return row;
  };

  /** An attachment answer may name only files in the store: a reference to nothing would fail at signing. */
  const checkAttachments = (path: string, value: AnswerValue): void => {
    if (!Array.isArray(value)) return;
    for (const item of value) {
      if (typeof item === 'object' && !attachments.get(item.sha256)) {
        throw new AppError('VALIDATION_FAILED', `The file "${item.name}" is not in the attachment store; attach it again.`, { path });
      }
    }
  };

  /** Writes a value already checked, inside the caller's transaction. */
  const commit = (draftId: string, path: string, value: AnswerValue, at: string): number | undefined => {
    const version = answers.write(draftId, path, JSON.stringify(value), at);
    if (version === undefined) return undefined;
    drafts.touch(draftId, at);
    // The home list shows these from the draft's row: keep it in step with the answers.
    if (path === RESPONDENT_KIND_QUESTION && typeof value === 'string' && value !== '') drafts.setRespondentKind(draftId, value);
    if (path === MECHANISM_QUESTION) drafts.setMechanism(draftId, typeof value === 'string' && value !== '' ? value : null);
    return version;
  };

  const saveAnswer = db.transaction((draftId: string, path: string, value: AnswerValue, at: string, baseVersion: number | undefined): Committed => {
    const row = requireEditable(draftId);
    const loaded = questionnaires.find(refOf(row));
    // Without its questionnaire the path cannot be checked; the answer is still kept rather than lost.
    if (loaded) resolveAnswerPath(loaded, path);
    checkAttachments(path, value);
    const stored = answers.stored(draftId, path);
    const storedVersion = stored?.version ?? 0;
    // The same value as stored loses nothing, whatever it was based on.
    if (stored !== undefined && stored.value_json === JSON.stringify(value)) return { version: storedVersion, value, changed: false };
    if (baseVersion !== undefined && baseVersion !== storedVersion) {
      throw new AppError(
        'ANSWER_STALE',
        `The answer "${path}" was changed in another window (now version ${String(storedVersion)}; this save was based on version ${String(baseVersion)}). Nothing was saved.`,
        { path, version: storedVersion, value: parseValue(stored?.value_json ?? null) },
      );
    }
    const version = commit(draftId, path, value, at);
    return version === undefined ? { version: storedVersion, value, changed: false } : { version, value, changed: true };
  });

  const changeAnswer = db.transaction((draftId: string, path: string, op: AnswerChangeOp, item: string, at: string): Committed => {
    const row = requireEditable(draftId);
    const loaded = questionnaires.find(refOf(row));
    const target = loaded ? resolveAnswerPath(loaded, path) : undefined;
    const stored = answers.stored(draftId, path);
    const storedVersion = stored?.version ?? 0;
    // Applied to the value stored now, inside the transaction: never to a window's copy of it.
    const value = applyAnswerChange(target, path, parseValue(stored?.value_json ?? null), op, item);
    const version = commit(draftId, path, value, at);
    return version === undefined ? { version: storedVersion, value, changed: false } : { version, value, changed: true };
  });

  /** Tells the other windows, once the transaction is committed (never for a rollback). */
  const announce = (draftId: string, path: string, done: Committed, origin: string | undefined): void => {
    if (done.changed) events?.emit('answerChanged', { draftId, path, value: done.value, version: done.version, origin: origin ?? null });
  };

  const insertDraft = db.transaction(
    (row: Parameters<typeof drafts.insert>[0], initial: Readonly<Record<string, AnswerValue>>, note: string | null) => {
      drafts.insert(row);
      for (const [path, value] of Object.entries(initial)) answers.save(row.id, path, JSON.stringify(value), row.created_at, note);
    },
  );

  return {
    list: (): DraftSummary[] => summaries(drafts.list()),
    trash: (): DraftSummary[] => summaries(drafts.listTrash()),

    /**
     * A new draft on the current questionnaire. The respondent kind and mechanism
     * chosen first are also saved as the answers `respondent_kind` and `mechanism`
     * (when the questionnaire has those questions), so skip logic sees them at once.
     */
    create(input: { title: string; respondentKind: string; mechanism: string | null; language: Language }): DraftSummary {
      const ref = questionnaires.current();
      const loaded = questionnaires.find(ref);
      const initial = loaded ? initialAnswers(loaded, input.respondentKind, input.mechanism) : {};
      const id = randomUUID();
      insertDraft.immediate(
        {
          id,
          title: input.title,
          questionnaire_id: ref.id,
          questionnaire_version: ref.version,
          respondent_kind: input.respondentKind,
          mechanism: input.mechanism,
          language: input.language,
          created_at: isoNow(clock),
        },
        initial,
        null,
      );
      return summary(requireDraft(id));
    },

    get(id: string): Draft {
      const row = requireDraft(id);
      const rows = answers.all(id);
      const map = answerMapOf(rows);
      const versions = Object.fromEntries(rows.map((a) => [a.path, a.version]));
      return { ...toSummary(row, progress.of(row, map)), answers: map, versions };
    },

    /** Title and language changes move the draft up the home list; remembering a section does not. */
    update(input: { id: string } & DraftChanges): DraftSummary {
      requireDraft(input.id);
      const touches = input.title !== undefined || input.language !== undefined;
      drafts.update(input.id, input, touches ? isoNow(clock) : undefined);
      return summary(requireDraft(input.id));
    },

    /**
     * A new draft with a copy of every current answer, each recorded as an event
     * noted "copied from <id>"; attachments are shared by reference. The copy starts
     * on the current questionnaire version when it is the same questionnaire;
     * answers that version has no question for are not copied (they stay in the source).
     */
    duplicate(input: { id: string; title: string }): DraftSummary {
      const source = requireDraft(input.id);
      const current = questionnaires.current();
      const ref = current.id === source.questionnaire_id ? current : refOf(source);
      const loaded = questionnaires.find(ref);
      const copied: Record<string, AnswerValue> = {};
      for (const [path, value] of Object.entries(answerMapOf(answers.all(source.id)))) {
        if (loaded && !fitsQuestionnaire(loaded, path)) continue;
        copied[path] = value;
      }
      const id = randomUUID();
      const at = isoNow(clock);
      db.transaction(() => {
        insertDraft(
          {
            id,
            title: input.title,
            questionnaire_id: ref.id,
            questionnaire_version: ref.version,
            respondent_kind: source.respondent_kind,
            mechanism: source.mechanism,
            language: source.language,
            created_at: at,
          },
          copied,
          `copied from ${source.id}`,
        );
        attachments.copyUses(source.id, id, at);
      }).immediate();
      return summary(requireDraft(id));
    },

    moveToTrash(id: string): { deleted: true } {
      if (!drafts.moveToTrash(id, isoNow(clock))) throw new AppError('NOT_FOUND', 'This draft does not exist or is already in the trash.');
      return { deleted: true };
    },

    restore(id: string): DraftSummary {
      if (!drafts.restore(id)) throw new AppError('NOT_FOUND', 'This draft is not in the trash.');
      return summary(requireDraft(id));
    },

    /** Deletes the drafts in the trash for good: only those, and only on the user's explicit request. */
    emptyTrash(): { removed: number } {
      return { removed: db.transaction(() => drafts.emptyTrash()).immediate() };
    },

    /**
     * Commits one answer (and its history event) in one transaction; returns when it is on disk.
     * A save based on a version that is no longer the stored one is refused (`ANSWER_STALE`).
     */
    save(input: { draftId: string; path: string; value: AnswerValue; baseVersion?: number | undefined; origin?: string | undefined }): {
      savedAt: string;
      version: number;
    } {
      const at = isoNow(clock);
      const done = saveAnswer.immediate(input.draftId, input.path, input.value, at, input.baseVersion);
      announce(input.draftId, input.path, done, input.origin);
      return { savedAt: at, version: done.version };
    },

    /** Adds or removes one choice or repeat row against the stored answer, in one transaction. */
    change(input: { draftId: string; path: string; op: AnswerChangeOp; value: string; origin?: string | undefined }): {
      savedAt: string;
      version: number;
      value: AnswerValue;
    } {
      const at = isoNow(clock);
      const done = changeAnswer.immediate(input.draftId, input.path, input.op, input.value, at);
      announce(input.draftId, input.path, done, input.origin);
      return { savedAt: at, version: done.version, value: done.value };
    },

    /** Earlier values of one answer, newest first. */
    history(input: { draftId: string; path: string }): AnswerEvent[] {
      requireDraft(input.draftId);
      return answers.history(input.draftId, input.path, HISTORY_LIMIT).map((e) => ({
        id: e.id,
        at: e.at,
        oldValue: parseValue(e.old_value_json),
        newValue: parseValue(e.new_value_json),
      }));
    },

    /** The draft (not in the trash) and its current answer at `path`, for other services (attachments). */
    currentAnswer(draftId: string, path: string): { draft: DraftRow; value: AnswerValue } {
      const draft = requireEditable(draftId);
      return { draft, value: parseValue(answers.current(draftId, path) ?? null) };
    },
  };
}
export type DraftService = ReturnType<typeof createDraftService>;
