import { createHash } from 'node:crypto';
import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import { parseUntrustedJson } from '../../../core/package/safe-json.js';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import {
  DEFAULT_RELEASE_LIMITS,
  DEVELOPMENT_PUBLISHER_KEY,
  DEVELOPMENT_RECIPIENT,
  RELEASE_FORMAT_NAME,
  RELEASE_FORMAT_VERSION,
  RELEASE_SIGNATURE_NAMESPACE,
  type ReleaseLimits,
} from '../../../core/release/format.js';
import { releaseManifestSchema, type ReleaseManifest } from '../../../core/release/manifest.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import { findAllowedSigner, type AllowedSigners } from '../crypto/allowed-signers.js';
import { parsePublicKeyLine } from '../crypto/ssh-key.js';
import { SshSigError, inspectSshSig, verifySshSig } from '../crypto/sshsig.js';
import { readReleaseEntries } from './read-release.js';

/** Who signed a release, as the trusted publishers file names them. */
export interface ReleasePublisher {
  /** The first principal of the allowed_signers line that trusts the key. */
  readonly principal: string;
  readonly fingerprint: string;
  /** The development publisher (tests/fixtures/keys/): not a real IOM release. */
  readonly development: boolean;
}

/** A release whose every check passed. */
export interface VerifiedRelease {
  readonly manifest: ReleaseManifest;
  readonly manifestBytes: Buffer;
  readonly signature: string;
  readonly questionnaireBytes: Buffer;
  /** The definition as parsed (what the renderer is sent), and as loaded by core. */
  readonly definition: Record<string, unknown>;
  readonly loaded: LoadedQuestionnaire;
  readonly publisher: ReleasePublisher;
  /** SHA-256 (hex) of the whole `.iscmq` file. */
  readonly fileSha256: string;
  /** Sealed to the development recipient, whose identity is public. */
  readonly development: boolean;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const developmentBlob = parsePublicKeyLine(DEVELOPMENT_PUBLISHER_KEY).blob;

function parseManifest(bytes: Buffer, limits: ReleaseLimits): ReleaseManifest {
  const json = parseUntrustedJson(bytes, limits.maxJsonDepth);
  if (!json.ok) throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', `release.json: ${json.reason}`);
  const value = json.value as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.format !== RELEASE_FORMAT_NAME)
    throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', `release.json does not name the format "${RELEASE_FORMAT_NAME}"`);
  if (
    typeof value.formatVersion === 'number' &&
    Number.isInteger(value.formatVersion) &&
    value.formatVersion > RELEASE_FORMAT_VERSION
  )
    throw new ReleaseRefusal(
      'RELEASE_FORMAT_UNSUPPORTED',
      `format version ${value.formatVersion}; this application reads ${RELEASE_FORMAT_VERSION}`,
    );
  const parsed = releaseManifestSchema.safeParse(json.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ReleaseRefusal(
      'RELEASE_NOT_A_RELEASE',
      `release.json: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`,
    );
  }
  if (!Buffer.from(canonicalJsonBytes(parsed.data)).equals(bytes))
    throw new ReleaseRefusal('RELEASE_NOT_A_RELEASE', 'release.json is not in canonical form');
  return parsed.data;
}

function checkSignature(
  manifestBytes: Buffer,
  signature: Buffer | undefined,
  publishers: AllowedSigners,
  now: Date,
): { armored: string; publisher: ReleasePublisher } {
  if (!signature) throw new ReleaseRefusal('RELEASE_SIGNATURE_INVALID', 'the release has no release.json.sig');
  const armored = signature.toString('utf8');
  let keyBlob: Buffer;
  try {
    keyBlob = inspectSshSig(armored).publicKeyBlob;
    verifySshSig(manifestBytes, armored, `ssh-ed25519 ${keyBlob.toString('base64')}`, RELEASE_SIGNATURE_NAMESPACE);
  } catch (error) {
    if (error instanceof SshSigError)
      throw new ReleaseRefusal('RELEASE_SIGNATURE_INVALID', `${error.failure}: ${error.message}`);
    throw error;
  }
  const signer = findAllowedSigner(publishers, keyBlob, RELEASE_SIGNATURE_NAMESPACE, now);
  const fingerprint = inspectSshSig(armored).fingerprint;
  if (!signer)
    throw new ReleaseRefusal(
      'RELEASE_PUBLISHER_UNKNOWN',
      `signed by ${fingerprint}, which no trusted publisher line allows`,
    );
  return {
    armored,
    publisher: {
      principal: signer.principals[0] ?? fingerprint,
      fingerprint,
      development: keyBlob.equals(developmentBlob),
    },
  };
}

function checkQuestionnaire(
  manifest: ReleaseManifest,
  bytes: Buffer,
  limits: ReleaseLimits,
): { definition: Record<string, unknown>; loaded: LoadedQuestionnaire } {
  const declared = manifest.questionnaire;
  if (bytes.length !== declared.size || sha256(bytes) !== declared.sha256)
    throw new ReleaseRefusal(
      'RELEASE_SIGNATURE_INVALID',
      'questionnaire.json is not the file that was signed (its size or SHA-256 differs from release.json)',
    );
  const json = parseUntrustedJson(bytes, limits.maxJsonDepth);
  if (!json.ok) throw new ReleaseRefusal('RELEASE_QUESTIONNAIRE_INVALID', `questionnaire.json: ${json.reason}`);
  const result = loadQuestionnaire(json.value);
  if (!result.ok) {
    const shown = result.errors
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ');
    throw new ReleaseRefusal('RELEASE_QUESTIONNAIRE_INVALID', `${result.errors.length} error(s): ${shown}`);
  }
  const q = result.questionnaire.questionnaire;
  if (q.id !== declared.id || q.version !== declared.version)
    throw new ReleaseRefusal(
      'RELEASE_QUESTIONNAIRE_INVALID',
      `release.json names ${declared.id} ${declared.version}, the questionnaire is ${q.id} ${q.version}`,
    );
  return { definition: json.value as Record<string, unknown>, loaded: result.questionnaire };
}

/**
 * Every check of docs/release-format.md §5, in order, on the bytes of a `.iscmq` file: size,
 * ZIP safety, the three entries, the manifest, the signature (namespace `iscm-questionnaire`),
 * the publisher (a line of `publishers`), the questionnaire's hash, the questionnaire itself.
 * Throws a ReleaseRefusal at the first failure; reads nothing from disk and writes nothing.
 */
export async function verifyRelease(
  bytes: Buffer,
  publishers: AllowedSigners,
  options: { readonly limits?: Partial<ReleaseLimits>; readonly now?: Date } = {},
): Promise<VerifiedRelease> {
  const limits = { ...DEFAULT_RELEASE_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes)
    throw new ReleaseRefusal('RELEASE_TOO_LARGE', `${bytes.length} bytes, at most ${limits.maxFileBytes}`);
  const entries = await readReleaseEntries(bytes, limits);
  const manifest = parseManifest(entries.manifestBytes, limits);
  const { armored, publisher } = checkSignature(
    entries.manifestBytes,
    entries.signature,
    publishers,
    options.now ?? new Date(),
  );
  const { definition, loaded } = checkQuestionnaire(manifest, entries.questionnaireBytes, limits);
  return {
    manifest,
    manifestBytes: entries.manifestBytes,
    signature: armored,
    questionnaireBytes: entries.questionnaireBytes,
    definition,
    loaded,
    publisher,
    fileSha256: sha256(bytes),
    development: manifest.recipients.some((r) => r.age === DEVELOPMENT_RECIPIENT),
  };
}
