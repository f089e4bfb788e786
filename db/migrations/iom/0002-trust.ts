import type { Database } from 'better-sqlite3';
import { partyOf, respondentIdentity, type RespondentIdentity } from '../../../core/trust/respondent.js';
import type { Migration } from '../../migrate.js';

/**
 * The trust unit becomes the respondent and their revision chain (issue 12), instead of one
 * key pinned per mechanism:
 *
 * - `respondents`: everyone IOM has heard of, keyed by core/trust/respondent.ts (mechanism,
 *   kind, State or organisation), and whether IOM's list expects them to answer.
 * - `signers`: the key registry; a respondent has as many keys as IOM accepted for them, and a
 *   mechanism as many as it has respondents.
 * - `chains`: each revision chain (root id) bound to the key, mechanism and respondent kind of
 *   the first revision IOM stored of it; counted, or withdrawn as a duplicate (who, when).
 * - `chain_events`, `settings` (strict mode); on `submissions` the respondent each revision is
 *   filed under; on `held_packages` the respondent claimed and why it is held; on `quarantine`
 *   the mechanism and submission when the manifest was read.
 *
 * Existing data is carried over, nothing dropped: every pinned key becomes a registered signer
 * (for the respondents of the submissions it signed, or the mechanism's secretariat when it
 * signed none, as a key card pinned ahead of time was the secretariat's), every key that signed
 * a stored submission is registered for that submission's respondent, every chain is bound to
 * the key of its current revision (the one IOM last accepted), and `pinned_keys` is kept,
 * unchanged, as `legacy_pinned_keys`.
 */

const MIGRATED_BY = 'migration 0002';

interface SubmissionFacts {
  readonly submission_id: string;
  readonly root_id: string;
  readonly revision: number;
  readonly mechanism: string;
  readonly mechanism_label: string;
  readonly mechanism_kind: string;
  readonly respondent_kind: string;
  readonly signer_fingerprint: string;
  readonly signer_public_key: string;
  readonly signer_name: string;
  readonly manifest_json: string;
  readonly responses_json: string;
  readonly imported_at: string;
}

interface PinnedKey {
  readonly mechanism: string;
  readonly public_key: string;
  readonly fingerprint: string;
  readonly signer_name: string;
  readonly source: 'package' | 'card' | 'accepted';
  readonly pinned_at: string;
  readonly pinned_by: string;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const record = (json: string): Record<string, unknown> => {
  try {
    return asRecord(JSON.parse(json));
  } catch {
    return {};
  }
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function createTables(db: Database): void {
  db.exec(`
    CREATE TABLE respondents (
      id INTEGER PRIMARY KEY,
      respondent_key TEXT NOT NULL UNIQUE,
      mechanism TEXT NOT NULL,
      mechanism_label TEXT NOT NULL,
      mechanism_kind TEXT NOT NULL,
      kind TEXT NOT NULL,
      party TEXT NOT NULL,
      party_key TEXT NOT NULL,
      expected INTEGER NOT NULL DEFAULT 0 CHECK (expected IN (0, 1)),
      expected_at TEXT,
      expected_by TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX respondents_by_mechanism ON respondents (mechanism, kind);

    CREATE TABLE signers (
      id INTEGER PRIMARY KEY,
      respondent_id INTEGER NOT NULL REFERENCES respondents(id),
      fingerprint TEXT NOT NULL,
      public_key TEXT NOT NULL,
      name TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL CHECK (source IN ('package', 'card', 'list', 'accepted', 'migrated')),
      registered_at TEXT NOT NULL,
      registered_by TEXT NOT NULL,
      UNIQUE (respondent_id, fingerprint)
    ) STRICT;
    CREATE INDEX signers_by_fingerprint ON signers (fingerprint);

    CREATE TABLE chains (
      root_id TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      public_key TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      mechanism TEXT NOT NULL,
      respondent_kind TEXT NOT NULL,
      respondent_id INTEGER NOT NULL REFERENCES respondents(id),
      bound_at TEXT NOT NULL,
      bound_by_submission TEXT NOT NULL,
      new_signer INTEGER NOT NULL CHECK (new_signer IN (0, 1)),
      state TEXT NOT NULL DEFAULT 'counted' CHECK (state IN ('counted', 'withdrawn')),
      state_by TEXT,
      state_at TEXT
    ) STRICT;
    CREATE INDEX chains_by_respondent ON chains (respondent_id, state);

    CREATE TABLE chain_events (
      id INTEGER PRIMARY KEY,
      root_id TEXT NOT NULL REFERENCES chains(root_id),
      action TEXT NOT NULL CHECK (action IN ('bound', 'counted', 'withdrawn')),
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE key_events_new (
      id INTEGER PRIMARY KEY,
      mechanism TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      public_key TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('pinned', 'card', 'held', 'accepted', 'rejected', 'registered', 'list', 'migrated')),
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      respondent_key TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO key_events_new (id, mechanism, fingerprint, public_key, action, actor, at, note)
      SELECT id, mechanism, fingerprint, public_key, action, actor, at, note FROM key_events;
    DROP TABLE key_events;
    ALTER TABLE key_events_new RENAME TO key_events;

    ALTER TABLE held_packages ADD COLUMN respondent_id INTEGER REFERENCES respondents(id);
    ALTER TABLE held_packages ADD COLUMN reason TEXT NOT NULL DEFAULT 'key_change' CHECK (reason IN ('key_change', 'unregistered'));
    CREATE INDEX held_by_fingerprint ON held_packages (fingerprint, state);

    ALTER TABLE submissions ADD COLUMN respondent_id INTEGER REFERENCES respondents(id);
    CREATE INDEX submissions_by_respondent ON submissions (respondent_id);
    CREATE INDEX submissions_by_supersedes ON submissions (supersedes);

    ALTER TABLE quarantine ADD COLUMN mechanism TEXT;
    ALTER TABLE quarantine ADD COLUMN submission_id TEXT;

    ALTER TABLE pinned_keys RENAME TO legacy_pinned_keys;
  `);
}

function carryOver(db: Database): void {
  const submissions = db
    .prepare<[], SubmissionFacts>(
      `SELECT submission_id, root_id, revision, mechanism, mechanism_label, mechanism_kind, respondent_kind, signer_fingerprint,
         signer_public_key, signer_name, manifest_json, responses_json, imported_at
       FROM submissions ORDER BY imported_at, rowid`,
    )
    .all();
  const pinned = db.prepare<[], PinnedKey>('SELECT * FROM legacy_pinned_keys ORDER BY mechanism').all();

  const findRespondent = db.prepare<[string], { id: number }>('SELECT id FROM respondents WHERE respondent_key = ?');
  const addRespondent = db.prepare(
    `INSERT INTO respondents (respondent_key, mechanism, mechanism_label, mechanism_kind, kind, party, party_key, created_at)
     VALUES (@key, @mechanism, @label, @mechanismKind, @kind, @party, @partyKey, @at)`,
  );
  const respondentId = (who: RespondentIdentity, label: string, mechanismKind: string, at: string): number => {
    const found = findRespondent.get(who.key);
    if (found) return found.id;
    const info = addRespondent.run({ key: who.key, mechanism: who.mechanismKey, label, mechanismKind, kind: who.kind, party: who.party, partyKey: who.partyKey, at });
    return Number(info.lastInsertRowid);
  };
  const register = db.prepare(
    `INSERT OR IGNORE INTO signers (respondent_id, fingerprint, public_key, name, title, organisation, email, source, registered_at, registered_by)
     VALUES (@respondentId, @fingerprint, @publicKey, @name, @title, @organisation, @email, @source, @at, @by)`,
  );

  const identityOf = (s: SubmissionFacts): RespondentIdentity => {
    const manifest = record(s.manifest_json);
    const respondent = asRecord(manifest.respondent);
    const state = respondent.state;
    return respondentIdentity({
      mechanism: { value: s.mechanism, label: s.mechanism_label },
      kind: s.respondent_kind,
      party: partyOf(
        { kind: s.respondent_kind, organisation: str(respondent.organisation), state: typeof state === 'string' ? state : undefined },
        record(s.responses_json),
      ),
    });
  };
  const signerOf = (s: SubmissionFacts) => {
    const signer = asRecord(record(s.manifest_json).signer);
    return { name: s.signer_name, title: str(signer.title), organisation: str(signer.organisation), email: str(signer.email) };
  };
  const who = new Map(submissions.map((s) => [s.submission_id, identityOf(s)]));

  // Pinned keys first, so a key's registration keeps how and when it was pinned, and by whom.
  for (const p of pinned) {
    const signed = submissions.filter((s) => s.mechanism === p.mechanism && s.signer_fingerprint === p.fingerprint);
    const targets =
      signed.length > 0
        ? signed.map((s) => ({ id: respondentId(who.get(s.submission_id) ?? identityOf(s), s.mechanism_label, s.mechanism_kind, s.imported_at), signer: signerOf(s) }))
        : [
            {
              id: respondentId(
                respondentIdentity({ mechanism: { value: p.mechanism, label: '' }, kind: 'secretariat', party: '' }),
                submissions.find((s) => s.mechanism === p.mechanism)?.mechanism_label ?? p.mechanism,
                submissions.find((s) => s.mechanism === p.mechanism)?.mechanism_kind ?? '',
                p.pinned_at,
              ),
              signer: { name: p.signer_name, title: '', organisation: '', email: '' },
            },
          ];
    for (const t of targets)
      register.run({ respondentId: t.id, fingerprint: p.fingerprint, publicKey: p.public_key, ...t.signer, source: p.source, at: p.pinned_at, by: p.pinned_by });
  }

  // Every key that signed a stored submission was accepted under the old rules.
  const respondentOfSubmission = new Map<string, number>();
  const fileUnder = db.prepare<[number, string]>('UPDATE submissions SET respondent_id = ? WHERE submission_id = ?');
  for (const s of submissions) {
    const id = respondentId(who.get(s.submission_id) ?? identityOf(s), s.mechanism_label, s.mechanism_kind, s.imported_at);
    respondentOfSubmission.set(s.submission_id, id);
    fileUnder.run(id, s.submission_id);
    register.run({ respondentId: id, fingerprint: s.signer_fingerprint, publicKey: s.signer_public_key, ...signerOf(s), source: 'migrated', at: s.imported_at, by: MIGRATED_BY });
  }

  // Each chain is bound to the key of its current revision: under the old rules a chain could
  // move to a key IOM accepted for the mechanism, and that key is the one its next revision uses.
  const byRoot = new Map<string, SubmissionFacts[]>();
  for (const s of submissions) byRoot.set(s.root_id, [...(byRoot.get(s.root_id) ?? []), s]);
  const bind = db.prepare(
    `INSERT INTO chains (root_id, fingerprint, public_key, signer_name, mechanism, respondent_kind, respondent_id, bound_at, bound_by_submission, new_signer)
     VALUES (@root, @fingerprint, @publicKey, @signerName, @mechanism, @kind, @respondentId, @at, @submission, 0)`,
  );
  const event = db.prepare("INSERT INTO chain_events (root_id, action, actor, at, note) VALUES (?, 'bound', ?, ?, ?)");
  for (const [root, revisions] of byRoot) {
    const head = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
    const first = revisions[0] ?? head;
    const keys = [...new Set(revisions.map((r) => r.signer_fingerprint))];
    bind.run({
      root,
      fingerprint: head.signer_fingerprint,
      publicKey: head.signer_public_key,
      signerName: head.signer_name,
      mechanism: (who.get(head.submission_id) ?? identityOf(head)).mechanismKey,
      kind: head.respondent_kind,
      respondentId: respondentOfSubmission.get(head.submission_id) ?? 0,
      at: first.imported_at,
      submission: head.submission_id,
    });
    event.run(
      root,
      MIGRATED_BY,
      first.imported_at,
      keys.length > 1
        ? `bound to the key of revision ${head.revision}; earlier revisions were signed by ${keys.filter((k) => k !== head.signer_fingerprint).join(', ')}`
        : `bound to the key of revision ${head.revision}`,
    );
  }
}

export const iomMigration0002: Migration = {
  version: 2,
  name: '0002-trust',
  up: (db) => {
    createTables(db);
    carryOver(db);
  },
};
