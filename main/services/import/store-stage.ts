import { createHash } from 'node:crypto';
import { copyFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReadPackageResult } from '../package/read-package.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../atomic-file.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';
import type { OutcomeCode, OutcomeFlag } from './outcomes.js';
import { recordSearchText } from './search-texts.js';
import { decideTrust, ensureRespondent, type TrustDecision } from './trust-stage.js';

export interface StoreResult {
  readonly code: Extract<OutcomeCode, 'IMPORTED' | 'SUPERSEDED' | 'DUPLICATE' | 'CONFLICT'>;
  readonly detail: string;
  readonly flags?: OutcomeFlag[];
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
  return null;
}

const storable = (t: TrustDecision): boolean => (t.chain.kind === 'new' || t.chain.kind === 'bound') && (t.signer.kind === 'registered' || t.signer.kind === 'accepted' || t.signer.kind === 'new_signer');

/**
 * Stage 9, in one transaction: the trust decision taken again on the database as it is now
 * (another process may have imported meanwhile), the respondent recorded, a key registered on
 * first use or on IOM's acceptance, the chain bound by its first stored revision, the revision
 * and its attachments inserted, and the highest revision of the root made current (so arrival
 * order does not matter).
 */
export function storeSubmission(
  ctx: ImportContext,
  read: ReadPackageResult,
  fileName: string,
  trust: TrustDecision,
  batchId: string,
  acceptedFingerprint?: string,
): StoreResult {
  const m = read.manifest;
  return ctx.db
    .transaction((): StoreResult => {
      const early = precheck(ctx, read);
      if (early) return early;
      const now = decideTrust(ctx, m, read.responses, acceptedFingerprint);
      if (!storable(now) || now.chain.kind !== trust.chain.kind || now.signer.kind !== trust.signer.kind)
        return {
          code: 'CONFLICT',
          detail: 'what IOM knows of this respondent changed while the file was being imported (another import at the same time): import it again',
        };
      const at = isoNow(ctx.clock);
      const result = insertRevision(ctx, read, fileName, now, at);
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

function insertRevision(ctx: ImportContext, read: ReadPackageResult, fileName: string, trust: TrustDecision, at: string): StoreResult {
  const m = read.manifest;
  const { claim, signer, chain } = trust;
  const respondent = ensureRespondent(ctx, claim.respondent, { label: m.mechanism.label, kind: m.mechanism.kind }, at);
  if (signer.kind === 'new_signer' || signer.kind === 'accepted') {
    ctx.signers.register({
      respondent_id: respondent.id,
      fingerprint: m.signer.fingerprint,
      public_key: m.signer.publicKey,
      name: m.signer.name,
      title: m.signer.title,
      organisation: m.signer.organisation,
      email: m.signer.email,
      source: signer.kind === 'new_signer' ? 'package' : 'accepted',
      registered_at: at,
      registered_by: ctx.actor,
    });
    ctx.signers.recordEvent({
      mechanism: claim.mechanismKey,
      fingerprint: m.signer.fingerprint,
      public_key: m.signer.publicKey,
      action: signer.kind === 'new_signer' ? 'registered' : 'accepted',
      actor: ctx.actor,
      at,
      respondent_key: claim.respondent.key,
      note:
        signer.kind === 'new_signer'
          ? `new signer: first key seen for ${claim.respondent.key}, from submission ${m.submissionId}`
          : `accepted for ${claim.respondent.key}, from held submission ${m.submissionId}`,
    });
  }
  if (chain.kind === 'new') {
    ctx.chains.bind({
      root_id: m.rootId,
      fingerprint: m.signer.fingerprint,
      public_key: m.signer.publicKey,
      signer_name: m.signer.name,
      mechanism: claim.mechanismKey,
      respondent_kind: claim.respondentKind,
      respondent_id: respondent.id,
      bound_at: at,
      bound_by_submission: m.submissionId,
      new_signer: signer.kind === 'new_signer' ? 1 : 0,
    });
    ctx.chains.recordEvent({ root_id: m.rootId, action: 'bound', actor: ctx.actor, at, note: `by revision ${m.revision} (${m.submissionId}), signed by ${m.signer.fingerprint}` });
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
    respondent_id: respondent.id,
  });
  for (const a of read.attachments) ctx.submissions.addAttachment(m.submissionId, a.sha256, a.size);
  // The answers were checked against this version (stage 8): it is known.
  const loaded = ctx.registry.get(m.questionnaire.id, m.questionnaire.version);
  if (loaded) recordSearchText(ctx, loaded, m.submissionId, read.responses as Record<string, unknown>);
  // Every revision, a new one of a known chain too, starts its review at `received`.
  ctx.reviews.record({ submission_id: m.submissionId, action: 'imported', from_state: null, to_state: 'received', comment: null, actor: ctx.actor, at });
  ctx.submissions.recomputeCurrent(m.rootId);
  // The chain is filed under the respondent of its current revision.
  const current = ctx.submissions.currentOf(m.rootId);
  if (current?.respondent_id != null) ctx.chains.fileUnder(m.rootId, current.respondent_id);
  const stored = ctx.submissions.get(m.submissionId);
  const latest = ctx.submissions.latestRevision(m.rootId) ?? m.revision;
  const counted = ctx.chains.forRespondent(current?.respondent_id ?? respondent.id).filter((c) => c.state === 'counted');
  const flags: OutcomeFlag[] = [];
  if (signer.kind === 'new_signer') flags.push('new_signer');
  if (counted.length > 1) flags.push('possible_duplicate');
  const withFlags = flags.length > 0 ? { flags } : {};
  if (stored?.is_current === 1)
    return {
      code: 'IMPORTED',
      detail: m.revision > 1 ? `revision ${m.revision} is current; older revisions are kept as history` : `revision ${m.revision}`,
      ...withFlags,
    };
  return { code: 'SUPERSEDED', detail: `revision ${m.revision} kept as history; revision ${latest} is current`, ...withFlags };
}
