import type { Manifest } from './manifest.js';

/**
 * The checks a package goes through when it is read, in order, and the error code each one
 * gives. Messages are for the people who receive the packages: plain words, no jargon.
 */

export const VERIFY_CODES = [
  'TOO_LARGE',
  'DECRYPT_FAILED',
  'ZIP_CORRUPT',
  'ZIP_UNSAFE',
  'MANIFEST_INVALID',
  'FORMAT_UNSUPPORTED',
  'ENTRY_MISSING',
  'ENTRY_UNEXPECTED',
  'ENTRY_MISMATCH',
  'SIGNATURE_INVALID',
  'RESPONSES_INVALID',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

/** The stages of `readPackage`, in the order they run; each failure belongs to one stage. */
export const VERIFY_STAGES = ['size', 'decryption', 'zip', 'manifest', 'entries', 'signature', 'responses'] as const;
export type VerifyStage = (typeof VERIFY_STAGES)[number];

export const VERIFY_STAGE_LABELS: Readonly<Record<VerifyStage, string>> = {
  size: 'File size within the limit',
  decryption: 'Decrypted with the identity',
  zip: 'Archive structure safe',
  manifest: 'Manifest valid',
  entries: 'Every file matches the manifest',
  signature: 'Signature valid',
  responses: 'Answers readable',
};

export const VERIFY_CODE_STAGE: Readonly<Record<VerifyCode, VerifyStage>> = {
  TOO_LARGE: 'size',
  DECRYPT_FAILED: 'decryption',
  ZIP_CORRUPT: 'zip',
  ZIP_UNSAFE: 'zip',
  MANIFEST_INVALID: 'manifest',
  FORMAT_UNSUPPORTED: 'manifest',
  ENTRY_MISSING: 'entries',
  ENTRY_UNEXPECTED: 'entries',
  ENTRY_MISMATCH: 'entries',
  SIGNATURE_INVALID: 'signature',
  RESPONSES_INVALID: 'responses',
};

export const VERIFY_MESSAGES: Readonly<Record<VerifyCode, string>> = {
  TOO_LARGE: 'The file is larger than a submission package can be, so it was not opened.',
  DECRYPT_FAILED:
    'The file could not be decrypted: it was not sealed for this key, or it is damaged or not a submission package.',
  ZIP_CORRUPT: 'The file is damaged: its contents cannot be read as a submission package.',
  ZIP_UNSAFE:
    'The file contains something a submission package never contains (unsafe names, links or oversized content), so it was not opened.',
  MANIFEST_INVALID: 'The list of contents inside the package (the manifest) is missing or malformed.',
  FORMAT_UNSUPPORTED: 'The package was made by a newer version of the application. Update the application to read it.',
  ENTRY_MISSING: 'A file that the package lists is missing from it.',
  ENTRY_UNEXPECTED: 'The package contains a file that its list of contents does not mention.',
  ENTRY_MISMATCH: 'A file inside the package is not the one that was signed: it was changed or damaged.',
  SIGNATURE_INVALID:
    'The signature does not match the manifest: the file was changed after signing, or it was not signed by the key it names.',
  RESPONSES_INVALID:
    'The answers inside the package cannot be read, although the package is signed. Ask the sender to export it again.',
};

/** Why the decryption failed (details for DECRYPT_FAILED). */
export const DECRYPT_REASONS = ['not-for-this-identity', 'not-age', 'damaged'] as const;
export type DecryptReason = (typeof DECRYPT_REASONS)[number];

export const DECRYPT_REASON_MESSAGES: Readonly<Record<DecryptReason, string>> = {
  'not-for-this-identity': 'The package was not sealed for this key: it was made for another recipient.',
  'not-age': 'The file is not an encrypted submission package.',
  damaged: 'The encrypted file is damaged or was changed.',
};

/** Why an archive was refused before anything was inflated (details for ZIP_UNSAFE). */
export const ZIP_UNSAFE_REASONS = [
  'too-many-entries',
  'too-large',
  'compression-ratio',
  'absolute-path',
  'parent-path',
  'backslash',
  'control-character',
  'bad-name-encoding',
  'empty-name',
  'duplicate-name',
  'case-twin',
  'normalisation-twin',
  'link',
  'directory',
  'encrypted-entry',
  'unsupported-compression',
  'overlapping-entries',
  'local-header-mismatch',
] as const;
export type ZipUnsafeReason = (typeof ZIP_UNSAFE_REASONS)[number];

/**
 * Thrown by the package reader. `code` is stable (the import stores it), `message` is for people,
 * `detail` is for developers and logs, `reason` refines DECRYPT_FAILED and ZIP_UNSAFE.
 */
export class PackageVerifyError extends Error {
  readonly stage: VerifyStage;
  /**
   * Set when the failure came after the manifest was read (entries, signature): what the package
   * claims about itself. Unverified: show it as a claim, never trust it.
   */
  claimedManifest?: Manifest;
  constructor(
    readonly code: VerifyCode,
    readonly detail: string,
    readonly reason?: DecryptReason | ZipUnsafeReason,
    readonly entry?: string,
  ) {
    super(
      code === 'DECRYPT_FAILED' && isDecryptReason(reason) ? DECRYPT_REASON_MESSAGES[reason] : VERIFY_MESSAGES[code],
    );
    this.name = 'PackageVerifyError';
    this.stage = VERIFY_CODE_STAGE[code];
  }
}

function isDecryptReason(reason: string | undefined): reason is DecryptReason {
  return (DECRYPT_REASONS as readonly string[]).includes(reason ?? '');
}
