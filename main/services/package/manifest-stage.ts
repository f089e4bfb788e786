import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import { PACKAGE_FORMAT_NAME, PACKAGE_FORMAT_VERSION } from '../../../core/package/format.js';
import { manifestSchema, type Manifest } from '../../../core/package/manifest.js';
import { parseUntrustedJson } from '../../../core/package/safe-json.js';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { fingerprintOf } from '../crypto/ssh-key.js';

const invalid = (detail: string): PackageVerifyError => new PackageVerifyError('MANIFEST_INVALID', detail);

/** Stage 4: manifest.json parsed safely, its format version known, its schema met, its bytes canonical. */
export function parseManifest(bytes: Uint8Array, maxDepth: number): Manifest {
  const parsed = parseUntrustedJson(bytes, maxDepth);
  if (!parsed.ok) throw invalid(parsed.reason);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('the manifest is not a JSON object');
  const record = value as Record<string, unknown>;
  if (record['format'] !== PACKAGE_FORMAT_NAME) throw invalid(`format is not "${PACKAGE_FORMAT_NAME}"`);
  const version = record['formatVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PACKAGE_FORMAT_VERSION) {
    throw new PackageVerifyError(
      'FORMAT_UNSUPPORTED',
      `format version ${version}; this application reads up to ${PACKAGE_FORMAT_VERSION}`,
    );
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw invalid(first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'schema');
  }
  const manifest = result.data;
  if (Buffer.compare(Buffer.from(canonicalJsonBytes(value)), Buffer.from(bytes)) !== 0)
    throw invalid('the manifest bytes are not canonical');
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(manifest.signer.publicKey);
  } catch (error) {
    throw invalid(`signer.publicKey: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (fingerprint !== manifest.signer.fingerprint)
    throw invalid('signer.fingerprint does not belong to signer.publicKey');
  return manifest;
}
