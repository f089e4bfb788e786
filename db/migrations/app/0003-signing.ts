import type { Migration } from '../../migrate.js';

/**
 * Signing identities, finalized revisions and their exports (architecture §3, §5).
 *
 * - `identities`: one signing key each; the private key only as the encrypted record
 *   (scrypt + AES-256-GCM, maybe wrapped by the OS store), never in the clear.
 * - `submissions`: finalized revisions. Immutable: triggers refuse UPDATE and DELETE, so
 *   a bug elsewhere cannot rewrite what was signed. `supersedes` is UNIQUE so a revision
 *   is amended at most once (the chain stays a line).
 * - `submission_attachments`: the files a revision froze; the foreign key keeps the
 *   attachment store's row (and so the clean-up) from dropping a file a revision needs.
 * - `draft_amendments`: the draft opened by "Amend", and the revision it will supersede.
 * - `submission_exports`: every package written (time, path, SHA-256, size).
 */
export const migration0003: Migration = {
  version: 3,
  name: '0003-signing',
  up: (db) => {
    db.exec(`
      CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        organisation TEXT NOT NULL,
        mechanism TEXT,
        email TEXT NOT NULL,
        public_key TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL UNIQUE,
        encrypted_key_json TEXT NOT NULL,
        os_protection TEXT NOT NULL CHECK (os_protection IN ('none', 'safe_storage')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        root_id TEXT NOT NULL,
        supersedes TEXT UNIQUE REFERENCES submissions(id),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        draft_id TEXT NOT NULL UNIQUE,
        identity_id TEXT NOT NULL REFERENCES identities(id),
        questionnaire_id TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        language TEXT NOT NULL,
        mechanism_json TEXT NOT NULL,
        respondent_json TEXT NOT NULL,
        signer_json TEXT NOT NULL,
        recipients_json TEXT NOT NULL,
        responses_json TEXT NOT NULL,
        attachments_json TEXT NOT NULL,
        app_name TEXT NOT NULL,
        app_version TEXT NOT NULL,
        finalized_at TEXT NOT NULL,
        UNIQUE (root_id, revision),
        CHECK ((revision = 1) = (supersedes IS NULL)),
        CHECK (revision > 1 OR root_id = id)
      ) STRICT;

      CREATE TRIGGER submissions_are_immutable BEFORE UPDATE ON submissions
      BEGIN SELECT RAISE(ABORT, 'a finalized revision cannot be changed'); END;
      CREATE TRIGGER submissions_are_kept BEFORE DELETE ON submissions
      BEGIN SELECT RAISE(ABORT, 'a finalized revision cannot be deleted'); END;

      CREATE TABLE submission_attachments (
        submission_id TEXT NOT NULL REFERENCES submissions(id),
        sha256 TEXT NOT NULL REFERENCES attachments(sha256),
        PRIMARY KEY (submission_id, sha256)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE draft_amendments (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
        amends_submission_id TEXT NOT NULL REFERENCES submissions(id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE submission_exports (
        id INTEGER PRIMARY KEY,
        submission_id TEXT NOT NULL REFERENCES submissions(id),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        exported_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX submission_exports_by_submission ON submission_exports (submission_id, id);
    `);
  },
};
