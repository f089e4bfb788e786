import type { Review } from '../../main/services/import/reviews.js';
import { isReviewState } from '../../main/services/import/reviews.js';
import { currentUser } from './keys.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const USAGE =
  'usage: iscm review SUBMISSION --db FILE (--state has_issues|approved|rejected [--comment TEXT] | --comment TEXT | --show) [--actor NAME] [--json]';

const WORDS: Record<string, string> = { received: 'received', has_issues: 'has issues', approved: 'approved', rejected: 'rejected' };

function reviewLines(r: Review): string[] {
  return [
    `${r.submissionId}: ${WORDS[r.state] ?? r.state}${r.reviewedBy ? ` (by ${r.reviewedBy} on ${r.reviewedAt ?? '?'})` : ''}`,
    ...r.log.map((l) => {
      const what =
        l.action === 'imported' ? 'imported: received' : l.action === 'state' ? `${WORDS[l.from ?? ''] ?? '?'} → ${WORDS[l.to] ?? l.to}` : 'comment';
      return `  ${l.at}  ${l.actor}: ${what}${l.comment !== null ? ` — “${l.comment}”` : ''}`;
    }),
  ];
}

/**
 * `iscm review`: a submission's review state (received, has issues, approved, rejected) with a
 * comment, as in ODK Central; `--show` prints the state and the action log. The submission is
 * named by its id, or by the export's KEY (`uuid:<id>`).
 */
export function runReviewCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values, positionals } = parseCommandLine(args, {
      db: { type: 'string' },
      state: { type: 'string' },
      comment: { type: 'string' },
      actor: { type: 'string' },
      show: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name one submission (its id, or the KEY uuid:<id> of the export)');
    const submissionId = (positionals[0] ?? '').replace(/^uuid:/, '');
    const { state, comment, show } = values;
    if (show && (state !== undefined || comment !== undefined)) throw new UsageError('--show only reads: give it without --state or --comment');
    if (!show && state === undefined && comment === undefined) throw new UsageError('give --state, --comment, or --show');
    if (state !== undefined && !isReviewState(state)) throw new UsageError('--state is has_issues, approved or rejected');
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      const review = show
        ? service.reviewOf(submissionId)
        : service.setReview(submissionId, {
            // A comment alone keeps the state it has.
            state: state ?? service.reviewOf(submissionId).state,
            comment,
            actor: values.actor ?? currentUser(),
          });
      io.stdout(values.json ? `${JSON.stringify(review)}\n` : `${reviewLines(review).join('\n')}\n`);
      return 0;
    } finally {
      service.close();
    }
  });
}
