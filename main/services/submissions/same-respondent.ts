import { AppError } from '../../../core/contract/errors.js';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Manifest } from '../../../core/package/manifest.js';
import { partyOf, respondentIdentity, type RespondentIdentity } from '../../../core/trust/respondent.js';
import type { Db } from '../../../db/open.js';
import { draftsRepo, type DraftRow } from '../../../db/repos/drafts.js';
import { answersRepo } from '../../../db/repos/answers.js';
import { submissionsRepo, type SubmissionRow } from '../../../db/repos/submissions.js';
import type { QuestionnaireSource } from './questionnaire-source.js';
import { mechanismOf, respondentOf } from './revision-fields.js';

/**
 * Before a first revision is finalized: is there already, on this computer, a submission
 * (a revision chain) for the same mechanism and respondent? IOM would flag the two as a
 * possible duplicate and keep only one, so the finalize screen asks whether this draft
 * should rather be an amendment of that submission; `turnIntoAmendment` does it. "The same
 * respondent" is core/trust/respondent.ts, exactly as IOM decides it.
 */

export interface SameRespondentChain {
  readonly rootId: string;
  /** The chain's latest revision on this computer: the one an amendment would supersede. */
  readonly latestId: string;
  readonly latestRevision: number;
  readonly finalizedAt: string;
  readonly respondentName: string;
  readonly signerName: string;
  /** The draft the latest revision was made from. */
  readonly draftTitle: string | null;
  /** A draft amending the latest revision is already open (amending again reopens it). */
  readonly openAmendmentDraftId: string | null;
}

export interface SameRespondentReport {
  /** Whom the draft answers for, as IOM keys it. */
  readonly respondentKey: string;
  /** The draft already amends a revision: its finalize continues that chain, there is nothing to ask. */
  readonly isAmendment: boolean;
  /** Other chains of the same respondent on this computer, newest first; empty when there is nothing to ask. */
  readonly chains: readonly SameRespondentChain[];
}

const json = (text: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/** The respondent a stored revision answered for (revisions frozen before package format 2 carry no `state`). */
export function respondentOfRevision(row: SubmissionRow): RespondentIdentity {
  const mechanism = json(row.mechanism_json) as unknown as Manifest['mechanism'];
  const respondent = json(row.respondent_json) as unknown as Manifest['respondent'];
  return respondentIdentity({ mechanism, kind: respondent.kind, party: partyOf(respondent, json(row.responses_json)) });
}

export function createSameRespondentService(db: Db, questionnaires: QuestionnaireSource) {
  const drafts = draftsRepo(db);
  const answers = answersRepo(db);
  const repo = submissionsRepo(db);
  const titleOf = db.prepare<[string], { title: string }>('SELECT title FROM drafts WHERE id = ?');

  const liveDraft = (id: string): DraftRow => {
    const row = drafts.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This draft does not exist or is in the trash.');
    return row;
  };

  /** Whom a draft answers for, from its current answers (as its revision would freeze them). */
  const respondentOfDraft = (draft: DraftRow): RespondentIdentity => {
    const loaded = questionnaires(draft.questionnaire_id, draft.questionnaire_version);
    const map = Object.fromEntries(answers.all(draft.id).map((a) => [a.path, JSON.parse(a.value_json) as AnswerValue]));
    const respondent = respondentOf(map);
    return respondentIdentity({ mechanism: mechanismOf(loaded, map, draft.mechanism), kind: respondent.kind, party: partyOf(respondent) });
  };

  /** The latest revision of every chain on this computer. */
  const latestRevisions = (): SubmissionRow[] => {
    const latest = new Map<string, SubmissionRow>();
    for (const row of repo.list()) {
      const known = latest.get(row.root_id);
      if (!known || row.revision > known.revision) latest.set(row.root_id, row);
    }
    return [...latest.values()].sort((a, b) => b.finalized_at.localeCompare(a.finalized_at));
  };

  /**
   * Makes a draft (not finalized, not already an amendment) the amendment of a revision: its
   * finalize then becomes that chain's next revision instead of a new submission. Refused when
   * the revision was superseded, when another draft already amends it, or when the draft
   * answers for another mechanism or kind of respondent (IOM binds a chain to those).
   */
  const turn = db.transaction((draftId: string, submissionId: string): DraftRow => {
    const draft = liveDraft(draftId);
    if (draft.status !== 'draft') throw new AppError('READ_ONLY', 'This draft is already finalized.');
    if (repo.amendedBy(draftId) !== undefined) throw new AppError('CONFLICT', 'This draft already amends a revision.');
    const previous = repo.get(submissionId);
    if (!previous) throw new AppError('NOT_FOUND', 'This revision does not exist.');
    const successor = repo.successorOf(submissionId);
    if (successor) throw new AppError('CONFLICT', 'A newer revision exists: amend that one instead.', { latest: successor });
    const open = repo.amendmentDraftOf(submissionId);
    if (open) throw new AppError('CONFLICT', 'Another draft already amends this revision: finish or delete that one first.', { draftId: open });
    const mine = respondentOfDraft(draft);
    const theirs = respondentOfRevision(previous);
    if (mine.mechanismKey !== theirs.mechanismKey || mine.kind !== theirs.kind)
      throw new AppError(
        'CONFLICT',
        'This draft answers for another mechanism or kind of respondent than that revision: IOM would refuse it as an amendment.',
      );
    repo.recordAmendment(draftId, submissionId);
    return draft;
  });

  return {
    sameRespondentChains(draftId: string): SameRespondentReport {
      const draft = liveDraft(draftId);
      const who = respondentOfDraft(draft);
      if (repo.amendedBy(draftId) !== undefined) return { respondentKey: who.key, isAmendment: true, chains: [] };
      const chains = latestRevisions()
        .filter((row) => row.draft_id !== draftId && respondentOfRevision(row).key === who.key)
        .map((row) => ({
          rootId: row.root_id,
          latestId: row.id,
          latestRevision: row.revision,
          finalizedAt: row.finalized_at,
          respondentName: (json(row.respondent_json).name as string | undefined) ?? '',
          signerName: (json(row.signer_json).name as string | undefined) ?? '',
          draftTitle: titleOf.get(row.draft_id)?.title ?? null,
          openAmendmentDraftId: repo.amendmentDraftOf(row.id) ?? null,
        }));
      return { respondentKey: who.key, isAmendment: false, chains };
    },
    turnIntoAmendment: (draftId: string, submissionId: string): DraftRow => turn.immediate(draftId, submissionId),
  };
}
export type SameRespondentService = ReturnType<typeof createSameRespondentService>;
