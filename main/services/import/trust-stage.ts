import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import type { Manifest } from '../../../core/package/manifest.js';
import { partyOf, respondentIdentity, type RespondentIdentity } from '../../../core/trust/respondent.js';
import type { ChainRow } from '../../../db/repos/iom/chains.js';
import type { RespondentRow } from '../../../db/repos/iom/respondents.js';
import { isoNow } from '../clock.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../atomic-file.js';
import type { ImportContext, IomRepos } from './context.js';
import {
  decideChain,
  decideSigner,
  type ChainBinding,
  type ChainDecision,
  type ChainFacts,
  type PackageClaim,
  type SignerDecision,
  type SignerFacts,
} from './trust-rules.js';

/**
 * Stage 7, signer trust: the facts trust-rules.ts decides on, read from iom.db, and the
 * decisions applied (a hold here; registration and binding in the store transaction).
 */

/** The claim of a package, with the respondent it names (core/trust/respondent.ts). */
export interface TrustClaim extends PackageClaim {
  readonly respondent: RespondentIdentity;
  readonly mechanismValue: string;
  readonly mechanismLabel: string;
  readonly mechanismKind: string;
}

export function claimOf(manifest: Manifest, responses: unknown): TrustClaim {
  const respondent = respondentIdentity({
    mechanism: manifest.mechanism,
    kind: manifest.respondent.kind,
    party: partyOf(manifest.respondent, responses),
  });
  return {
    submissionId: manifest.submissionId,
    rootId: manifest.rootId,
    supersedes: manifest.supersedes,
    fingerprint: manifest.signer.fingerprint,
    mechanismKey: respondent.mechanismKey,
    respondentKind: manifest.respondent.kind,
    respondent,
    mechanismValue: manifest.mechanism.value,
    mechanismLabel: manifest.mechanism.label,
    mechanismKind: manifest.mechanism.kind,
  };
}

export const bindingOf = (row: ChainRow): ChainBinding => ({
  rootId: row.root_id,
  fingerprint: row.fingerprint,
  signerName: row.signer_name,
  mechanismKey: row.mechanism,
  respondentKind: row.respondent_kind,
});

function chainOfSubmission(repos: Pick<IomRepos, 'chains'>, rootId: string, fallback: { fingerprint: string; name: string }): ChainBinding {
  const row = repos.chains.get(rootId);
  return row ? bindingOf(row) : { rootId, fingerprint: fallback.fingerprint, signerName: fallback.name, mechanismKey: '', respondentKind: '' };
}

export function chainFactsOf(repos: Pick<IomRepos, 'chains' | 'submissions'>, claim: PackageClaim): ChainFacts {
  const bound = repos.chains.get(claim.rootId);
  const previous = claim.supersedes === null ? undefined : repos.submissions.get(claim.supersedes);
  return {
    binding: bound ? bindingOf(bound) : null,
    supersededChain: previous
      ? chainOfSubmission(repos, previous.root_id, { fingerprint: previous.signer_fingerprint, name: previous.signer_name })
      : null,
    namedBy: repos.submissions
      .namingAsPrevious(claim.submissionId)
      .map((s) => chainOfSubmission(repos, s.root_id, { fingerprint: s.signer_fingerprint, name: s.signer_name })),
  };
}

/** Strict mode: the run's `--require-registered`, or the setting kept in iom.db. */
export const isStrict = (ctx: Pick<ImportContext, 'settings' | 'requireRegistered'>): boolean =>
  ctx.requireRegistered === true || ctx.settings.get().requireRegistered;

export function signerFactsOf(
  ctx: Pick<ImportContext, 'respondents' | 'signers' | 'settings' | 'requireRegistered'>,
  claim: TrustClaim,
  acceptedFingerprint?: string,
): SignerFacts {
  const respondent = ctx.respondents.byKey(claim.respondent.key);
  return {
    // iom.db 1 recorded rejections under the plain mechanism value (`other` for every "Other").
    rejected: ctx.signers.isRejected([claim.mechanismKey, claim.mechanismValue], claim.fingerprint),
    registered: respondent ? ctx.signers.forRespondent(respondent.id).map((s) => s.fingerprint) : [],
    strict: isStrict(ctx),
    acceptedNow: acceptedFingerprint === claim.fingerprint,
  };
}

export interface TrustDecision {
  readonly claim: TrustClaim;
  readonly chain: ChainDecision;
  readonly signer: SignerDecision;
}

export function decideTrust(ctx: ImportContext, manifest: Manifest, responses: unknown, acceptedFingerprint?: string): TrustDecision {
  const claim = claimOf(manifest, responses);
  return {
    claim,
    chain: decideChain(claim, chainFactsOf(ctx, claim)),
    signer: decideSigner(claim.fingerprint, signerFactsOf(ctx, claim, acceptedFingerprint)),
  };
}

/** Why a package was refused by rule C1–C3, naming the chain's signer (for the outcome's detail). */
export function mismatchDetail(decision: Extract<ChainDecision, { kind: 'mismatch' }>, claim: TrustClaim, manifest: Manifest): string {
  const c = decision.chain;
  const owner = `${c.signerName} (${c.fingerprint})`;
  switch (decision.reason) {
    case 'key':
      return `submission ${c.rootId} is signed by ${owner}; this package is signed by ${manifest.signer.name} (${claim.fingerprint})`;
    case 'mechanism':
      return `submission ${c.rootId} of ${owner} is for mechanism ${c.mechanismKey}; this package says ${claim.mechanismKey}`;
    case 'respondent_kind':
      return `submission ${c.rootId} of ${owner} answers as ${c.respondentKind}; this package says ${claim.respondentKind}`;
    case 'supersedes_other_chain':
      return `it supersedes ${claim.supersedes ?? ''}, which belongs to submission ${c.rootId} of ${owner}`;
    case 'named_by_other_chain':
      return `submission ${c.rootId} of ${owner} names this package's id as the revision it supersedes`;
  }
}

/** The respondent's row, created the first time a package, a card or the list names them. */
export function ensureRespondent(
  repos: Pick<IomRepos, 'respondents'>,
  who: RespondentIdentity,
  mechanism: { readonly label: string; readonly kind: string },
  at: string,
): RespondentRow {
  return repos.respondents.ensure({
    respondent_key: who.key,
    mechanism: who.mechanismKey,
    mechanism_label: mechanism.label,
    mechanism_kind: mechanism.kind,
    kind: who.kind,
    party: who.party,
    party_key: who.partyKey,
    created_at: at,
  });
}

/** Where a held package's copy lives: named by its hash, never by the file's own name. */
export const heldCopyPath = (ctx: Pick<ImportContext, 'dirs'>, packageSha256: string): string =>
  path.join(ctx.dirs.held, `${packageSha256}.iscm`);

/**
 * Keeps a copy of the package (the original may be on a USB stick that leaves) and records it
 * as held, with the respondent it claims, until someone accepts or rejects the key.
 */
export async function holdPackage(
  ctx: ImportContext,
  source: string,
  manifest: Manifest,
  packageSha256: string,
  trust: TrustDecision & { readonly signer: Extract<SignerDecision, { kind: 'hold' }> },
): Promise<void> {
  const target = heldCopyPath(ctx, packageSha256);
  const temp = tempPathBeside(target);
  try {
    await copyFile(source, temp);
    await commitTempFile(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  const at = isoNow(ctx.clock);
  const { claim, signer } = trust;
  const registered = signer.reason === 'key_change' ? signer.registered : [];
  ctx.db.transaction(() => {
    const respondent = ensureRespondent(ctx, claim.respondent, { label: claim.mechanismLabel, kind: claim.mechanismKind }, at);
    const held = ctx.held.hold({
      mechanism: claim.mechanismKey,
      fingerprint: claim.fingerprint,
      public_key: manifest.signer.publicKey,
      pinned_fingerprint: registered.join(','),
      signer_name: manifest.signer.name,
      submission_id: manifest.submissionId,
      revision: manifest.revision,
      file_name: path.basename(source),
      package_sha256: packageSha256,
      held_at: at,
      respondent_id: respondent.id,
      reason: signer.reason,
    });
    if (held.changes > 0)
      ctx.signers.recordEvent({
        mechanism: claim.mechanismKey,
        fingerprint: claim.fingerprint,
        public_key: manifest.signer.publicKey,
        action: 'held',
        actor: ctx.actor,
        at,
        respondent_key: claim.respondent.key,
        note:
          signer.reason === 'key_change'
            ? `package ${packageSha256.slice(0, 12)} (revision ${manifest.revision}) held; registered for ${claim.respondent.key}: ${registered.join(', ')}`
            : `package ${packageSha256.slice(0, 12)} (revision ${manifest.revision}) held; no key registered for ${claim.respondent.key} (strict mode)`,
      });
  })();
}
