import type { Db } from '../../open.js';

export interface ReleaseRow {
  readonly questionnaire_id: string;
  readonly version: string;
  readonly release_json: Buffer;
  readonly signature: string;
  readonly questionnaire_json: Buffer;
  readonly file_bytes: Buffer;
  readonly file_sha256: string;
  readonly publisher: string;
  readonly publisher_fingerprint: string;
  readonly published_at: string;
  readonly added_at: string;
  readonly added_by: string;
  readonly source: 'bundled' | 'added';
}

export type ReleaseListRow = Omit<ReleaseRow, 'release_json' | 'questionnaire_json' | 'file_bytes' | 'signature'>;

/** The releases IOM published, in iom.db (migration 0002). */
export function releasesRepo(db: Db) {
  const insert = db.prepare<ReleaseRow>(
    `INSERT INTO questionnaire_releases (questionnaire_id, version, release_json, signature, questionnaire_json, file_bytes, file_sha256,
       publisher, publisher_fingerprint, published_at, added_at, added_by, source)
     VALUES (@questionnaire_id, @version, @release_json, @signature, @questionnaire_json, @file_bytes, @file_sha256,
       @publisher, @publisher_fingerprint, @published_at, @added_at, @added_by, @source)`,
  );
  const get = db.prepare<[string, string], ReleaseRow>(
    'SELECT * FROM questionnaire_releases WHERE questionnaire_id = ? AND version = ?',
  );
  const list = db.prepare<[], ReleaseListRow>(
    `SELECT questionnaire_id, version, file_sha256, publisher, publisher_fingerprint, published_at, added_at, added_by, source
     FROM questionnaire_releases ORDER BY questionnaire_id, added_at`,
  );
  const versions = db.prepare<[string], { version: string }>(
    'SELECT version FROM questionnaire_releases WHERE questionnaire_id = ?',
  );
  return {
    insert: (row: ReleaseRow) => insert.run(row),
    get: (id: string, version: string) => get.get(id, version),
    list: () => list.all(),
    versions: (id: string): string[] => versions.all(id).map((r) => r.version),
  };
}
export type ReleasesRepo = ReturnType<typeof releasesRepo>;
