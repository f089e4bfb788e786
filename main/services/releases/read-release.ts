import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from '../../../core/package/format.js';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import {
  RELEASE_ENTRIES,
  RELEASE_MANIFEST_ENTRY,
  RELEASE_QUESTIONNAIRE_ENTRY,
  RELEASE_SIGNATURE_ENTRY,
  type ReleaseLimits,
} from '../../../core/release/format.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import { inflateToBuffer } from '../package/entry-io.js';
import { inspectZip } from '../package/zip-inspect.js';

/** The three entries of a release, as exact bytes; nothing in them is trusted yet. */
export interface ReleaseEntries {
  readonly manifestBytes: Buffer;
  readonly signature: Buffer | undefined;
  readonly questionnaireBytes: Buffer;
}

const limitOf = (name: string, limits: ReleaseLimits): number =>
  name === RELEASE_MANIFEST_ENTRY
    ? limits.maxManifestBytes
    : name === RELEASE_SIGNATURE_ENTRY
      ? limits.maxSignatureBytes
      : limits.maxQuestionnaireBytes;

/**
 * Opens a release file's ZIP with the same safety checks as a submission package (names,
 * links, sizes and compression ratio judged before anything is inflated), then takes out its
 * entries. A release holds exactly `release.json`, `release.json.sig` and `questionnaire.json`.
 */
export async function readReleaseEntries(bytes: Buffer, limits: ReleaseLimits): Promise<ReleaseEntries> {
  const zipLimits: PackageLimits = {
    ...DEFAULT_PACKAGE_LIMITS,
    maxEntries: RELEASE_ENTRIES.length,
    maxTotalUncompressedBytes: limits.maxQuestionnaireBytes + limits.maxManifestBytes + limits.maxSignatureBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
  };
  let inspected: Awaited<ReturnType<typeof inspectZip>>;
  try {
    inspected = await inspectZip(bytes, zipLimits);
  } catch (error) {
    if (!(error instanceof PackageVerifyError)) throw error;
    if (error.reason === 'too-large') throw new ReleaseRefusal('RELEASE_TOO_LARGE', error.detail);
    throw new ReleaseRefusal(
      'RELEASE_NOT_A_RELEASE',
      `${error.code}${error.reason ? ` (${error.reason})` : ''}: ${error.detail}`,
    );
  }
  const { zip, entries } = inspected;
  try {
    for (const name of entries.keys()) {
      if (!(RELEASE_ENTRIES as readonly string[]).includes(name))
        throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', `unexpected entry ${JSON.stringify(name)}`);
    }
    for (const name of [RELEASE_MANIFEST_ENTRY, RELEASE_QUESTIONNAIRE_ENTRY]) {
      if (!entries.has(name)) throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', `no ${name}`);
    }
    for (const [name, { entry }] of entries) {
      if (entry.uncompressedSize > limitOf(name, limits))
        throw new ReleaseRefusal(
          'RELEASE_TOO_LARGE',
          `${name} is ${entry.uncompressedSize} bytes, at most ${limitOf(name, limits)}`,
        );
    }
    const inflate = async (name: string): Promise<Buffer | undefined> => {
      const found = entries.get(name);
      if (!found) return undefined;
      try {
        return await inflateToBuffer(zip, name, found.entry);
      } catch (error) {
        const detail =
          error instanceof PackageVerifyError ? error.detail : error instanceof Error ? error.message : String(error);
        throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', `${name}: ${detail}`);
      }
    };
    const manifestBytes = await inflate(RELEASE_MANIFEST_ENTRY);
    const questionnaireBytes = await inflate(RELEASE_QUESTIONNAIRE_ENTRY);
    if (!manifestBytes || !questionnaireBytes) throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', 'an entry vanished');
    return { manifestBytes, questionnaireBytes, signature: await inflate(RELEASE_SIGNATURE_ENTRY) };
  } finally {
    zip.close();
  }
}
