import type { AnswerMap, AnswerValue } from '../../../core/answers/value.js';
import { AppError } from '../../../core/contract/errors.js';
import { NOT_CARRIED_REASONS, type NotCarriedReason } from '../../../core/release/answer-fit.js';
import { asideReason, moveImpact, planMove, type AsideAnswer } from '../../../core/release/move.js';
import type { Db } from '../../../db/open.js';
import { draftMovesRepo, type DraftMoveRow } from '../../../db/repos/draft-moves.js';
import { draftsRepo, type DraftRow } from '../../../db/repos/drafts.js';
import { answersRepo } from '../../../db/repos/answers.js';
import { isoNow, type Clock } from '../clock.js';
import { answerMapOf } from '../drafts/draft-progress.js';
import { MECHANISM_QUESTION, RESPONDENT_KIND_QUESTION } from '../drafts/initial-answers.js';
import type { QuestionnaireCatalog } from '../questionnaires/catalog.js';
import { compareVersions } from '../questionnaires/versions.js';
import type { ReleaseStore } from './release-store.js';

export interface MoveSummary {
  readonly moveId: number;
  readonly draftId: string;
  readonly questionnaireId: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly at: string;
  readonly undoes: number | null;
  readonly carried: number;
  readonly setAside: number;
  readonly restored: number;
}

export interface NotCarriedAnswer {
  readonly id: number;
  readonly path: string;
  readonly value: AnswerValue;
  /** The version the answer was given in (its question's label is there). */
  readonly fromVersion: string;
  /** Why it is not on the draft now. */
  readonly reason: NotCarriedReason;
  readonly movedAt: string;
}

export interface DraftVersionStatus {
  readonly draftId: string;
  readonly questionnaireId: string;
  readonly version: string;
  readonly editable: boolean;
  /** The newest installed version, when it is newer than the draft's. */
  readonly newerVersion: string | null;
  /** What moving to `newerVersion` would do (null when there is none, or the draft is not editable). */
  readonly impact: {
    readonly toVersion: string;
    readonly carried: number;
    readonly newQuestions: readonly string[];
    readonly notCarried: readonly {
      readonly path: string;
      readonly value: AnswerValue;
      readonly reason: NotCarriedReason;
    }[];
    readonly restored: readonly { readonly path: string; readonly value: AnswerValue }[];
  } | null;
  readonly notCarried: readonly NotCarriedAnswer[];
  /** The last move, while it can be undone. */
  readonly undo: {
    readonly moveId: number;
    readonly fromVersion: string;
    readonly toVersion: string;
    readonly at: string;
  } | null;
}

export interface DraftMoveDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly questionnaires: QuestionnaireCatalog;
  readonly store: ReleaseStore;
}

const parse = (json: string): AnswerValue => JSON.parse(json) as AnswerValue;
const asReason = (reason: string): NotCarriedReason =>
  (NOT_CARRIED_REASONS as readonly string[]).includes(reason) ? (reason as NotCarriedReason) : 'question-removed';

/**
 * Moving drafts between installed versions of their questionnaire (core's `planMove` does the
 * deciding). A move is one IMMEDIATE transaction: the draft's version, every answer event,
 * the answers set aside and those put back. Finalized revisions are never touched: only a
 * draft still being filled can move.
 */
export function createDraftMoveService(deps: DraftMoveDeps) {
  const { db, clock, questionnaires } = deps;
  const moves = draftMovesRepo(db);
  const drafts = draftsRepo(db);
  const answers = answersRepo(db);

  const requireDraft = (id: string): DraftRow => {
    const row = drafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This draft does not exist or is in the trash.');
    return row;
  };
  const requireEditable = (id: string): DraftRow => {
    const row = requireDraft(id);
    if (row.status !== 'draft')
      throw new AppError(
        'READ_ONLY',
        'This draft is finalized: a finalized revision never changes. Amend it to start a new draft.',
      );
    return row;
  };
  const asideOf = (draftId: string): AsideAnswer[] =>
    moves.aside(draftId).map((r) => ({ key: r.id, path: r.path, value: parse(r.value_json) }));

  /** The last move while it can be undone: not an undo itself, not undone, and the draft still on its version. */
  const undoable = (row: DraftRow): DraftMoveRow | undefined => {
    const last = moves.lastMove(row.id);
    if (!last || last.undoes !== null || moves.isUndone(last.id) || last.to_version !== row.questionnaire_version)
      return undefined;
    return last;
  };

  const apply = db.transaction((draftId: string, toVersion: string, undoes: number | null, at: string): MoveSummary => {
    const row = requireEditable(draftId);
    const fromVersion = row.questionnaire_version;
    if (fromVersion === toVersion) throw new AppError('CONFLICT', `This draft is already on version ${toVersion}.`);
    const target = questionnaires.get({ id: row.questionnaire_id, version: toVersion }).loaded;
    const live = answerMapOf(answers.all(draftId));
    const plan = planMove(target, live, asideOf(draftId));
    const moveId = moves.insertMove({
      draft_id: draftId,
      questionnaire_id: row.questionnaire_id,
      from_version: fromVersion,
      to_version: toVersion,
      at,
      undoes,
      carried: plan.carried.length,
      set_aside: plan.setAside.length,
      restored: plan.restored.length,
    });
    const tag = `${undoes === null ? 'moved' : 'move undone'}: version ${fromVersion} to ${toVersion} (move ${moveId})`;
    for (const path of plan.carried) {
      const json = JSON.stringify(live[path] ?? null);
      moves.event(draftId, path, json, json, at, `carried over, ${tag}`);
    }
    for (const entry of plan.setAside) {
      const json = JSON.stringify(entry.value);
      moves.setAside({
        draft_id: draftId,
        path: entry.path,
        value_json: json,
        from_version: fromVersion,
        reason: entry.reason,
        move_id: moveId,
      });
      moves.removeAnswer(draftId, entry.path);
      moves.event(draftId, entry.path, json, 'null', at, `not carried over (${entry.reason}), ${tag}`);
    }
    for (const entry of plan.restored) {
      const json = JSON.stringify(entry.value);
      moves.markRestored(entry.key, moveId);
      moves.putAnswer(draftId, entry.path, json, at);
      moves.event(draftId, entry.path, null, json, at, `carried back from the answers not carried over, ${tag}`);
    }
    if (!moves.setVersion(draftId, toVersion, at))
      throw new AppError('CONFLICT', 'The draft changed while it was being moved; nothing was changed.');
    // The home list shows these from the draft's row: keep it in step with the answers.
    const after = answerMapOf(answers.all(draftId));
    const kind = after[RESPONDENT_KIND_QUESTION];
    if (typeof kind === 'string' && kind !== '') drafts.setRespondentKind(draftId, kind);
    const mechanism = after[MECHANISM_QUESTION];
    drafts.setMechanism(draftId, typeof mechanism === 'string' && mechanism !== '' ? mechanism : row.mechanism);
    return {
      moveId,
      draftId,
      questionnaireId: row.questionnaire_id,
      fromVersion,
      toVersion,
      at,
      undoes,
      carried: plan.carried.length,
      setAside: plan.setAside.length,
      restored: plan.restored.length,
    };
  });

  function status(draftId: string): DraftVersionStatus {
    const row = requireDraft(draftId);
    const editable = row.status === 'draft';
    const newest = deps.store.newest(row.questionnaire_id);
    const newerVersion =
      newest && compareVersions(newest.ref.version, row.questionnaire_version) > 0 ? newest.ref.version : null;
    const current = questionnaires.find({ id: row.questionnaire_id, version: row.questionnaire_version });
    const live: AnswerMap = answerMapOf(answers.all(draftId));
    const aside = moves.aside(draftId);
    let impact: DraftVersionStatus['impact'] = null;
    if (editable && newerVersion !== null && newest && current) {
      const result = moveImpact(current, newest.verified.loaded, live, asideOf(draftId), isoNow(clock).slice(0, 10));
      impact = {
        toVersion: newerVersion,
        carried: result.plan.carried.length,
        newQuestions: result.newQuestions,
        notCarried: result.plan.setAside,
        restored: result.plan.restored.map((r) => ({ path: r.path, value: r.value })),
      };
    }
    const last = editable ? undoable(row) : undefined;
    const movedAt = new Map(moves.moves(draftId).map((m) => [m.id, m.at]));
    return {
      draftId,
      questionnaireId: row.questionnaire_id,
      version: row.questionnaire_version,
      editable,
      newerVersion,
      impact,
      notCarried: aside.map((r) => {
        const value = parse(r.value_json);
        return {
          id: r.id,
          path: r.path,
          value,
          fromVersion: r.from_version,
          reason: current ? asideReason(current, r.path, value) : asReason(r.reason),
          movedAt: movedAt.get(r.move_id) ?? '',
        };
      }),
      undo: last ? { moveId: last.id, fromVersion: last.from_version, toVersion: last.to_version, at: last.at } : null,
    };
  }

  return {
    status,
    /** Moves a draft to a newer installed version of its questionnaire. */
    move(draftId: string, toVersion: string): MoveSummary {
      const row = requireEditable(draftId);
      if (compareVersions(toVersion, row.questionnaire_version) <= 0)
        throw new AppError('CONFLICT', `A draft moves only to a newer version; it is on ${row.questionnaire_version}.`);
      return apply.immediate(draftId, toVersion, null, isoNow(clock));
    },
    /** Moves the draft back to the version it was on before its last move; answers set aside then come back. */
    undo(draftId: string): MoveSummary {
      const row = requireEditable(draftId);
      const last = undoable(row);
      if (!last) throw new AppError('CONFLICT', 'There is no move of this draft to undo.');
      return apply.immediate(draftId, last.from_version, last.id, isoNow(clock));
    },
  };
}
export type DraftMoveService = ReturnType<typeof createDraftMoveService>;
