import type { Manifest } from '../../core/package/manifest.js';
import {
  PackageVerifyError,
  VERIFY_STAGE_LABELS,
  VERIFY_STAGES,
  type VerifyStage,
} from '../../core/package/verify-codes.js';
import { parseIdentityFile } from '../../main/services/crypto/age.js';
import { readPackage } from '../../main/services/package/read-package.js';
import { IDENTITY_FILE_MAX_BYTES } from '../../main/services/files/limits.js';
import { readTextFile } from '../../main/services/files/regular-file.js';
import type { PackageCommandIo } from './keygen.js';

const USAGE = 'usage: iscm verify FILE --identity FILE [--json]   decrypt and check a package without importing it\n';

type CheckStatus = 'passed' | 'failed' | 'not-run';

interface VerifyReport {
  readonly file: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly detail?: string;
  /** False when the details come from a package whose signature did not verify. */
  readonly verified: boolean;
  readonly signer?: { name: string; title: string; organisation: string; email: string; fingerprint: string };
  readonly mechanism?: Manifest['mechanism'];
  readonly revision?: number;
  readonly submissionId?: string;
  readonly supersedes?: string | null;
  readonly checks: { stage: VerifyStage; label: string; status: CheckStatus }[];
}

function parseArgs(args: readonly string[]): { file: string; identity: string; json: boolean } | null {
  let file: string | undefined;
  let identity: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--identity') identity = args[++i];
    else if (arg.startsWith('--identity=')) identity = arg.slice('--identity='.length);
    else if (!arg.startsWith('-') && file === undefined) file = arg;
    else return null;
  }
  return file && identity ? { file, identity, json } : null;
}

function report(
  file: string,
  manifest: Manifest | undefined,
  failedStage: VerifyStage | null,
  error?: PackageVerifyError,
): VerifyReport {
  const failedAt = failedStage === null ? VERIFY_STAGES.length : VERIFY_STAGES.indexOf(failedStage);
  const statusAt = (i: number): CheckStatus => (i < failedAt ? 'passed' : i === failedAt ? 'failed' : 'not-run');
  const checks = VERIFY_STAGES.map((stage, i) => ({ stage, label: VERIFY_STAGE_LABELS[stage], status: statusAt(i) }));
  const details = manifest
    ? {
        signer: {
          name: manifest.signer.name,
          title: manifest.signer.title,
          organisation: manifest.signer.organisation,
          email: manifest.signer.email,
          fingerprint: manifest.signer.fingerprint,
        },
        mechanism: manifest.mechanism,
        revision: manifest.revision,
        submissionId: manifest.submissionId,
        supersedes: manifest.supersedes,
      }
    : {};
  const failure = error ? { code: error.code, message: error.message, detail: error.detail } : {};
  return { file, ok: failedStage === null, verified: failedStage === null, ...failure, ...details, checks };
}

function printText(r: VerifyReport, io: PackageCommandIo): void {
  const lines = [`Package: ${r.file}`];
  const claim = r.verified ? '' : ' (claimed, not verified)';
  if (r.signer) {
    lines.push(`Signer: ${r.signer.name}, ${r.signer.title}, ${r.signer.organisation} <${r.signer.email}>${claim}`);
    lines.push(`Fingerprint: ${r.signer.fingerprint}${claim}`);
  }
  if (r.mechanism) lines.push(`Mechanism: ${r.mechanism.label} (${r.mechanism.value})${claim}`);
  if (r.revision !== undefined)
    lines.push(`Revision: ${r.revision}${r.supersedes ? `, supersedes ${r.supersedes}` : ''}${claim}`);
  lines.push('Checks:');
  for (const c of r.checks)
    lines.push(`  ${c.status === 'passed' ? 'passed ' : c.status === 'failed' ? 'FAILED ' : 'not run'}  ${c.label}`);
  lines.push(
    r.ok ? 'Result: all checks passed.' : `Result: ${r.code ?? ''}: ${r.message ?? ''}\n  (${r.detail ?? ''})`,
  );
  io.stdout(`${lines.join('\n')}\n`);
}

/** `iscm verify FILE --identity FILE [--json]`: 0 when every check passes, 1 when one fails, 2 on usage or an unreadable identity. */
export async function runVerifyCommand(args: string[], io: PackageCommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.stderr(USAGE);
    return 2;
  }
  let identity: string;
  try {
    identity = parseIdentityFile(await readTextFile(parsed.identity, { what: 'The identity file', maxBytes: IDENTITY_FILE_MAX_BYTES }));
  } catch (error) {
    io.stderr(`iscm verify: cannot use the identity file ${parsed.identity}: ${(error as Error).message}\n`);
    return 2;
  }
  let result: VerifyReport;
  try {
    const read = await readPackage(parsed.file, { identity });
    await read.cleanup();
    result = report(parsed.file, read.manifest, null);
  } catch (error) {
    if (!(error instanceof PackageVerifyError)) {
      io.stderr(`iscm verify: ${(error as Error).message}\n`);
      return 2;
    }
    result = report(parsed.file, error.claimedManifest, error.stage, error);
  }
  if (parsed.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printText(result, io);
  return result.ok ? 0 : 1;
}
