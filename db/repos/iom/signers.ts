import type { Db } from '../../open.js';

export type SignerSource = 'package' | 'card' | 'list' | 'accepted' | 'migrated';

/** A key registered for a respondent. */
export interface SignerRow {
  readonly id: number;
  readonly respondent_id: number;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly email: string;
  /** package: recorded on first use ("new signer"); card, list: pre-registered; accepted: after a hold; migrated: from iom.db 1. */
  readonly source: SignerSource;
  readonly registered_at: string;
  readonly registered_by: string;
}
export type NewSigner = Omit<SignerRow, 'id'>;

/** A signer with the respondent it is registered for, for the registry's listing. */
export interface RegisteredSignerRow extends SignerRow {
  readonly respondent_key: string;
  readonly mechanism: string;
  readonly mechanism_label: string;
  readonly kind: string;
  readonly party: string;
  /** Chains bound to this key for this respondent. */
  readonly chains: number;
}

export type KeyAction = 'pinned' | 'card' | 'held' | 'accepted' | 'rejected' | 'registered' | 'list' | 'migrated';

export interface KeyEvent {
  readonly mechanism: string;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly action: KeyAction;
  readonly actor: string;
  readonly at: string;
  readonly note?: string;
  readonly respondent_key?: string;
}

/** The key registry (`signers`), the keys IOM rejected per mechanism, and the history of key decisions. */
export function signersRepo(db: Db) {
  const forRespondent = db.prepare<[number], SignerRow>('SELECT * FROM signers WHERE respondent_id = ? ORDER BY id');
  const one = db.prepare<[number, string], SignerRow>('SELECT * FROM signers WHERE respondent_id = ? AND fingerprint = ?');
  const insert = db.prepare<NewSigner>(
    `INSERT OR IGNORE INTO signers (respondent_id, fingerprint, public_key, name, title, organisation, email, source, registered_at, registered_by)
     VALUES (@respondent_id, @fingerprint, @public_key, @name, @title, @organisation, @email, @source, @registered_at, @registered_by)`,
  );
  const all = db.prepare<[], RegisteredSignerRow>(
    `SELECT s.*, r.respondent_key, r.mechanism, r.mechanism_label, r.kind, r.party,
       (SELECT count(*) FROM chains c WHERE c.respondent_id = s.respondent_id AND c.fingerprint = s.fingerprint) AS chains
     FROM signers s JOIN respondents r ON r.id = s.respondent_id
     ORDER BY r.mechanism, r.kind, r.party_key, s.id`,
  );
  const isRejected = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM rejected_keys WHERE mechanism = ? AND fingerprint = ?');
  const reject = db.prepare<[string, string, string, string]>(
    'INSERT OR IGNORE INTO rejected_keys (mechanism, fingerprint, rejected_at, rejected_by) VALUES (?, ?, ?, ?)',
  );
  const unreject = db.prepare<[string, string]>('DELETE FROM rejected_keys WHERE mechanism = ? AND fingerprint = ?');
  const event = db.prepare<Required<KeyEvent>>(
    `INSERT INTO key_events (mechanism, fingerprint, public_key, action, actor, at, note, respondent_key)
     VALUES (@mechanism, @fingerprint, @public_key, @action, @actor, @at, @note, @respondent_key)`,
  );
  const events = db.prepare<[], Required<KeyEvent> & { id: number }>('SELECT * FROM key_events ORDER BY id');
  return {
    forRespondent: (respondentId: number) => forRespondent.all(respondentId),
    get: (respondentId: number, fingerprint: string) => one.get(respondentId, fingerprint),
    /** Adds a key for a respondent; a key already registered for them is left as it was (returns false). */
    register: (row: NewSigner): boolean => insert.run(row).changes > 0,
    all: () => all.all(),
    /** Rejected for a mechanism (its key, and for rows from iom.db 1, its plain value such as `other`). */
    isRejected: (mechanisms: readonly string[], fingerprint: string) => mechanisms.some((m) => (isRejected.get(m, fingerprint)?.n ?? 0) > 0),
    reject: (mechanism: string, fingerprint: string, at: string, by: string) => reject.run(mechanism, fingerprint, at, by),
    unreject: (mechanism: string, fingerprint: string) => unreject.run(mechanism, fingerprint),
    recordEvent: (e: KeyEvent) => event.run({ ...e, note: e.note ?? '', respondent_key: e.respondent_key ?? '' }),
    events: () => events.all(),
  };
}
export type SignersRepo = ReturnType<typeof signersRepo>;
