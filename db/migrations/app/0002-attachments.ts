import type { Migration } from '../../migrate.js';

/**
 * The attachment store's index, and a note on answer events.
 *
 * - `attachments`: one row per stored file (the file itself is `<dataDir>/attachments/<aa>/<sha256>`);
 *   the name is the first name it was added under, for display only.
 * - `attachment_uses`: which draft referenced which file, so emptying the trash or a
 *   later clean-up knows which files are still needed.
 * - `answer_events.note`: why an event was written when it was not typed by the user,
 *   e.g. "copied from <draft id>" for a duplicated draft.
 * - `drafts.progress`: the draft's progress (0 to 1) as last computed from its answers,
 *   so the home list does not evaluate every draft at each start; NULL when not known
 *   (any change to the answers clears it). Derived data only: never a source of truth.
 * - an index for the home list and the trash (live drafts by last change).
 */
export const migration0002: Migration = {
  version: 2,
  name: '0002-attachments',
  up: (db) => {
    db.exec(`
      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (size > 0),
        media_type TEXT NOT NULL,
        first_name TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE attachment_uses (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES attachments(sha256),
        added_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, sha256)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX attachment_uses_by_file ON attachment_uses (sha256);

      ALTER TABLE answer_events ADD COLUMN note TEXT;

      ALTER TABLE drafts ADD COLUMN progress REAL CHECK (progress IS NULL OR (progress >= 0 AND progress <= 1));

      CREATE INDEX drafts_by_trash_and_update ON drafts (deleted_at, updated_at);
    `);
  },
};
