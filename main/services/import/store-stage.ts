import { createHash } from 'node:crypto';
import { copyFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReadPackageResult } from '../package/read-package.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../atomic-file.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';
import type { KeyDecision } from './key-stage.js';
import type { OutcomeCode } from './outcomes.js';

export interface StoreResult {
  readonly code: Extract<OutcomeCode, 'IMPORTED' | 'SUPERSEDED' | 'DUPLICATE' | 'CONFLICT'>;
  readonly detail: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Puts the attachments into the media store, each under its hash, once, durably before the
 * transaction that refers to them (commitTempFile fsyncs the file, renames it, fsyncs the folder).
 * The reader's work folder is on the same disk (the import's temp area beside iom.db), so a
 * verified file is moved, not copied.
 */
export async function storeMedia(ctx: ImportContext, read: ReadPackageResult): Promise<void> {
  for (const a of read.attachments) {
    const target = path.join(ctx.dirs.media, a.sha256);
    if ((await stat(target).catch(() => null))?.size === a.size) continue;
    const temp = tempPathBeside(target);
    try {
      await rename(a.path, temp).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(a.path, temp);
      });
      await commitTempFile(temp, target);
    } catch (error) {
      await removeQuietly(temp);
      throw error;
    }
  }
}

/** What an already stored submission says about this one, before anything is copied. */
export function precheck(ctx: ImportContext, read: ReadPackageResult): StoreResult | null {
  const m = read.manifest;
  const existing = ctx.submissions.get(m.submissionId);
  if (existing) {
    return existing.manifest_sha256 === sha256Hex(read.manifestBytes)
      ? { code: 'DUPLICATE', detail: `submission ${m.submissionId} is already imported` }
      : { code: 'CONFLICT', detail: `submission ${m.submissionId} is already imported with other content` };
  }
  const sameRevision = ctx.submissions.byRootAndRevision(m.rootId, m.revision);
  if (sameRevision)
    return {
      code: 'CONFLICT',
      detail: `revision ${m.revision} of ${m.rootId} is already imported as submission ${sameRevision.submission_id}`,
    };
  const previous = m.supersedes === null ? undefined : ctx.submissions.get(m.supersedes);
  if (previous && previous.root_id !== m.rootId)
    return { code: 'CONFLICT', detail: `it supersedes ${m.supersedes ?? ''}, which belongs to another submission` };
  return null;
}

/**
 * Stage 9, in one transaction: pin the first key, insert the revision and its attachments, and
 * make the highest revision of the root current (so arrival order does not matter).
 */
export function storeSubmission(
  ctx: ImportContext,
  read: ReadPackageResult,
  fileName: string,
  key: KeyDecision,
  batchId: string,
): StoreResult {
  const m = read.manifest;
  return ctx.db
    .transaction((): StoreResult => {
      const early = precheck(ctx, read);
      if (early) return early;
      const at = isoNow(ctx.clock);
      const result = insertRevision(ctx, read, fileName, key, at);
      const log = {
        batch_id: batchId,
        file_name: fileName,
        file_sha256: read.packageSha256,
        submission_id: m.submissionId,
        at,
      };
      ctx.quarantine.log({
        ...log,
        outcome: result.code === 'IMPORTED' ? 'imported' : 'superseded',
        code: result.code,
      });
      return result;
    })
    .immediate();
}

function insertRevision(
  ctx: ImportContext,
  read: ReadPackageResult,
  fileName: string,
  key: KeyDecision,
  at: string,
): StoreResult {
  const m = read.manifest;
  if (key.kind === 'pin') {
    ctx.keys.pin({
      mechanism: m.mechanism.value,
      public_key: m.signer.publicKey,
      fingerprint: m.signer.fingerprint,
      signer_name: m.signer.name,
      source: 'package',
      pinned_at: at,
      pinned_by: ctx.actor,
    });
    ctx.keys.recordEvent({
      mechanism: m.mechanism.value,
      fingerprint: m.signer.fingerprint,
      public_key: m.signer.publicKey,
      action: 'pinned',
      actor: ctx.actor,
      at,
      note: `first key seen, from submission ${m.submissionId}`,
    });
  }
  ctx.submissions.insert({
    submission_id: m.submissionId,
    root_id: m.rootId,
    supersedes: m.supersedes,
    revision: m.revision,
    questionnaire_id: m.questionnaire.id,
    questionnaire_version: m.questionnaire.version,
    mechanism: m.mechanism.value,
    mechanism_label: m.mechanism.label,
    mechanism_kind: m.mechanism.kind,
    respondent_kind: m.respondent.kind,
    respondent_json: JSON.stringify(m.respondent),
    signer_name: m.signer.name,
    signer_title: m.signer.title,
    signer_public_key: m.signer.publicKey,
    signer_fingerprint: m.signer.fingerprint,
    finalized_at: m.finalizedAt,
    app_version: m.app.version,
    manifest_sha256: sha256Hex(read.manifestBytes),
    manifest_json: Buffer.from(read.manifestBytes).toString('utf8'),
    signature: read.signature,
    responses_json: Buffer.from(read.responsesBytes).toString('utf8'),
    package_sha256: read.packageSha256,
    package_size: read.packageSize,
    file_name: fileName,
    imported_at: at,
  });
  for (const a of read.attachments) ctx.submissions.addAttachment(m.submissionId, a.sha256, a.size);
  ctx.submissions.recomputeCurrent(m.rootId);
  const stored = ctx.submissions.get(m.submissionId);
  const latest = ctx.submissions.latestRevision(m.rootId) ?? m.revision;
  if (stored?.is_current === 1)
    return {
      code: 'IMPORTED',
      detail:
        m.revision > 1
          ? `revision ${m.revision} is current; older revisions are kept as history`
          : `revision ${m.revision}`,
    };
  return { code: 'SUPERSEDED', detail: `revision ${m.revision} kept as history; revision ${latest} is current` };
}
