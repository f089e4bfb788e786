import type { Db } from '../../open.js';

export const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected'] as const;
export type ReviewStateValue = (typeof REVIEW_STATES)[number];

/** One line of a submission's review log (`review_events`, append-only). */
export interface ReviewEventRow {
  readonly id: number;
  readonly submission_id: string;
  readonly action: 'imported' | 'state' | 'comment';
  readonly from_state: ReviewStateValue | null;
  readonly to_state: ReviewStateValue;
  readonly comment: string | null;
  readonly actor: string;
  readonly at: string;
}
export type NewReviewEvent = Omit<ReviewEventRow, 'id'>;

/**
 * The SQL that gives a submission's review columns from its log: the state of the last line, who
 * set a state last and when (null while only the import spoke), and the last comment. Used by
 * the submissions repository so every list carries them.
 */
export const REVIEW_COLUMNS = `
  coalesce((SELECT e.to_state FROM review_events e WHERE e.submission_id = submissions.submission_id ORDER BY e.id DESC LIMIT 1), 'received') AS review_state,
  (SELECT e.actor FROM review_events e WHERE e.submission_id = submissions.submission_id AND e.action = 'state' ORDER BY e.id DESC LIMIT 1) AS reviewed_by,
  (SELECT e.at FROM review_events e WHERE e.submission_id = submissions.submission_id AND e.action = 'state' ORDER BY e.id DESC LIMIT 1) AS reviewed_at,
  (SELECT e.comment FROM review_events e WHERE e.submission_id = submissions.submission_id AND e.comment IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS last_comment`;

/** Statements over `review_events`. */
export function reviewsRepo(db: Db) {
  const insert = db.prepare<NewReviewEvent>(
    `INSERT INTO review_events (submission_id, action, from_state, to_state, comment, actor, at)
     VALUES (@submission_id, @action, @from_state, @to_state, @comment, @actor, @at)`,
  );
  const events = db.prepare<[string], ReviewEventRow>('SELECT * FROM review_events WHERE submission_id = ? ORDER BY id');
  const last = db.prepare<[string], ReviewEventRow>('SELECT * FROM review_events WHERE submission_id = ? ORDER BY id DESC LIMIT 1');
  return {
    record: (e: NewReviewEvent) => insert.run(e),
    /** The log, oldest first. */
    events: (submissionId: string) => events.all(submissionId),
    /** The current state: the last line's, or `received` when the log is empty. */
    state: (submissionId: string): ReviewStateValue => last.get(submissionId)?.to_state ?? 'received',
  };
}
export type ReviewsRepo = ReturnType<typeof reviewsRepo>;
