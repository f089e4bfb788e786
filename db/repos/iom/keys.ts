import type { Db } from '../../open.js';

export interface PinnedKeyRow {
  readonly mechanism: string;
  readonly public_key: string;
  readonly fingerprint: string;
  readonly signer_name: string;
  readonly source: 'package' | 'card' | 'accepted';
  readonly pinned_at: string;
  readonly pinned_by: string;
}

export interface HeldPackageRow {
  readonly id: number;
  readonly mechanism: string;
  readonly fingerprint: string;
  readonly public_key: string;
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
}

export type NewHeldPackage = Omit<HeldPackageRow, 'id' | 'state' | 'decided_by' | 'decided_at'>;

export interface KeyEvent {
  readonly mechanism: string;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly action: 'pinned' | 'card' | 'held' | 'accepted' | 'rejected';
  readonly actor: string;
  readonly at: string;
  readonly note?: string;
}

/** Pinned keys, rejected keys, the key history and the packages held for a key review. */
export function keysRepo(db: Db) {
  const pinned = db.prepare<[string], PinnedKeyRow>('SELECT * FROM pinned_keys WHERE mechanism = ?');
  const allPinned = db.prepare<[], PinnedKeyRow>('SELECT * FROM pinned_keys ORDER BY mechanism');
  const pin = db.prepare<PinnedKeyRow>(
    `INSERT INTO pinned_keys (mechanism, public_key, fingerprint, signer_name, source, pinned_at, pinned_by)
     VALUES (@mechanism, @public_key, @fingerprint, @signer_name, @source, @pinned_at, @pinned_by)
     ON CONFLICT (mechanism) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint,
       signer_name = excluded.signer_name, source = excluded.source, pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by`,
  );
  const isRejected = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM rejected_keys WHERE mechanism = ? AND fingerprint = ?',
  );
  const reject = db.prepare<[string, string, string, string]>(
    'INSERT OR IGNORE INTO rejected_keys (mechanism, fingerprint, rejected_at, rejected_by) VALUES (?, ?, ?, ?)',
  );
  const unreject = db.prepare<[string, string]>('DELETE FROM rejected_keys WHERE mechanism = ? AND fingerprint = ?');
  const event = db.prepare<Required<KeyEvent>>(
    `INSERT INTO key_events (mechanism, fingerprint, public_key, action, actor, at, note)
     VALUES (@mechanism, @fingerprint, @public_key, @action, @actor, @at, @note)`,
  );
  const events = db.prepare<[], Required<KeyEvent> & { id: number }>('SELECT * FROM key_events ORDER BY id');
  const hold = db.prepare<NewHeldPackage>(
    `INSERT OR IGNORE INTO held_packages (mechanism, fingerprint, public_key, pinned_fingerprint, signer_name, submission_id,
       revision, file_name, package_sha256, held_at)
     VALUES (@mechanism, @fingerprint, @public_key, @pinned_fingerprint, @signer_name, @submission_id, @revision,
       @file_name, @package_sha256, @held_at)`,
  );
  const heldById = db.prepare<[number], HeldPackageRow>('SELECT * FROM held_packages WHERE id = ?');
  const heldOpen = db.prepare<[], HeldPackageRow>("SELECT * FROM held_packages WHERE state = 'held' ORDER BY id");
  const heldForKey = db.prepare<[string, string], HeldPackageRow>(
    "SELECT * FROM held_packages WHERE mechanism = ? AND fingerprint = ? AND state = 'held' ORDER BY revision, id",
  );
  const decide = db.prepare<[string, string, string, string, string]>(
    "UPDATE held_packages SET state = ?, decided_by = ?, decided_at = ? WHERE mechanism = ? AND fingerprint = ? AND state = 'held'",
  );
  return {
    pinned: (mechanism: string) => pinned.get(mechanism),
    allPinned: () => allPinned.all(),
    pin: (row: PinnedKeyRow) => pin.run(row),
    isRejected: (mechanism: string, fingerprint: string) => (isRejected.get(mechanism, fingerprint)?.n ?? 0) > 0,
    reject: (mechanism: string, fingerprint: string, at: string, by: string) => reject.run(mechanism, fingerprint, at, by),
    unreject: (mechanism: string, fingerprint: string) => unreject.run(mechanism, fingerprint),
    recordEvent: (e: KeyEvent) => event.run({ ...e, note: e.note ?? '' }),
    events: () => events.all(),
    hold: (row: NewHeldPackage) => hold.run(row),
    held: (id: number) => heldById.get(id),
    openHeld: () => heldOpen.all(),
    heldForKey: (mechanism: string, fingerprint: string) => heldForKey.all(mechanism, fingerprint),
    decideHeld: (state: 'accepted' | 'rejected', by: string, at: string, mechanism: string, fingerprint: string) =>
      decide.run(state, by, at, mechanism, fingerprint),
  };
}
export type KeysRepo = ReturnType<typeof keysRepo>;
