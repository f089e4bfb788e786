import type { Migration } from '../../migrate.js';

/**
 * A version on every answer, so that two windows on one draft cannot overwrite each other's
 * changes unseen (issue 16, docs/reliability.md §11).
 *
 * - `answers.version`: 1 when the answer is first written, one more at each change of its value.
 *   A window saves "this value, based on version N"; a save based on a version that is no
 *   longer the stored one is refused (`ANSWER_STALE`) and the window shows the stored value.
 *   Every answer already there starts at 1 (its value is kept as it is).
 */
export const migration0005: Migration = {
  version: 5,
  name: '0005-answer-versions',
  up: (db) => {
    db.exec(`
      ALTER TABLE answers ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
    `);
  },
};
