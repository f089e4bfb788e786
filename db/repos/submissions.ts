import type { Language } from '../../core/contract/channels/drafts.js';
import type { Db } from '../open.js';

export interface SubmissionRow {
  readonly id: string;
  readonly root_id: string;
  readonly supersedes: string | null;
  readonly revision: number;
  readonly draft_id: string;
  readonly identity_id: string;
  readonly questionnaire_id: string;
  readonly questionnaire_version: string;
  /** Copied from the finalized draft's row, whose CHECK constraint holds it to the four. */
  readonly language: Language;
  readonly mechanism_json: string;
  readonly respondent_json: string;
  readonly signer_json: string;
  readonly recipients_json: string;
  readonly responses_json: string;
  readonly attachments_json: string;
  readonly app_name: string;
  readonly app_version: string;
  readonly finalized_at: string;
}

export interface ExportRow {
  readonly submission_id: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly exported_at: string;
}

/** Statements over `submissions`, their attachments, exports and amendment drafts. */
export function submissionsRepo(db: Db) {
  const insert = db.prepare<SubmissionRow>(
    `INSERT INTO submissions (id, root_id, supersedes, revision, draft_id, identity_id, questionnaire_id, questionnaire_version,
       language, mechanism_json, respondent_json, signer_json, recipients_json, responses_json, attachments_json, app_name, app_version, finalized_at)
     VALUES (@id, @root_id, @supersedes, @revision, @draft_id, @identity_id, @questionnaire_id, @questionnaire_version,
       @language, @mechanism_json, @respondent_json, @signer_json, @recipients_json, @responses_json, @attachments_json, @app_name, @app_version, @finalized_at)`,
  );
  const attach = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO submission_attachments (submission_id, sha256) VALUES (?, ?)',
  );
  const knownFile = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM attachments WHERE sha256 = ?');
  const byId = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE id = ?');
  const byDraft = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE draft_id = ?');
  const all = db.prepare<[], SubmissionRow>('SELECT * FROM submissions ORDER BY finalized_at DESC, revision DESC');
  const successor = db.prepare<[string], { id: string }>('SELECT id FROM submissions WHERE supersedes = ?');
  const amendDraft = db.prepare<[string], { draft_id: string }>(
    `SELECT a.draft_id FROM draft_amendments a JOIN drafts d ON d.id = a.draft_id
     WHERE a.amends_submission_id = ? AND d.deleted_at IS NULL AND d.status = 'draft'`,
  );
  const amends = db.prepare<[string], { amends_submission_id: string }>(
    'SELECT amends_submission_id FROM draft_amendments WHERE draft_id = ?',
  );
  const addAmendment = db.prepare<[string, string]>(
    'INSERT INTO draft_amendments (draft_id, amends_submission_id) VALUES (?, ?)',
  );
  const addExport = db.prepare<ExportRow>(
    'INSERT INTO submission_exports (submission_id, path, sha256, size, exported_at) VALUES (@submission_id, @path, @sha256, @size, @exported_at)',
  );
  const exportsOf = db.prepare<[string], ExportRow>(
    'SELECT * FROM submission_exports WHERE submission_id = ? ORDER BY id',
  );
  return {
    insert(row: SubmissionRow, attachmentHashes: readonly string[]): void {
      insert.run(row);
      for (const sha of attachmentHashes) attach.run(row.id, sha);
    },
    isStoredFile: (sha256: string) => (knownFile.get(sha256)?.n ?? 0) > 0,
    get: (id: string) => byId.get(id),
    forDraft: (draftId: string) => byDraft.get(draftId),
    list: () => all.all(),
    /** The revision that supersedes this one, if any. */
    successorOf: (id: string) => successor.get(id)?.id,
    /** The live draft opened to amend this revision, if any. */
    amendmentDraftOf: (id: string) => amendDraft.get(id)?.draft_id,
    /** The revision a draft will supersede when finalized (it was opened by "Amend"). */
    amendedBy: (draftId: string) => amends.get(draftId)?.amends_submission_id,
    recordAmendment: (draftId: string, submissionId: string) => addAmendment.run(draftId, submissionId),
    recordExport: (row: ExportRow) => addExport.run(row),
    exportsOf: (id: string) => exportsOf.all(id),
  };
}
export type SubmissionsRepo = ReturnType<typeof submissionsRepo>;
