import type { Migration } from '../../migrate.js';

/** Drafts, their current answers, and every change to an answer (history, recovery, audit). */
export const migration0001: Migration = {
  version: 1,
  name: '0001-drafts',
  up: (db) => {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        questionnaire_id TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        respondent_kind TEXT NOT NULL,
        mechanism TEXT,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'ar')),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized', 'exported')),
        last_section TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE answers (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, path)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE answer_events (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        old_value_json TEXT,
        new_value_json TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX answer_events_by_path ON answer_events (draft_id, path, id);
    `);
  },
};
