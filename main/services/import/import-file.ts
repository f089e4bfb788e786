import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_PACKAGE_LIMITS } from '../../../core/package/format.js';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { mechanismKey } from '../../../core/trust/respondent.js';
import { openRegularFile } from '../files/regular-file.js';
import { isoNow } from '../clock.js';
import { readPackage, type ReadPackageResult } from '../package/read-package.js';
import type { ImportContext } from './context.js';
import {
  messageOf,
  type FileOutcome,
  type OutcomeCode,
  type OutcomeFlag,
  type OutcomeKind,
  type PipelineStage,
} from './outcomes.js';
import { precheck, storeMedia, storeSubmission, type StoreResult } from './store-stage.js';
import { decideTrust, holdPackage, mismatchDetail } from './trust-stage.js';
import { checkResponses } from './validate-responses.js';

/** The hash of a rejected file, for the quarantine; none for a pipe, a device or an oversized file, which are never read. */
async function fileSha256(file: string): Promise<string | null> {
  try {
    const { handle } = await openRegularFile(file, {
      what: 'The package',
      maxBytes: DEFAULT_PACKAGE_LIMITS.maxPackageBytes,
    });
    const hash = createHash('sha256');
    await pipeline(handle.createReadStream(), hash);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

const STORE_KIND: Readonly<Record<StoreResult['code'], OutcomeKind>> = {
  IMPORTED: 'imported',
  SUPERSEDED: 'superseded',
  DUPLICATE: 'duplicate',
  CONFLICT: 'conflict',
};

interface Failure {
  readonly stage: PipelineStage;
  readonly code: OutcomeCode;
  readonly message?: string;
  readonly detail: string;
}

/** Rejected: one quarantine row with the reason; nothing else is written. */
async function reject(
  ctx: ImportContext,
  file: string,
  f: Failure,
  batchId: string,
  sha?: string,
  filed?: { readonly mechanism: string; readonly submissionId: string },
): Promise<FileOutcome> {
  const packageSha256 = sha ?? (await fileSha256(file));
  const message = f.message ?? messageOf(f.code);
  const at = isoNow(ctx.clock);
  ctx.db.transaction(() => {
    ctx.quarantine.add({
      file_name: path.basename(file),
      file_path: path.resolve(file),
      file_sha256: packageSha256,
      stage: f.stage,
      code: f.code,
      message,
      detail: f.detail.slice(0, 2000),
      at,
      mechanism: filed?.mechanism ?? null,
      submission_id: filed?.submissionId ?? null,
    });
    ctx.quarantine.log({
      batch_id: batchId,
      file_name: path.basename(file),
      file_sha256: packageSha256,
      outcome: 'rejected',
      code: f.code,
      submission_id: filed?.submissionId ?? null,
      at,
    });
  })();
  return {
    file,
    kind: 'rejected',
    code: f.code,
    stage: f.stage,
    message,
    detail: f.detail,
    ...(packageSha256 ? { packageSha256 } : {}),
    ...(filed ? { submissionId: filed.submissionId, mechanism: filed.mechanism } : {}),
  };
}

function outcomeOf(
  file: string,
  read: ReadPackageResult,
  kind: OutcomeKind,
  code: OutcomeCode,
  stage: PipelineStage,
  detail: string,
  flags?: OutcomeFlag[],
): FileOutcome {
  const m = read.manifest;
  return {
    file,
    kind,
    code,
    stage,
    message: messageOf(code),
    detail,
    packageSha256: read.packageSha256,
    submissionId: m.submissionId,
    mechanism: m.mechanism.value,
    revision: m.revision,
    ...(flags && flags.length > 0 ? { flags } : {}),
  };
}

async function afterRead(
  ctx: ImportContext,
  file: string,
  fileName: string,
  read: ReadPackageResult,
  batchId: string,
  acceptedFingerprint?: string,
): Promise<FileOutcome> {
  const m = read.manifest;
  const log = (o: FileOutcome): FileOutcome => {
    ctx.quarantine.log({
      batch_id: batchId,
      file_name: fileName,
      file_sha256: read.packageSha256,
      outcome: o.kind,
      code: o.code,
      submission_id: m.submissionId,
      at: isoNow(ctx.clock),
    });
    return o;
  };
  // Re-importing a file that is already in changes nothing, whoever's key it carries today.
  const early = precheck(ctx, read);
  if (early?.code === 'DUPLICATE') return log(outcomeOf(file, read, 'duplicate', 'DUPLICATE', 'store', early.detail));
  // Stage 8 before any key decision: an invalid package is refused, never held for a key review.
  const refuse = (stage: PipelineStage, code: OutcomeCode, detail: string, mechanism = mechanismKey(m.mechanism)) =>
    reject(ctx, file, { stage, code, detail }, batchId, read.packageSha256, {
      mechanism,
      submissionId: m.submissionId,
    });
  const loaded = ctx.registry.get(m.questionnaire.id, m.questionnaire.version);
  if (!loaded)
    return reject(
      ctx,
      file,
      {
        stage: 'questionnaire',
        code: 'QUESTIONNAIRE_UNKNOWN',
        message: unknownVersionMessage(m.questionnaire),
        detail: `${m.questionnaire.id} ${m.questionnaire.version}`,
      },
      batchId,
      read.packageSha256,
      { mechanism: mechanismKey(m.mechanism), submissionId: m.submissionId },
    );
  const check = checkResponses(loaded, m, read.responses);
  if (!check.ok) return refuse('questionnaire', 'ANSWERS_INVALID', check.problems.join('; '));
  // Stage 7: the chain's binding, then the signer's key for the respondent claimed.
  const trust = decideTrust(ctx, m, read.responses, acceptedFingerprint);
  const mechanism = trust.claim.mechanismKey;
  if (trust.chain.kind === 'mismatch')
    return refuse('key', 'CHAIN_MISMATCH', mismatchDetail(trust.chain, trust.claim, m), mechanism);
  const signer = trust.signer;
  if (signer.kind === 'rejected')
    return refuse('key', 'KEY_REJECTED', `${m.signer.fingerprint} was rejected for ${mechanism}`, mechanism);
  if (signer.kind === 'hold') {
    await holdPackage(ctx, file, m, read.packageSha256, { ...trust, signer });
    const detail =
      signer.reason === 'key_change'
        ? `signed by ${m.signer.fingerprint}; registered for ${trust.claim.respondent.key}: ${signer.registered.join(', ')}`
        : `signed by ${m.signer.fingerprint}; no key is registered for ${trust.claim.respondent.key}`;
    return log(
      outcomeOf(
        file,
        read,
        'held',
        signer.reason === 'key_change' ? 'KEY_CHANGED' : 'SIGNER_UNREGISTERED',
        'key',
        detail,
      ),
    );
  }
  // Stage 9: one transaction.
  if (early !== null) return log(outcomeOf(file, read, STORE_KIND[early.code], early.code, 'store', early.detail));
  await storeMedia(ctx, read);
  // The log row of a stored revision is written in the same transaction as the revision.
  const stored = storeSubmission(ctx, read, fileName, trust, batchId, acceptedFingerprint);
  const outcome = outcomeOf(file, read, STORE_KIND[stored.code], stored.code, 'store', stored.detail, stored.flags);
  return stored.code === 'IMPORTED' || stored.code === 'SUPERSEDED' ? outcome : log(outcome);
}

/** Names the version, so IOM knows which release to add (`iscm release add`). */
function unknownVersionMessage(q: { readonly id: string; readonly version: string }): string {
  return `The package answers version ${q.version.slice(0, 40)} of the questionnaire ${q.id.slice(0, 64)}, which this IOM database does not know. Add the release of that version (iscm release add, or "Questionnaire releases" in the IOM workspace), then import the file again.`;
}

/** Stages 1–6 (the package reader), or the rejection. Safe to run for several files at once. */
export async function readForImport(
  ctx: ImportContext,
  file: string,
  batchId: string,
): Promise<{ readonly read: ReadPackageResult } | { readonly outcome: FileOutcome }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    return {
      outcome: await reject(
        ctx,
        file,
        { stage: 'file', code: 'FILE_UNREADABLE', detail: `${file} is not a readable file` },
        batchId,
      ),
    };
  try {
    return {
      read: await readPackage(file, {
        identity: ctx.identity,
        tempDir: ctx.dirs.temp,
        ...(ctx.limits ? { limits: ctx.limits } : {}),
      }),
    };
  } catch (error) {
    const failure: Failure =
      error instanceof PackageVerifyError
        ? { stage: error.stage, code: error.code, message: error.message, detail: error.detail }
        : { stage: 'file', code: 'INTERNAL', detail: error instanceof Error ? error.message : String(error) };
    return { outcome: await reject(ctx, file, failure, batchId) };
  }
}

/**
 * Stages 7–9 for a package that passed 1–6, then removes its work folder. These stages read
 * and write the key registry, the chains and the submissions, so a batch runs them one file at
 * a time. `acceptedFingerprint`: IOM has just accepted this key for the packages held with it.
 */
export async function finishImport(
  ctx: ImportContext,
  file: string,
  read: ReadPackageResult,
  batchId: string,
  fileName = path.basename(file),
  acceptedFingerprint?: string,
): Promise<FileOutcome> {
  try {
    return await afterRead(ctx, file, fileName, read, batchId, acceptedFingerprint);
  } catch (error) {
    return await reject(
      ctx,
      file,
      { stage: 'store', code: 'INTERNAL', detail: error instanceof Error ? error.message : String(error) },
      batchId,
      read.packageSha256,
    );
  } finally {
    await read.cleanup();
  }
}

/**
 * One file through the nine stages (architecture §6). Never throws for a bad file: every
 * failure becomes an outcome with its code, and a rejection a quarantine row.
 */
export async function importFile(
  ctx: ImportContext,
  file: string,
  batchId: string,
  fileName = path.basename(file),
  acceptedFingerprint?: string,
): Promise<FileOutcome> {
  const first = await readForImport(ctx, file, batchId);
  return 'outcome' in first
    ? first.outcome
    : finishImport(ctx, file, first.read, batchId, fileName, acceptedFingerprint);
}
