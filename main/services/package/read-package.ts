import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ZipFile } from 'yauzl';
import { AppError } from '../../../core/contract/errors.js';
import {
  DEFAULT_PACKAGE_LIMITS,
  MANIFEST_ENTRY,
  RESPONSES_ENTRY,
  SIGNATURE_ENTRY,
  type PackageLimits,
} from '../../../core/package/format.js';
import type { Manifest } from '../../../core/package/manifest.js';
import { parseUntrustedJson } from '../../../core/package/safe-json.js';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { SshSigError, verifySshSig } from '../crypto/sshsig.js';
import { removeQuietly } from '../atomic-file.js';
import { kindOf } from '../files/regular-file.js';
import { decryptPackage } from './decrypt-stage.js';
import { inflateToBuffer, inflateToFile } from './entry-io.js';
import { parseManifest } from './manifest-stage.js';
import { inspectZip, type InspectedZip } from './zip-inspect.js';

export interface ReadPackageOptions {
  /** `AGE-SECRET-KEY-1…` */
  readonly identity: string;
  readonly limits?: Partial<PackageLimits>;
  /** Where the private work folder is made; the system temp folder by default. */
  readonly tempDir?: string;
}

export interface ReadAttachment {
  readonly sha256: string;
  readonly size: number;
  /** A file in the work folder, named by its hash. Move or copy it before cleanup(). */
  readonly path: string;
}

export interface ReadPackageResult {
  readonly manifest: Manifest;
  /** The exact signed bytes of manifest.json. */
  readonly manifestBytes: Uint8Array;
  readonly signature: string;
  readonly responses: unknown;
  readonly responsesBytes: Uint8Array;
  readonly attachments: readonly ReadAttachment[];
  /** SHA-256 (hex) and size of the `.iscm` file. */
  readonly packageSha256: string;
  readonly packageSize: number;
  readonly workDir: string;
  /** Removes the work folder and its attachments. */
  cleanup(): Promise<void>;
}

function entriesStage(inspected: InspectedZip, manifest: Manifest): void {
  const listed = new Set<string>([MANIFEST_ENTRY, SIGNATURE_ENTRY, ...manifest.entries.map((e) => e.path)]);
  for (const name of inspected.entries.keys()) {
    if (!listed.has(name))
      throw new PackageVerifyError('ENTRY_UNEXPECTED', `${name} is not in the manifest`, undefined, name);
  }
  for (const name of listed) {
    if (!inspected.entries.has(name))
      throw new PackageVerifyError('ENTRY_MISSING', `${name} is missing`, undefined, name);
  }
  for (const e of manifest.entries) {
    const declared = inspected.entries.get(e.path)?.entry.uncompressedSize;
    if (declared !== e.size)
      throw new PackageVerifyError(
        'ENTRY_MISMATCH',
        `${e.path}: the ZIP says ${String(declared)} bytes, the manifest ${e.size}`,
        undefined,
        e.path,
      );
  }
}

function entryOf(inspected: InspectedZip, name: string): NonNullable<ReturnType<InspectedZip['entries']['get']>> {
  const found = inspected.entries.get(name);
  if (!found) throw new PackageVerifyError('ENTRY_MISSING', `${name} is missing`, undefined, name);
  return found;
}

async function verifyContents(zip: ZipFile, inspected: InspectedZip, limits: PackageLimits, workDir: string) {
  // Stage 4: the manifest.
  const manifestEntry = inspected.entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw new PackageVerifyError('MANIFEST_INVALID', 'the package has no manifest.json');
  const manifestBytes = await inflateToBuffer(zip, MANIFEST_ENTRY, manifestEntry.entry);
  const manifest = parseManifest(manifestBytes, limits.maxJsonDepth);
  try {
    return await verifyAgainstManifest(zip, inspected, limits, workDir, manifest, manifestBytes);
  } catch (error) {
    if (error instanceof PackageVerifyError) error.claimedManifest = manifest;
    throw error;
  }
}

async function verifyAgainstManifest(
  zip: ZipFile,
  inspected: InspectedZip,
  limits: PackageLimits,
  workDir: string,
  manifest: Manifest,
  manifestBytes: Buffer,
) {
  // Stage 5: every entry against the manifest.
  entriesStage(inspected, manifest);
  let responsesBytes: Buffer = Buffer.alloc(0);
  const attachments: ReadAttachment[] = [];
  for (const e of manifest.entries) {
    const { entry } = entryOf(inspected, e.path);
    if (e.path === RESPONSES_ENTRY) {
      responsesBytes = await inflateToBuffer(zip, e.path, entry, e);
    } else {
      // Named by the manifest's hash (validated hex), never by the archive's name.
      const target = path.join(workDir, e.sha256);
      await inflateToFile(zip, e.path, entry, target, e);
      attachments.push({ sha256: e.sha256, size: e.size, path: target });
    }
  }
  // Stage 6: the signature over the exact manifest bytes.
  const signature = (await inflateToBuffer(zip, SIGNATURE_ENTRY, entryOf(inspected, SIGNATURE_ENTRY).entry)).toString(
    'utf8',
  );
  try {
    verifySshSig(manifestBytes, signature, manifest.signer.publicKey);
  } catch (error) {
    if (!(error instanceof SshSigError)) throw error;
    throw new PackageVerifyError('SIGNATURE_INVALID', `${error.failure}: ${error.message}`);
  }
  // Stage 7 (of this reader): the answers parse. Their meaning is checked by the importer.
  const responses = parseUntrustedJson(responsesBytes, limits.maxJsonDepth);
  if (!responses.ok) throw new PackageVerifyError('RESPONSES_INVALID', `responses.json: ${responses.reason}`);
  return { manifest, manifestBytes, signature, responses: responses.value, responsesBytes, attachments };
}

/**
 * Decrypts and verifies a package stage by stage (docs/package-format.md, "Reading"), stopping
 * at the first failure with a PackageVerifyError. Nothing is written outside a fresh private
 * work folder, which is removed on failure.
 */
export async function readPackage(filePath: string, options: ReadPackageOptions): Promise<ReadPackageResult> {
  const limits: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...options.limits };
  const info = await stat(filePath).catch(() => null);
  if (!info) throw new AppError('NOT_FOUND', `No such file: ${filePath}`);
  // A pipe, a device or a folder is never opened (a FIFO would wait for a writer forever).
  if (!info.isFile()) throw new AppError('BAD_FILE', `${filePath} is ${kindOf(info)}, not a package file.`);
  if (info.size > limits.maxPackageBytes)
    throw new PackageVerifyError('TOO_LARGE', `${info.size} bytes, at most ${limits.maxPackageBytes}`);
  const workDir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'iscm-read-'));
  let zip: ZipFile | undefined;
  try {
    const decrypted = await decryptPackage(filePath, info.size, options.identity, workDir);
    const inspected = await inspectZip(decrypted.zip, limits);
    zip = inspected.zip;
    const contents = await verifyContents(inspected.zip, inspected, limits, workDir);
    if (typeof decrypted.zip === 'string') await removeQuietly(decrypted.zip);
    return {
      ...contents,
      packageSha256: decrypted.packageSha256,
      packageSize: info.size,
      workDir,
      cleanup: () => removeQuietly(workDir),
    };
  } catch (error) {
    await removeQuietly(workDir);
    throw error;
  } finally {
    zip?.close();
  }
}
