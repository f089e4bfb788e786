import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { AppError } from '../../../core/contract/errors.js';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import {
  DEFAULT_RELEASE_LIMITS,
  RELEASE_MANIFEST_ENTRY,
  RELEASE_QUESTIONNAIRE_ENTRY,
  RELEASE_SIGNATURE_ENTRY,
  RELEASE_SIGNATURE_NAMESPACE,
} from '../../../core/release/format.js';
import {
  buildReleaseManifest,
  releaseManifestBytes,
  type ReleaseContact,
  type ReleaseManifest,
  type ReleaseRecipient,
  type ReleaseText,
} from '../../../core/release/manifest.js';
import { signSshSig } from '../crypto/sshsig.js';

export interface CreateReleaseInput {
  /** The questionnaire file's exact bytes: they travel unchanged, named by their SHA-256. */
  readonly questionnaireBytes: Uint8Array;
  readonly recipients: readonly ReleaseRecipient[];
  readonly contact: ReleaseContact;
  readonly notes: ReleaseText;
  /** ISO 8601 with offset. */
  readonly publishedAt: string;
  /** The publisher's Ed25519 key (PKCS#8 DER). */
  readonly privateKeyPkcs8: Uint8Array;
}

export interface CreatedRelease {
  readonly bytes: Buffer;
  readonly manifest: ReleaseManifest;
  readonly manifestBytes: Uint8Array;
  readonly signature: string;
}

/**
 * The ZIP's dates are the publication time written as its UTC fields (DOS dates have no time
 * zone), without the extended timestamp: the same inputs give the same bytes on any machine.
 */
function zipTime(publishedAt: string): Date {
  const t = new Date(publishedAt);
  return new Date(
    t.getUTCFullYear(),
    t.getUTCMonth(),
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  );
}

function collect(zip: ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * Builds and signs a release (docs/release-format.md): checks the questionnaire with core's
 * loader first (an invalid one is refused, never published), then writes release.json in
 * canonical form, its SSH signature (namespace `iscm-questionnaire`) and the questionnaire.
 */
export async function createRelease(input: CreateReleaseInput): Promise<CreatedRelease> {
  const questionnaireBytes = Buffer.from(input.questionnaireBytes);
  if (questionnaireBytes.length > DEFAULT_RELEASE_LIMITS.maxQuestionnaireBytes)
    throw new AppError(
      'BAD_FILE',
      `The questionnaire is ${questionnaireBytes.length} bytes; a release holds at most ${DEFAULT_RELEASE_LIMITS.maxQuestionnaireBytes}.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(questionnaireBytes.toString('utf8'));
  } catch (error) {
    throw new AppError(
      'BAD_FILE',
      `The questionnaire is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const loaded = loadQuestionnaire(json);
  if (!loaded.ok)
    throw new AppError(
      'VALIDATION_FAILED',
      `The questionnaire is not valid (${loaded.errors.length} error(s)); check it with "iscm questionnaire check".`,
      {
        errors: loaded.errors.slice(0, 50),
      },
    );
  const q = loaded.questionnaire.questionnaire;
  return assembleRelease({ ...input, questionnaireBytes, id: q.id, version: q.version });
}

/**
 * The release's bytes from its parts, without checking the questionnaire: `createRelease`
 * checks first; tests use this directly to make releases the reader must refuse.
 */
export async function assembleRelease(
  input: CreateReleaseInput & { readonly id: string; readonly version: string },
): Promise<CreatedRelease> {
  const questionnaireBytes = Buffer.from(input.questionnaireBytes);
  const manifest = buildReleaseManifest({
    questionnaire: {
      id: input.id,
      version: input.version,
      path: RELEASE_QUESTIONNAIRE_ENTRY,
      size: questionnaireBytes.length,
      sha256: createHash('sha256').update(questionnaireBytes).digest('hex'),
    },
    recipients: [...input.recipients],
    contact: input.contact,
    notes: input.notes,
    publishedAt: input.publishedAt,
  });
  const manifestBytes = releaseManifestBytes(manifest);
  const signature = signSshSig(manifestBytes, input.privateKeyPkcs8, RELEASE_SIGNATURE_NAMESPACE);
  const bytes = await zipRelease(
    [
      [RELEASE_MANIFEST_ENTRY, Buffer.from(manifestBytes)],
      [RELEASE_SIGNATURE_ENTRY, Buffer.from(signature, 'utf8')],
      [RELEASE_QUESTIONNAIRE_ENTRY, questionnaireBytes],
    ],
    input.publishedAt,
  );
  return { bytes, manifest, manifestBytes, signature };
}

/** The ZIP of a release's entries, in the order given (tests give other entries to check the reader). */
export async function zipRelease(
  entries: readonly (readonly [string, Buffer])[],
  publishedAt: string,
): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = zipTime(publishedAt);
  for (const [name, bytes] of entries) {
    // Stored rather than deflated if deflating would pass the readers' compression-ratio limit.
    const deflated = deflateRawSync(bytes, { level: 6 }).length;
    const store = deflated * DEFAULT_RELEASE_LIMITS.maxCompressionRatio < bytes.length;
    zip.addBuffer(bytes, name, { mtime, mode: 0o100644, compressionLevel: store ? 0 : 6, forceDosTimestamp: true });
  }
  const output = collect(zip);
  zip.end();
  return output;
}
