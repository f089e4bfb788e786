import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { AppError } from '../../../core/contract/errors.js';
import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import {
  attachmentEntryName,
  DEFAULT_PACKAGE_LIMITS,
  RESPONSES_ENTRY,
  SHA256_HEX_PATTERN,
  SIGNATURE_NAMESPACE,
} from '../../../core/package/format.js';
import {
  buildManifest,
  type Manifest,
  type ManifestEntry,
  type ManifestFields,
} from '../../../core/package/manifest.js';
import { parsePublicKeyLine, publicKeyLineFromPrivate } from '../crypto/ssh-key.js';
import { signSshSig } from '../crypto/sshsig.js';
import { commitTempFile, removeLeftoverTemps, removeQuietly, tempPathBeside } from '../atomic-file.js';
import { writeZipPass } from './zip-writer.js';

export interface PackageAttachment {
  /** The hash the attachment is stored under; the file is checked against it while streaming. */
  readonly sha256: string;
  readonly filePath: string;
}

export interface WriteProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface WritePackageInput {
  readonly manifestFields: ManifestFields;
  /** The relevant answers (architecture §5), any JSON value; written as canonical JSON. */
  readonly responses: unknown;
  readonly attachments: readonly PackageAttachment[];
  readonly signer: { readonly privateKey: Uint8Array };
  /** age recipients (`age1…`); must be the ones the manifest lists. */
  readonly recipients: readonly string[];
  readonly outPath: string;
  readonly onProgress?: (progress: WriteProgress) => void;
  readonly signal?: AbortSignal;
}

export interface WrittenPackage {
  readonly path: string;
  readonly manifest: Manifest;
  readonly manifestBytes: Uint8Array;
  /** SHA-256 (hex) and size of the `.iscm` file as written. */
  readonly sha256: string;
  readonly size: number;
}

function checkSigner(input: WritePackageInput): void {
  const derived = parsePublicKeyLine(publicKeyLineFromPrivate(input.signer.privateKey, ''));
  const named = parsePublicKeyLine(input.manifestFields.signer.publicKey);
  if (!derived.blob.equals(named.blob))
    throw new AppError('INVALID_INPUT', 'The signing key does not match the public key named in the manifest.');
  const same = [...input.recipients].sort().join('\n') === [...input.manifestFields.recipients].sort().join('\n');
  if (!same)
    throw new AppError('INVALID_INPUT', 'The recipients to encrypt to differ from the recipients the manifest lists.');
}

async function attachmentEntries(attachments: readonly PackageAttachment[]): Promise<ManifestEntry[]> {
  const seen = new Set<string>();
  const entries: ManifestEntry[] = [];
  for (const a of attachments) {
    if (!SHA256_HEX_PATTERN.test(a.sha256)) throw new AppError('INVALID_INPUT', `Not a SHA-256: ${a.sha256}`);
    if (seen.has(a.sha256)) continue; // the same content attached twice is stored once
    seen.add(a.sha256);
    const info = await stat(a.filePath).catch(() => null);
    if (!info?.isFile())
      throw new AppError('NOT_FOUND', 'An attached file is missing from the attachment store.', { sha256: a.sha256 });
    entries.push({ path: attachmentEntryName(a.sha256), size: info.size, sha256: a.sha256 });
  }
  return entries;
}

/** Builds, signs, zips and encrypts a package; the file appears at outPath complete or not at all. */
export async function writePackage(input: WritePackageInput): Promise<WrittenPackage> {
  if (input.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled; no file was written.');
  checkSigner(input);
  const responsesBytes = Buffer.from(canonicalJsonBytes(input.responses));
  const responsesEntry: ManifestEntry = {
    path: RESPONSES_ENTRY,
    size: responsesBytes.length,
    sha256: createHash('sha256').update(responsesBytes).digest('hex'),
  };
  const files = await attachmentEntries(input.attachments);
  const manifest = buildManifest(input.manifestFields, [responsesEntry, ...files]);
  const manifestBytes = canonicalJsonBytes(manifest);
  const signature = signSshSig(manifestBytes, input.signer.privateKey, SIGNATURE_NAMESPACE);

  const bytesTotal = files.reduce((sum, e) => sum + e.size, 0) + responsesBytes.length;
  let bytesDone = 0;
  const store = new Set<string>();
  const plan = {
    manifestBytes,
    signature,
    responsesBytes,
    files,
    pathOf: new Map(input.attachments.map((a) => [a.sha256, a.filePath])),
    mtime: new Date(manifest.finalizedAt),
    recipients: input.recipients,
    store,
    maxCompressionRatio: DEFAULT_PACKAGE_LIMITS.maxCompressionRatio,
    onBytes: (n: number): void => {
      bytesDone += n;
      input.onProgress?.({ bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal });
    },
    ...(input.signal ? { signal: input.signal } : {}),
  };
  // A temp file beside this target can only be from an export killed before its rename (an
  // export reserves its path), so it goes now rather than stay forever.
  await removeLeftoverTemps(input.outPath);
  // Rarely (a blank scan, a file of zeros) an entry compresses beyond the readers' ratio limit;
  // it is then stored uncompressed and the package written again.
  for (let pass = 0; pass < 2; pass++) {
    const tempPath = tempPathBeside(input.outPath);
    bytesDone = responsesBytes.length;
    try {
      const result = await writeZipPass(plan, tempPath);
      const retry = result.overCompressed.filter((name) => !store.has(name));
      if (retry.length === 0) {
        await commitTempFile(tempPath, input.outPath);
        return { path: input.outPath, manifest, manifestBytes, sha256: result.sha256, size: result.size };
      }
      retry.forEach((name) => store.add(name));
      await removeQuietly(tempPath);
    } catch (error) {
      await removeQuietly(tempPath);
      throw error;
    }
  }
  throw new AppError('INTERNAL', 'The package could not be written within the compression limits.');
}
