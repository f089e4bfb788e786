/** Constants of the `.iscm` submission package, format 2 (see docs/package-format.md). */

export const PACKAGE_FORMAT_NAME = 'iscm-submission';
/**
 * The newest format this application reads and writes. Format 2 added `respondent.state`.
 * A revision finalized before format 2 is still written as format 1 (its bytes never change),
 * and readers accept every version up to this one.
 */
export const PACKAGE_FORMAT_VERSION = 2;
/** The SSHSIG namespace: a signature made for another purpose never verifies as a submission. */
export const SIGNATURE_NAMESPACE = 'iscm-submission';
export const PACKAGE_EXTENSION = '.iscm';

export const MANIFEST_ENTRY = 'manifest.json';
export const RESPONSES_ENTRY = 'responses.json';
export const SIGNATURE_ENTRY = 'manifest.json.sig';
export const ATTACHMENTS_PREFIX = 'attachments/';

/** Lower-case hex SHA-256, the only name an attachment may have inside the package. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

export const attachmentEntryName = (sha256: string): string => `${ATTACHMENTS_PREFIX}${sha256}`;

/** Limits applied by the reader; every one can be lowered or raised by the caller. */
export interface PackageLimits {
  /** Size of the encrypted `.iscm` file, checked before reading anything. */
  readonly maxPackageBytes: number;
  readonly maxEntries: number;
  /** Sum of the uncompressed sizes the ZIP declares. */
  readonly maxTotalUncompressedBytes: number;
  /** Uncompressed size divided by compressed size, per entry. */
  readonly maxCompressionRatio: number;
  /** manifest.json and manifest.json.sig are parsed in memory, so they are kept small. */
  readonly maxManifestBytes: number;
  readonly maxSignatureBytes: number;
  /** responses.json is parsed in memory. */
  readonly maxResponsesBytes: number;
  /** Deepest nesting of objects and arrays accepted in manifest.json. */
  readonly maxJsonDepth: number;
}

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxPackageBytes: GiB + 64 * MiB,
  maxEntries: 10_000,
  maxTotalUncompressedBytes: GiB,
  maxCompressionRatio: 100,
  maxManifestBytes: 4 * MiB,
  maxSignatureBytes: 16 * 1024,
  maxResponsesBytes: 64 * MiB,
  maxJsonDepth: 32,
};
