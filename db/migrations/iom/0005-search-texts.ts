import type { Migration } from '../../migrate.js';

/**
 * What the analyst's search looks through in each revision's answers: its written answers,
 * folded (core/search/written-answers.ts), made once when the revision is imported instead of
 * every time the workspace opens. Derived from the signed `responses_json`, kept apart from it:
 * a row here can be made again from the revision, and the signed row is never touched.
 * Revisions stored before this migration have no row; the workspace makes theirs the first time
 * it reads the answers (main/services/import/search-texts.ts), since which answers are written
 * ones depends on the questionnaire version, which SQL alone does not know.
 */
export const iomMigration0005: Migration = {
  version: 5,
  name: '0005-search-texts',
  up: (db) => {
    db.exec(`
      CREATE TABLE search_texts (
        submission_id TEXT PRIMARY KEY REFERENCES submissions(submission_id),
        answers_text TEXT NOT NULL
      ) STRICT;
    `);
  },
};
