import type { Db } from '../open.js';

export interface DraftRow {
  readonly id: string;
  readonly title: string;
  readonly questionnaire_id: string;
  readonly questionnaire_version: string;
  readonly respondent_kind: string;
  readonly mechanism: string | null;
  readonly language: string;
  readonly status: string;
  readonly last_section: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

export type NewDraft = Omit<DraftRow, 'status' | 'last_section' | 'updated_at' | 'deleted_at'>;

/** Statements over the `drafts` table. Prepared once per database. */
export function draftsRepo(db: Db) {
  const insert = db.prepare<NewDraft>(
    `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, mechanism, language, created_at, updated_at)
     VALUES (@id, @title, @questionnaire_id, @questionnaire_version, @respondent_kind, @mechanism, @language, @created_at, @created_at)`,
  );
  const listLive = db.prepare<[], DraftRow>('SELECT * FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC');
  const byId = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ? AND deleted_at IS NULL');
  const touch = db.prepare<[string, string]>('UPDATE drafts SET updated_at = ? WHERE id = ?');
  const softDelete = db.prepare<[string, string]>('UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  return {
    insert: (row: NewDraft) => insert.run(row),
    list: () => listLive.all(),
    get: (id: string) => byId.get(id),
    touch: (id: string, at: string) => touch.run(at, id),
    /** Moves a draft to the trash: its answers stay until the trash is emptied. */
    moveToTrash: (id: string, at: string) => softDelete.run(at, id).changes > 0,
  };
}
export type DraftsRepo = ReturnType<typeof draftsRepo>;
