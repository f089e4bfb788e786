import type { Migration } from '../../migrate.js';

/**
 * IOM's import database (iom.db): every imported revision (history kept), the key pinned per
 * mechanism and every decision about keys, packages held for a key review, the quarantine of
 * rejected files, and one log row per file of each import batch.
 */
export const iomMigration0001: Migration = {
  version: 1,
  name: '0001-iom',
  up: (db) => {
    db.exec(`
      CREATE TABLE submissions (
        submission_id TEXT PRIMARY KEY,
        root_id TEXT NOT NULL,
        supersedes TEXT,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
        questionnaire_id TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        mechanism TEXT NOT NULL,
        mechanism_label TEXT NOT NULL,
        mechanism_kind TEXT NOT NULL,
        respondent_kind TEXT NOT NULL,
        respondent_json TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        signer_title TEXT NOT NULL,
        signer_public_key TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        finalized_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        signature TEXT NOT NULL,
        responses_json TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_by_root ON submissions (root_id, revision);
      CREATE INDEX submissions_by_mechanism ON submissions (mechanism, is_current);

      CREATE TABLE submission_attachments (
        submission_id TEXT NOT NULL REFERENCES submissions(submission_id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        PRIMARY KEY (submission_id, sha256)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE pinned_keys (
        mechanism TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('package', 'card', 'accepted')),
        pinned_at TEXT NOT NULL,
        pinned_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE rejected_keys (
        mechanism TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        rejected_at TEXT NOT NULL,
        rejected_by TEXT NOT NULL,
        PRIMARY KEY (mechanism, fingerprint)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE key_events (
        id INTEGER PRIMARY KEY,
        mechanism TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        public_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('pinned', 'card', 'held', 'accepted', 'rejected')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE held_packages (
        id INTEGER PRIMARY KEY,
        mechanism TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        public_key TEXT NOT NULL,
        pinned_fingerprint TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        submission_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        package_sha256 TEXT NOT NULL UNIQUE,
        held_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'accepted', 'rejected')),
        decided_by TEXT,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX held_by_key ON held_packages (mechanism, fingerprint, state);

      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_path TEXT NOT NULL,
        file_sha256 TEXT,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE import_log (
        id INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT,
        outcome TEXT NOT NULL,
        code TEXT NOT NULL,
        submission_id TEXT,
        at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
