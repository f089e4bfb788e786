import { VERIFY_MESSAGES, type VerifyCode, type VerifyStage } from '../../../core/package/verify-codes.js';

/**
 * What can happen to one file in an import, with a code that is stored and a message for
 * the IOM staff who read it. Stages 1–6 are the package reader's (core/package/verify-codes);
 * stages 7–9 are the importer's.
 */

export const IMPORT_STAGES = ['file', 'key', 'questionnaire', 'store'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];
export type PipelineStage = VerifyStage | ImportStage;

export const IMPORT_CODES = [
  'FILE_UNREADABLE',
  'KEY_CHANGED',
  'SIGNER_UNREGISTERED',
  'KEY_REJECTED',
  'CHAIN_MISMATCH',
  'QUESTIONNAIRE_UNKNOWN',
  'ANSWERS_INVALID',
  'IMPORTED',
  'SUPERSEDED',
  'DUPLICATE',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ImportCode = (typeof IMPORT_CODES)[number];
export type OutcomeCode = ImportCode | VerifyCode;

export const OUTCOME_KINDS = ['imported', 'superseded', 'duplicate', 'conflict', 'held', 'rejected'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const IMPORT_MESSAGES: Readonly<Record<ImportCode, string>> = {
  FILE_UNREADABLE: 'The file could not be read: it does not exist, is not a file, or access was refused.',
  KEY_CHANGED:
    'The package is signed by a different key from the one IOM has registered for this respondent. It is held until someone at IOM accepts or rejects the new key.',
  SIGNER_UNREGISTERED:
    'The package is signed by a key that IOM has not registered for this respondent, and IOM requires registered keys. It is held until someone at IOM accepts or rejects the key.',
  KEY_REJECTED: 'The package is signed by a key that IOM rejected for this mechanism.',
  CHAIN_MISMATCH:
    'The package claims to continue a submission that was signed by someone else (another key, mechanism or kind of respondent). It was refused and nothing changed.',
  QUESTIONNAIRE_UNKNOWN:
    'The package answers a questionnaire version this installation does not have. Add that questionnaire version, then import the file again.',
  ANSWERS_INVALID:
    'The answers do not satisfy the questionnaire they claim to answer (missing, unexpected or out-of-range answers).',
  IMPORTED: 'Imported: this is now the current revision of the submission.',
  SUPERSEDED: 'Imported as history: a newer revision of the same submission was already imported.',
  DUPLICATE: 'Already imported: this exact submission is in the database, nothing changed.',
  CONFLICT:
    'Not imported: a different submission with the same identity (same id, or same revision number) is already in the database. Ask the sender which one is right.',
  INTERNAL: 'The file could not be imported because of an unexpected problem in the application. Nothing was written.',
};

export function messageOf(code: OutcomeCode): string {
  return (IMPORT_MESSAGES as Readonly<Record<string, string>>)[code] ?? VERIFY_MESSAGES[code as VerifyCode];
}

/** The outcome of one file. */
export interface FileOutcome {
  /** The path as given (or found while walking a folder). */
  readonly file: string;
  readonly kind: OutcomeKind;
  readonly code: OutcomeCode;
  readonly stage: PipelineStage;
  readonly message: string;
  /** For developers and logs (e.g. which answer is wrong); never needed to understand the outcome. */
  readonly detail?: string;
  readonly packageSha256?: string;
  readonly submissionId?: string;
  readonly mechanism?: string;
  readonly revision?: number;
  /** What IOM should look at in an imported package (see OUTCOME_FLAGS). */
  readonly flags?: OutcomeFlag[];
}

/**
 * `new_signer`: the key was recorded for its respondent on first use (nobody was registered);
 * `possible_duplicate`: the respondent now has two or more counted submissions.
 */
export const OUTCOME_FLAGS = ['new_signer', 'possible_duplicate'] as const;
export type OutcomeFlag = (typeof OUTCOME_FLAGS)[number];

export type OutcomeCounts = Record<OutcomeKind, number>;

export interface BatchSummary {
  readonly total: number;
  readonly counts: OutcomeCounts;
  /** Rejections grouped by code, for the summary line "rejected: 2 (SIGNATURE_INVALID 1, …)". */
  readonly rejectedByCode: Readonly<Record<string, number>>;
  readonly outcomes: readonly FileOutcome[];
}

export function summarize(outcomes: readonly FileOutcome[]): BatchSummary {
  const counts: OutcomeCounts = { imported: 0, superseded: 0, duplicate: 0, conflict: 0, held: 0, rejected: 0 };
  const rejectedByCode: Record<string, number> = {};
  for (const o of outcomes) {
    counts[o.kind] += 1;
    if (o.kind === 'rejected') rejectedByCode[o.code] = (rejectedByCode[o.code] ?? 0) + 1;
  }
  return { total: outcomes.length, counts, rejectedByCode, outcomes };
}
