import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import type { Manifest } from '../../../core/package/manifest.js';
import { isoNow } from '../clock.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../atomic-file.js';
import type { ImportContext } from './context.js';

/** Stage 7: the signer's key against the key pinned for the mechanism. */
export type KeyDecision =
  | { readonly kind: 'pin' } // no key yet: the first one seen is pinned when the package is stored
  | { readonly kind: 'pinned' } // the pinned key signed it
  | { readonly kind: 'rejected' } // a key IOM rejected for this mechanism
  | { readonly kind: 'changed'; readonly pinnedFingerprint: string };

export function decideKey(ctx: ImportContext, manifest: Manifest): KeyDecision {
  const mechanism = manifest.mechanism.value;
  const fingerprint = manifest.signer.fingerprint;
  if (ctx.keys.isRejected(mechanism, fingerprint)) return { kind: 'rejected' };
  const pinned = ctx.keys.pinned(mechanism);
  if (!pinned) return { kind: 'pin' };
  if (pinned.fingerprint === fingerprint) return { kind: 'pinned' };
  return { kind: 'changed', pinnedFingerprint: pinned.fingerprint };
}

/** Where a held package's copy lives: named by its hash, never by the file's own name. */
export const heldCopyPath = (ctx: Pick<ImportContext, 'dirs'>, packageSha256: string): string =>
  path.join(ctx.dirs.held, `${packageSha256}.iscm`);

/**
 * Keeps a copy of the package (the original may be on a USB stick that leaves) and records it
 * as held until someone accepts or rejects the new key.
 */
export async function holdPackage(
  ctx: ImportContext,
  source: string,
  manifest: Manifest,
  packageSha256: string,
  pinnedFingerprint: string,
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
  ctx.db.transaction(() => {
    const held = ctx.keys.hold({
      mechanism: manifest.mechanism.value,
      fingerprint: manifest.signer.fingerprint,
      public_key: manifest.signer.publicKey,
      pinned_fingerprint: pinnedFingerprint,
      signer_name: manifest.signer.name,
      submission_id: manifest.submissionId,
      revision: manifest.revision,
      file_name: path.basename(source),
      package_sha256: packageSha256,
      held_at: at,
    });
    if (held.changes > 0)
      ctx.keys.recordEvent({
        mechanism: manifest.mechanism.value,
        fingerprint: manifest.signer.fingerprint,
        public_key: manifest.signer.publicKey,
        action: 'held',
        actor: ctx.actor,
        at,
        note: `package ${packageSha256.slice(0, 12)} (revision ${manifest.revision}) held; pinned key is ${pinnedFingerprint}`,
      });
  })();
}
