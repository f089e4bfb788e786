import type { Db } from '../../open.js';

export interface SubmissionRow {
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
}

export type NewSubmission = Omit<SubmissionRow, 'is_current'>;

export interface SubmissionFilter {
  readonly mechanism?: string | undefined;
  readonly respondentKind?: string | undefined;
  /** `current`: the latest revision of each root; `superseded`: the older ones. */
  readonly status?: 'current' | 'superseded' | 'all' | undefined;
}

const COLUMNS = `submission_id, root_id, supersedes, revision, is_current, questionnaire_id, questionnaire_version,
  mechanism, mechanism_label, mechanism_kind, respondent_kind, respondent_json, signer_name, signer_title,
  signer_public_key, signer_fingerprint, finalized_at, app_version, manifest_sha256, manifest_json, signature,
  responses_json, package_sha256, package_size, file_name, imported_at`;

/** Statements over `submissions` and `submission_attachments`. */
export function submissionsRepo(db: Db) {
  const insert = db.prepare<NewSubmission>(
    `INSERT INTO submissions (${COLUMNS}) VALUES (@submission_id, @root_id, @supersedes, @revision, 0,
      @questionnaire_id, @questionnaire_version, @mechanism, @mechanism_label, @mechanism_kind, @respondent_kind,
      @respondent_json, @signer_name, @signer_title, @signer_public_key, @signer_fingerprint, @finalized_at,
      @app_version, @manifest_sha256, @manifest_json, @signature, @responses_json, @package_sha256, @package_size,
      @file_name, @imported_at)`,
  );
  const byId = db.prepare<[string], SubmissionRow>(`SELECT ${COLUMNS} FROM submissions WHERE submission_id = ?`);
  const byRootRevision = db.prepare<[string, number], SubmissionRow>(
    `SELECT ${COLUMNS} FROM submissions WHERE root_id = ? AND revision = ?`,
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
      if (filter.status === 'current' || filter.status === undefined) where.push('is_current = 1');
      if (filter.status === 'superseded') where.push('is_current = 0');
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      return db
        .prepare<(string | number)[], SubmissionRow>(
          `SELECT ${COLUMNS} FROM submissions ${clause} ORDER BY mechanism, root_id, revision DESC`,
        )
        .all(...params);
    },
  };
}
export type SubmissionsRepo = ReturnType<typeof submissionsRepo>;
