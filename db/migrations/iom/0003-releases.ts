import type { Migration } from '../../migrate.js';

/**
 * The questionnaire releases IOM published (docs/release-format.md): the importer accepts
 * packages of exactly these versions, and the export lays its columns out from them. Each row
 * keeps the release as received and its parts; rows never change and are never deleted.
 */
export const iomMigration0003: Migration = {
  version: 3,
  name: '0003-releases',
  up: (db) => {
    db.exec(`
      CREATE TABLE questionnaire_releases (
        questionnaire_id TEXT NOT NULL,
        version TEXT NOT NULL,
        release_json BLOB NOT NULL,
        signature TEXT NOT NULL,
        questionnaire_json BLOB NOT NULL,
        file_bytes BLOB NOT NULL,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        publisher TEXT NOT NULL,
        publisher_fingerprint TEXT NOT NULL,
        published_at TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'added')),
        PRIMARY KEY (questionnaire_id, version)
      ) STRICT;

      CREATE TRIGGER questionnaire_releases_are_immutable BEFORE UPDATE ON questionnaire_releases
      BEGIN SELECT RAISE(ABORT, 'a published release cannot be changed'); END;
      CREATE TRIGGER questionnaire_releases_are_kept BEFORE DELETE ON questionnaire_releases
      BEGIN SELECT RAISE(ABORT, 'a published release cannot be deleted'); END;
    `);
  },
};
