import type { Migration } from '../../migrate.js';

/**
 * Moving a draft to another questionnaire version (docs/release-format.md §7).
 *
 * - `draft_moves`: every move of a draft between versions (an undo is a move back, naming the
 *   move it undoes), with how many answers travelled, were set aside and came back.
 * - `answers_set_aside`: answers that did not fit the version the draft moved to (a removed
 *   question, a removed choice, a changed type). They are kept, never deleted: listed on the
 *   draft as "not carried over", and put back by a later move to a version they fit
 *   (`restored_by`, the row stays as the record). Each change is also an answer event.
 */
export const migration0004: Migration = {
  version: 4,
  name: '0004-version-moves',
  up: (db) => {
    db.exec(`
      CREATE TABLE draft_moves (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        questionnaire_id TEXT NOT NULL,
        from_version TEXT NOT NULL,
        to_version TEXT NOT NULL,
        at TEXT NOT NULL,
        undoes INTEGER UNIQUE REFERENCES draft_moves(id),
        carried INTEGER NOT NULL CHECK (carried >= 0),
        set_aside INTEGER NOT NULL CHECK (set_aside >= 0),
        restored INTEGER NOT NULL CHECK (restored >= 0),
        CHECK (from_version <> to_version)
      ) STRICT;

      CREATE INDEX draft_moves_by_draft ON draft_moves (draft_id, id);

      CREATE TABLE answers_set_aside (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        value_json TEXT NOT NULL,
        from_version TEXT NOT NULL,
        reason TEXT NOT NULL,
        move_id INTEGER NOT NULL REFERENCES draft_moves(id),
        restored_by INTEGER REFERENCES draft_moves(id)
      ) STRICT;

      CREATE INDEX answers_set_aside_by_draft ON answers_set_aside (draft_id, restored_by, id);
    `);
  },
};
