import type { Db } from '../../open.js';

export type HoldReason = 'key_change' | 'unregistered';

/** A package kept aside until IOM accepts or rejects the key that signed it. */
export interface HeldPackageRow {
  readonly id: number;
  /** The mechanism key of the respondent claimed. */
  readonly mechanism: string;
  readonly fingerprint: string;
  readonly public_key: string;
  /** The keys registered for the respondent claimed, comma-separated ('' when none: strict mode). */
  readonly pinned_fingerprint: string;
  readonly signer_name: string;
  readonly submission_id: string;
  readonly revision: number;
  readonly file_name: string;
  readonly package_sha256: string;
  readonly held_at: string;
  readonly state: 'held' | 'accepted' | 'rejected';
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  /** The respondent the package claims; null for packages held by iom.db 1 (read again on accept). */
  readonly respondent_id: number | null;
  readonly reason: HoldReason;
}

export type NewHeldPackage = Omit<HeldPackageRow, 'id' | 'state' | 'decided_by' | 'decided_at'>;

/** Statements over `held_packages`. */
export function heldRepo(db: Db) {
  const hold = db.prepare<NewHeldPackage>(
    `INSERT OR IGNORE INTO held_packages (mechanism, fingerprint, public_key, pinned_fingerprint, signer_name, submission_id,
       revision, file_name, package_sha256, held_at, respondent_id, reason)
     VALUES (@mechanism, @fingerprint, @public_key, @pinned_fingerprint, @signer_name, @submission_id, @revision,
       @file_name, @package_sha256, @held_at, @respondent_id, @reason)`,
  );
  const open = db.prepare<[], HeldPackageRow>("SELECT * FROM held_packages WHERE state = 'held' ORDER BY id");
  const forKey = db.prepare<[string], HeldPackageRow>(
    "SELECT * FROM held_packages WHERE fingerprint = ? AND state = 'held' ORDER BY revision, id",
  );
  const decide = db.prepare<[string, string, string, number]>(
    "UPDATE held_packages SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'held'",
  );
  return {
    hold: (row: NewHeldPackage) => hold.run(row),
    open: () => open.all(),
    /** The packages held for a key, all of them or only those claiming one respondent. */
    forKey: (fingerprint: string, respondentId?: number) =>
      forKey.all(fingerprint).filter((r) => respondentId === undefined || r.respondent_id === respondentId || r.respondent_id === null),
    decide: (ids: readonly number[], state: 'accepted' | 'rejected', by: string, at: string) => {
      for (const id of ids) decide.run(state, by, at, id);
    },
  };
}
export type HeldRepo = ReturnType<typeof heldRepo>;
