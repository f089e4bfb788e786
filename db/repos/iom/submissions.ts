import type { Db } from '../../open.js';
import { REVIEW_COLUMNS, type ReviewStateValue } from './reviews.js';

/** A revision as stored in `submissions`. */
export interface StoredSubmission {
  readonly submission_id: string;
  readonly root_id: string;
  readonly supersedes: string | null;
  readonly revision: number;
  readonly is_current: number;
  readonly questionnaire_id: string;
  readonly questionnaire_version: string;
  readonly mechanism: string;
  readonly mechanism_label: string;
  readonly mechanism_kind: string;
  readonly respondent_kind: string;
  readonly respondent_json: string;
  readonly signer_name: string;
  readonly signer_title: string;
  readonly signer_public_key: string;
  readonly signer_fingerprint: string;
  readonly finalized_at: string;
  readonly app_version: string;
  readonly manifest_sha256: string;
  readonly manifest_json: string;
  readonly signature: string;
  readonly responses_json: string;
  readonly package_sha256: string;
  readonly package_size: number;
  readonly file_name: string;
  readonly imported_at: string;
  /** The respondent the revision is filed under (respondents.id). */
  readonly respondent_id: number | null;
}

/** A stored revision with what its chain and respondent say of it (read only). */
export interface SubmissionRow extends StoredSubmission {
  /** `withdrawn` when IOM chose another chain of the same respondent to count. */
  readonly chain_state: 'counted' | 'withdrawn';
  readonly respondent_key: string;
  /** The State or organisation as written ('' for a secretariat). */
  readonly respondent_party: string;
  /** The chain's key was not registered for its respondent when the chain was bound. */
  readonly new_signer: number;
  /** From the revision's review log (db/repos/iom/reviews.ts). */
  readonly review_state: ReviewStateValue;
  readonly reviewed_by: string | null;
  readonly reviewed_at: string | null;
  readonly last_comment: string | null;
}

export type NewSubmission = Omit<StoredSubmission, 'is_current'>;

export interface SubmissionFilter {
  readonly mechanism?: string | undefined;
  readonly respondentKind?: string | undefined;
  /**
   * `current`: the latest revision of each counted chain; `withdrawn`: the latest revision of a
   * chain IOM withdrew as a duplicate; `superseded`: the older revisions.
   */
  readonly status?: 'current' | 'withdrawn' | 'superseded' | 'all' | undefined;
  readonly reviewState?: ReviewStateValue | undefined;
  /** The revisions of one chain (with `status: 'all'`, its whole history). */
  readonly rootId?: string | undefined;
}

const STORED = `submission_id, root_id, supersedes, revision, is_current, questionnaire_id, questionnaire_version,
  mechanism, mechanism_label, mechanism_kind, respondent_kind, respondent_json, signer_name, signer_title,
  signer_public_key, signer_fingerprint, finalized_at, app_version, manifest_sha256, manifest_json, signature,
  responses_json, package_sha256, package_size, file_name, imported_at, respondent_id`;

const COLUMNS = `${STORED},
  coalesce((SELECT c.state FROM chains c WHERE c.root_id = submissions.root_id), 'counted') AS chain_state,
  coalesce((SELECT c.new_signer FROM chains c WHERE c.root_id = submissions.root_id), 0) AS new_signer,
  coalesce((SELECT r.respondent_key FROM respondents r WHERE r.id = submissions.respondent_id), '') AS respondent_key,
  coalesce((SELECT r.party FROM respondents r WHERE r.id = submissions.respondent_id), '') AS respondent_party,${REVIEW_COLUMNS}`;

/** Statements over `submissions` and `submission_attachments`. */
export function submissionsRepo(db: Db) {
  const insert = db.prepare<NewSubmission>(
    `INSERT INTO submissions (${STORED}) VALUES (@submission_id, @root_id, @supersedes, @revision, 0,
      @questionnaire_id, @questionnaire_version, @mechanism, @mechanism_label, @mechanism_kind, @respondent_kind,
      @respondent_json, @signer_name, @signer_title, @signer_public_key, @signer_fingerprint, @finalized_at,
      @app_version, @manifest_sha256, @manifest_json, @signature, @responses_json, @package_sha256, @package_size,
      @file_name, @imported_at, @respondent_id)`,
  );
  const byId = db.prepare<[string], SubmissionRow>(`SELECT ${COLUMNS} FROM submissions WHERE submission_id = ?`);
  const byRootRevision = db.prepare<[string, number], SubmissionRow>(
    `SELECT ${COLUMNS} FROM submissions WHERE root_id = ? AND revision = ?`,
  );
  const namingAsPrevious = db.prepare<[string], { submission_id: string; root_id: string; signer_fingerprint: string; signer_name: string }>(
    'SELECT submission_id, root_id, signer_fingerprint, signer_name FROM submissions WHERE supersedes = ?',
  );
  const currentOfRoot = db.prepare<[string], { submission_id: string; respondent_id: number | null }>(
    'SELECT submission_id, respondent_id FROM submissions WHERE root_id = ? AND is_current = 1',
  );
  const latestOfRoot = db.prepare<[string], { revision: number }>('SELECT max(revision) AS revision FROM submissions WHERE root_id = ?');
  const setCurrent = db.prepare<[string]>(
    `UPDATE submissions SET is_current = (revision = (SELECT max(revision) FROM submissions s WHERE s.root_id = submissions.root_id))
     WHERE root_id = ?`,
  );
  const insertAttachment = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO submission_attachments (submission_id, sha256, size) VALUES (?, ?, ?)',
  );
  const attachments = db.prepare<[string], { sha256: string; size: number }>(
    'SELECT sha256, size FROM submission_attachments WHERE submission_id = ? ORDER BY sha256',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM submissions');
  return {
    insert: (row: NewSubmission) => insert.run(row),
    get: (id: string) => byId.get(id),
    byRootAndRevision: (rootId: string, revision: number) => byRootRevision.get(rootId, revision),
    latestRevision: (rootId: string): number | null => latestOfRoot.get(rootId)?.revision ?? null,
    /** Stored revisions whose `supersedes` names this submission. */
    namingAsPrevious: (submissionId: string) => namingAsPrevious.all(submissionId),
    currentOf: (rootId: string) => currentOfRoot.get(rootId),
    /** Marks the highest revision of a root current and every other one superseded. */
    recomputeCurrent: (rootId: string) => setCurrent.run(rootId),
    addAttachment: (submissionId: string, sha256: string, size: number) => insertAttachment.run(submissionId, sha256, size),
    attachments: (submissionId: string) => attachments.all(submissionId),
    count: () => count.get()?.n ?? 0,
    list: (filter: SubmissionFilter = {}): SubmissionRow[] => {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.mechanism) {
        where.push('mechanism = ?');
        params.push(filter.mechanism);
      }
      if (filter.respondentKind) {
        where.push('respondent_kind = ?');
        params.push(filter.respondentKind);
      }
      if (filter.rootId) {
        where.push('root_id = ?');
        params.push(filter.rootId);
      }
      if (filter.reviewState) {
        where.push('review_state = ?');
        params.push(filter.reviewState);
      }
      if (filter.status === 'current' || filter.status === undefined) where.push("is_current = 1 AND chain_state = 'counted'");
      if (filter.status === 'withdrawn') where.push("is_current = 1 AND chain_state = 'withdrawn'");
      if (filter.status === 'superseded') where.push('is_current = 0');
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      return db
        .prepare<(string | number)[], SubmissionRow>(
          `SELECT * FROM (SELECT ${COLUMNS} FROM submissions) ${clause} ORDER BY mechanism, root_id, revision DESC`,
        )
        .all(...params);
    },
  };
}
export type SubmissionsRepo = ReturnType<typeof submissionsRepo>;
