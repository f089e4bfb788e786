import { z } from 'zod';
import type { Submission } from '../../../core/contract/channels/submissions.js';
import type { AttachmentRef } from '../../../core/answers/value.js';
import type { Manifest, ManifestFields } from '../../../core/package/manifest.js';
import type { SubmissionRow, SubmissionsRepo } from '../../../db/repos/submissions.js';
import { packageFileName, type FileNameFacts } from './package-file-name.js';

/** A recipient as frozen at finalize: the age key and what the questionnaire said of it. */
export interface FrozenRecipient {
  readonly age: string;
  readonly label: string;
  readonly development: boolean;
}

const recipientsSchema = z.array(z.object({ age: z.string(), label: z.string(), development: z.boolean() }).strict());

// The JSON columns were written by this service from checked values; the manifest builder
// validates them again on every export.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed read of our own column
const json = <T>(text: string): T => JSON.parse(text) as T;

export const recipientsOf = (row: SubmissionRow): FrozenRecipient[] =>
  recipientsSchema.parse(JSON.parse(row.recipients_json));
export const attachmentRefsOf = (row: SubmissionRow): AttachmentRef[] => json<AttachmentRef[]>(row.attachments_json);
export const responsesOf = (row: SubmissionRow): Record<string, unknown> =>
  json<Record<string, unknown>>(row.responses_json);

/** The manifest's fields for this revision: the same on every export (canonical bytes). */
export function manifestFieldsOf(row: SubmissionRow): ManifestFields {
  return {
    questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
    submissionId: row.id,
    rootId: row.root_id,
    supersedes: row.supersedes,
    revision: row.revision,
    mechanism: json<Manifest['mechanism']>(row.mechanism_json),
    respondent: json<Manifest['respondent']>(row.respondent_json),
    signer: json<Manifest['signer']>(row.signer_json),
    recipients: recipientsOf(row).map((r) => r.age),
    app: { name: row.app_name, version: row.app_version },
    finalizedAt: row.finalized_at,
  };
}

/** What the revision's file names are made of (see package-file-name.ts). */
export const fileNameFactsOf = (row: SubmissionRow): FileNameFacts => ({
  mechanism: json<Manifest['mechanism']>(row.mechanism_json),
  respondent: json<Manifest['respondent'] & { state?: string }>(row.respondent_json),
  revision: row.revision,
});

export function toSubmission(row: SubmissionRow, repo: SubmissionsRepo): Submission {
  const mechanism = json<Manifest['mechanism']>(row.mechanism_json);
  const signer = json<Manifest['signer']>(row.signer_json);
  const recipients = recipientsOf(row);
  return {
    id: row.id,
    rootId: row.root_id,
    supersedes: row.supersedes,
    revision: row.revision,
    draftId: row.draft_id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    mechanism,
    respondentName: json<Manifest['respondent']>(row.respondent_json).name,
    signer: { name: signer.name, title: signer.title, fingerprint: signer.fingerprint, identityId: row.identity_id },
    recipients,
    development: recipients.some((r) => r.development),
    finalizedAt: row.finalized_at,
    fileName: packageFileName(fileNameFactsOf(row)),
    attachmentCount: attachmentRefsOf(row).length,
    supersededBy: repo.successorOf(row.id) ?? null,
    amendmentDraftId: repo.amendmentDraftOf(row.id) ?? null,
    exports: repo
      .exportsOf(row.id)
      .map((e) => ({ path: e.path, sha256: e.sha256, size: e.size, exportedAt: e.exported_at })),
  };
}
