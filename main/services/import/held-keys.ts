import { AppError } from '../../../core/contract/errors.js';
import { isoNow } from '../clock.js';
import type { ImportContext } from './context.js';
import { importFile } from './import-file.js';
import { heldCopyPath } from './key-stage.js';
import type { FileOutcome } from './outcomes.js';

/** A new key waiting for a decision, with the packages it signed. */
export interface HeldKey {
  readonly mechanism: string;
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly signerName: string;
  readonly pinnedFingerprint: string;
  readonly packages: readonly { id: number; fileName: string; submissionId: string; revision: number; heldAt: string }[];
}

export function listHeldKeys(ctx: Pick<ImportContext, 'keys'>): HeldKey[] {
  const byKey = new Map<string, HeldKey & { packages: HeldKey['packages'][number][] }>();
  for (const row of ctx.keys.openHeld()) {
    const id = `${row.mechanism}\n${row.fingerprint}`;
    const entry = byKey.get(id) ?? {
      mechanism: row.mechanism,
      fingerprint: row.fingerprint,
      publicKey: row.public_key,
      signerName: row.signer_name,
      pinnedFingerprint: row.pinned_fingerprint,
      packages: [],
    };
    entry.packages.push({ id: row.id, fileName: row.file_name, submissionId: row.submission_id, revision: row.revision, heldAt: row.held_at });
    byKey.set(id, entry);
  }
  return [...byKey.values()];
}

function findHeld(ctx: ImportContext, mechanism: string, fingerprint: string) {
  const rows = ctx.keys.heldForKey(mechanism, fingerprint);
  const first = rows[0];
  if (!first) throw new AppError('NOT_FOUND', `No package is held for key ${fingerprint} of mechanism ${mechanism}.`);
  return { rows, first };
}

const checkActor = (actor: string): string => {
  const trimmed = actor.trim();
  if (trimmed.length === 0) throw new AppError('INVALID_INPUT', 'Say who takes the decision: it is recorded with the key.');
  return trimmed.slice(0, 200);
};

/**
 * Accepts a new key for a mechanism: it becomes the pinned key (recorded with who and when), and
 * every package held for it is imported again from IOM's copy.
 */
export async function acceptHeldKey(ctx: ImportContext, mechanism: string, fingerprint: string, actor: string): Promise<FileOutcome[]> {
  const by = checkActor(actor);
  const { rows, first } = findHeld(ctx, mechanism, fingerprint);
  const at = isoNow(ctx.clock);
  ctx.db.transaction(() => {
    ctx.keys.pin({ mechanism, public_key: first.public_key, fingerprint, signer_name: first.signer_name, source: 'accepted', pinned_at: at, pinned_by: by });
    ctx.keys.unreject(mechanism, fingerprint);
    ctx.keys.recordEvent({ mechanism, fingerprint, public_key: first.public_key, action: 'accepted', actor: by, at, note: `replaces ${first.pinned_fingerprint}` });
    ctx.keys.decideHeld('accepted', by, at, mechanism, fingerprint);
  }).immediate();
  const outcomes: FileOutcome[] = [];
  const batchId = `accept-${at}`;
  for (const row of rows) outcomes.push(await importFile(ctx, heldCopyPath(ctx, row.package_sha256), batchId, row.file_name));
  return outcomes;
}

/** Rejects a new key: its held packages go to the quarantine, and later packages it signs are refused. */
export function rejectHeldKey(ctx: ImportContext, mechanism: string, fingerprint: string, actor: string): number {
  const by = checkActor(actor);
  const { rows, first } = findHeld(ctx, mechanism, fingerprint);
  const at = isoNow(ctx.clock);
  ctx.db.transaction(() => {
    ctx.keys.reject(mechanism, fingerprint, at, by);
    ctx.keys.recordEvent({ mechanism, fingerprint, public_key: first.public_key, action: 'rejected', actor: by, at });
    ctx.keys.decideHeld('rejected', by, at, mechanism, fingerprint);
    for (const row of rows)
      ctx.quarantine.add({
        file_name: row.file_name,
        file_path: heldCopyPath(ctx, row.package_sha256),
        file_sha256: row.package_sha256,
        stage: 'key',
        code: 'KEY_REJECTED',
        message: 'The package is signed by a key that IOM rejected for this mechanism.',
        detail: `rejected by ${by}`,
        at,
      });
  }).immediate();
  return rows.length;
}
