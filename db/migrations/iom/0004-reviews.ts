import type { Migration } from '../../migrate.js';

/**
 * Review states, like ODK Central's: every revision has an append-only action log. Its first
 * line is `imported` (state `received`); each later line changes the state (`state`, maybe with
 * a comment) or adds a comment alone (`comment`). The current state is the last line's `to_state`,
 * so the log and the state can never disagree. A new revision of a chain is a new submission,
 * so it starts at `received` again. Submissions imported before this migration get their
 * `imported` line now, at their import time, by `unknown` (who imported them was not recorded).
 */
export const iomMigration0004: Migration = {
  version: 4,
  name: '0004-reviews',
  up: (db) => {
    db.exec(`
      CREATE TABLE review_events (
        id INTEGER PRIMARY KEY,
        submission_id TEXT NOT NULL REFERENCES submissions(submission_id),
        action TEXT NOT NULL CHECK (action IN ('imported', 'state', 'comment')),
        from_state TEXT CHECK (from_state IN ('received', 'has_issues', 'approved', 'rejected')),
        to_state TEXT NOT NULL CHECK (to_state IN ('received', 'has_issues', 'approved', 'rejected')),
        comment TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        CHECK ((action = 'imported') = (from_state IS NULL)),
        CHECK (action <> 'comment' OR (comment IS NOT NULL AND from_state = to_state))
      ) STRICT;
      CREATE INDEX review_events_by_submission ON review_events (submission_id, id);

      CREATE TRIGGER review_events_are_immutable BEFORE UPDATE ON review_events
      BEGIN SELECT RAISE(ABORT, 'a review action cannot be changed'); END;
      CREATE TRIGGER review_events_are_kept BEFORE DELETE ON review_events
      BEGIN SELECT RAISE(ABORT, 'a review action cannot be deleted'); END;

      INSERT INTO review_events (submission_id, action, from_state, to_state, comment, actor, at)
        SELECT submission_id, 'imported', NULL, 'received', NULL, 'unknown', imported_at
        FROM submissions ORDER BY imported_at, root_id, revision;
    `);
  },
};
