import { AppError } from '../../../core/contract/errors.js';
import { REVIEW_STATES, type ReviewEventRow, type ReviewStateValue } from '../../../db/repos/iom/reviews.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';

/**
 * Review states like ODK Central's. An import puts each revision at `received`; a reviewer moves
 * it to `has_issues`, `approved` or `rejected` (and between them), with an optional comment.
 * Nobody sets `received` by hand: it means "nobody has looked yet", which stops being true; to
 * reopen an approved submission, set `has_issues`. Every change is a line of the append-only log.
 */

type ReviewContext = Pick<ImportContext, 'db' | 'submissions' | 'reviews' | 'clock'>;

export interface Review {
  readonly submissionId: string;
  readonly state: ReviewStateValue;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly lastComment: string | null;
  readonly comments: readonly { comment: string; actor: string; at: string; state: ReviewStateValue }[];
  readonly log: readonly { action: ReviewEventRow['action']; from: ReviewStateValue | null; to: ReviewStateValue; comment: string | null; actor: string; at: string }[];
}

export const isReviewState = (value: string): value is ReviewStateValue => (REVIEW_STATES as readonly string[]).includes(value);

export function reviewOf(ctx: Pick<ReviewContext, 'submissions' | 'reviews'>, submissionId: string): Review {
  if (!ctx.submissions.get(submissionId)) throw new AppError('NOT_FOUND', `No submission ${submissionId} is imported.`);
  const events = ctx.reviews.events(submissionId);
  const lastState = events.filter((e) => e.action === 'state').at(-1);
  const comments = events.flatMap((e) => (e.comment === null ? [] : [{ comment: e.comment, actor: e.actor, at: e.at, state: e.to_state }]));
  return {
    submissionId,
    state: events.at(-1)?.to_state ?? 'received',
    reviewedBy: lastState?.actor ?? null,
    reviewedAt: lastState?.at ?? null,
    lastComment: comments.at(-1)?.comment ?? null,
    comments,
    log: events.map((e) => ({ action: e.action, from: e.from_state, to: e.to_state, comment: e.comment, actor: e.actor, at: e.at })),
  };
}

export interface ReviewChange {
  readonly state: ReviewStateValue;
  readonly comment?: string | undefined;
  readonly actor: string;
}

/**
 * Sets a submission's review state. The same state with a comment records the comment alone; the
 * same state without one changes nothing (and records nothing).
 */
export function setReview(ctx: ReviewContext, submissionId: string, change: ReviewChange): Review {
  const actor = change.actor.trim().slice(0, 200);
  if (actor === '') throw new AppError('INVALID_INPUT', 'Say who reviews: the name is recorded with the review.');
  if (!isReviewState(change.state))
    throw new AppError('INVALID_INPUT', `"${String(change.state)}" is not a review state: use has_issues, approved or rejected.`);
  const comment = change.comment?.trim() ? change.comment.trim() : null;
  if (comment !== null && comment.length > 10_000) throw new AppError('INVALID_INPUT', 'A comment is at most 10,000 characters.');
  if (!ctx.submissions.get(submissionId)) throw new AppError('NOT_FOUND', `No submission ${submissionId} is imported.`);
  ctx.db
    .transaction(() => {
      const from = ctx.reviews.state(submissionId);
      if (change.state === from) {
        if (comment !== null) ctx.reviews.record({ submission_id: submissionId, action: 'comment', from_state: from, to_state: from, comment, actor, at: isoNow(ctx.clock) });
        return;
      }
      if (change.state === 'received')
        throw new AppError(
          'INVALID_INPUT',
          'A submission is "received" only until someone reviews it: to reopen it, set has_issues (with a comment saying why).',
        );
      ctx.reviews.record({ submission_id: submissionId, action: 'state', from_state: from, to_state: change.state, comment, actor, at: isoNow(ctx.clock) });
    })
    .immediate();
  return reviewOf(ctx, submissionId);
}
