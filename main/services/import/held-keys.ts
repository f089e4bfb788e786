import { AppError } from '../../../core/contract/errors.js';
import type { HeldPackageRow, HoldReason } from '../../../db/repos/iom/held.js';
import type { RespondentRow } from '../../../db/repos/iom/respondents.js';
import { isoNow } from '../clock.js';
import type { ImportContext, IomRepos } from './context.js';
import { importFile } from './import-file.js';
import type { FileOutcome } from './outcomes.js';
import { heldCopyPath } from './trust-stage.js';

/** The respondent a held key claims, as the registry and the status show it. */
export interface RespondentRef {
  /** Empty for packages held by iom.db 1, whose respondent is read again when the key is accepted. */
  readonly respondentKey: string;
  readonly mechanism: string;
  readonly mechanismLabel: string;
  readonly kind: string;
  readonly party: string;
}

/** A key waiting for a decision for one respondent, with the packages it signed. */
export interface HeldKey {
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly signerName: string;
  readonly reason: HoldReason;
  readonly respondent: RespondentRef;
  /** The keys registered for that respondent (none in strict mode's "not registered"). */
  readonly registeredFingerprints: readonly string[];
  readonly packages: readonly { id: number; fileName: string; submissionId: string; revision: number; heldAt: string }[];
}

export const respondentRef = (r: RespondentRow | undefined, mechanism: string): RespondentRef =>
  r
    ? { respondentKey: r.respondent_key, mechanism: r.mechanism, mechanismLabel: r.mechanism_label, kind: r.kind, party: r.party }
    : { respondentKey: '', mechanism, mechanismLabel: mechanism, kind: '', party: '' };

export function listHeldKeys(repos: Pick<IomRepos, 'held' | 'respondents'>): HeldKey[] {
  const byKey = new Map<string, HeldKey & { packages: HeldKey['packages'][number][] }>();
  for (const row of repos.held.open()) {
    const id = `${row.fingerprint}\n${String(row.respondent_id)}\n${row.reason}`;
    const entry = byKey.get(id) ?? {
      fingerprint: row.fingerprint,
      publicKey: row.public_key,
      signerName: row.signer_name,
      reason: row.reason,
      respondent: respondentRef(row.respondent_id === null ? undefined : repos.respondents.byId(row.respondent_id), row.mechanism),
      registeredFingerprints: row.pinned_fingerprint === '' ? [] : row.pinned_fingerprint.split(','),
      packages: [],
    };
    entry.packages.push({ id: row.id, fileName: row.file_name, submissionId: row.submission_id, revision: row.revision, heldAt: row.held_at });
    byKey.set(id, entry);
  }
  return [...byKey.values()];
}

/** The packages held for a key, all of them or those claiming one respondent (`respondentKey`). */
function findHeld(ctx: ImportContext, fingerprint: string, respondentKey: string | undefined): HeldPackageRow[] {
  const respondent = respondentKey === undefined ? undefined : ctx.respondents.byKey(respondentKey);
  if (respondentKey !== undefined && !respondent) throw new AppError('NOT_FOUND', `No respondent ${respondentKey} is known.`);
  const rows = ctx.held.forKey(fingerprint, respondent?.id);
  if (rows.length === 0)
    throw new AppError('NOT_FOUND', `No package is held for key ${fingerprint}${respondentKey ? ` for ${respondentKey}` : ''}.`);
  return rows;
}

const checkActor = (actor: string): string => {
  const trimmed = actor.trim();
  if (trimmed.length === 0) throw new AppError('INVALID_INPUT', 'Say who takes the decision: it is recorded with the key.');
  return trimmed.slice(0, 200);
};

/**
 * Accepts a key for the respondents its held packages claim (rule K3): it is registered for
 * each of them (recorded with who and when), beside the keys they already have; no other
 * respondent's key changes. Every package held for it is then imported again from IOM's copy,
 * through every check (a package that breaks a chain's binding is still refused).
 */
export async function acceptHeldKey(ctx: ImportContext, fingerprint: string, respondentKey: string | undefined, actor: string): Promise<FileOutcome[]> {
  const by = checkActor(actor);
  const rows = findHeld(ctx, fingerprint, respondentKey);
  const at = isoNow(ctx.clock);
  ctx.db
    .transaction(() => {
      for (const row of rows) {
        const respondent = row.respondent_id === null ? undefined : ctx.respondents.byId(row.respondent_id);
        ctx.signers.unreject(row.mechanism, fingerprint);
        if (respondent)
          ctx.signers.register({
            respondent_id: respondent.id,
            fingerprint,
            public_key: row.public_key,
            name: row.signer_name,
            title: '',
            organisation: '',
            email: '',
            source: 'accepted',
            registered_at: at,
            registered_by: by,
          });
        ctx.signers.recordEvent({
          mechanism: row.mechanism,
          fingerprint,
          public_key: row.public_key,
          action: 'accepted',
          actor: by,
          at,
          respondent_key: respondent?.respondent_key ?? '',
          note: row.pinned_fingerprint ? `beside ${row.pinned_fingerprint}` : 'not registered before',
        });
      }
      ctx.held.decide(
        rows.map((r) => r.id),
        'accepted',
        by,
        at,
      );
    })
    .immediate();
  const outcomes: FileOutcome[] = [];
  const batchId = `accept-${at}`;
  for (const row of rows) outcomes.push(await importFile({ ...ctx, actor: by }, heldCopyPath(ctx, row.package_sha256), batchId, row.file_name, fingerprint));
  return outcomes;
}

/**
 * Rejects a key: it is refused for the mechanisms of the respondents its held packages claim
 * (rule K1), its held packages go to the quarantine, and nothing registered changes.
 */
export function rejectHeldKey(ctx: ImportContext, fingerprint: string, respondentKey: string | undefined, actor: string): number {
  const by = checkActor(actor);
  const rows = findHeld(ctx, fingerprint, respondentKey);
  const at = isoNow(ctx.clock);
  ctx.db
    .transaction(() => {
      for (const row of rows) {
        ctx.signers.reject(row.mechanism, fingerprint, at, by);
        ctx.signers.recordEvent({ mechanism: row.mechanism, fingerprint, public_key: row.public_key, action: 'rejected', actor: by, at });
        ctx.quarantine.add({
          file_name: row.file_name,
          file_path: heldCopyPath(ctx, row.package_sha256),
          file_sha256: row.package_sha256,
          stage: 'key',
          code: 'KEY_REJECTED',
          message: 'The package is signed by a key that IOM rejected for this mechanism.',
          detail: `rejected by ${by}`,
          at,
          mechanism: row.mechanism,
          submission_id: row.submission_id,
        });
      }
      ctx.held.decide(
        rows.map((r) => r.id),
        'rejected',
        by,
        at,
      );
    })
    .immediate();
  return rows.length;
}
