import type { DraftStatus, Language } from '../../core/contract/channels/drafts.js';
import type { Db } from '../open.js';

export interface DraftRow {
  readonly id: string;
  readonly title: string;
  readonly questionnaire_id: string;
  readonly questionnaire_version: string;
  readonly respondent_kind: string;
  readonly mechanism: string | null;
  /** One of the four (the table's CHECK constraint holds it to them). */
  readonly language: Language;
  /** draft, finalized or exported (the table's CHECK constraint holds it to them). */
  readonly status: DraftStatus;
  readonly last_section: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** Cached progress (migration 0002); NULL when the answers changed since it was computed. */
  readonly progress?: number | null;
}

export type NewDraft = Omit<DraftRow, 'status' | 'last_section' | 'updated_at' | 'deleted_at' | 'progress'>;

/** The fields `drafts.update` may change; null/undefined leaves a field as it is. */
export interface DraftChanges {
  readonly title?: string | undefined;
  readonly language?: Language | undefined;
  readonly lastSection?: string | undefined;
}

/** Statements over the `drafts` table. Prepared once per database. */
export function draftsRepo(db: Db) {
  const insert = db.prepare<NewDraft>(
    `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, mechanism, language, created_at, updated_at)
     VALUES (@id, @title, @questionnaire_id, @questionnaire_version, @respondent_kind, @mechanism, @language, @created_at, @created_at)`,
  );
  const listLive = db.prepare<[], DraftRow>('SELECT * FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC');
  const listTrash = db.prepare<[], DraftRow>('SELECT * FROM drafts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC');
  const byId = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ? AND deleted_at IS NULL');
  const anyById = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?');
  const trashedById = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ? AND deleted_at IS NOT NULL');
  // A change to the answers makes the cached progress stale.
  const touch = db.prepare<[string, string]>('UPDATE drafts SET updated_at = ?, progress = NULL WHERE id = ?');
  const setRespondentKind = db.prepare<[string, string]>('UPDATE drafts SET respondent_kind = ? WHERE id = ?');
  const setMechanism = db.prepare<[string | null, string]>('UPDATE drafts SET mechanism = ? WHERE id = ?');
  const setProgress = db.prepare<[number, string, string]>('UPDATE drafts SET progress = ? WHERE id = ? AND updated_at = ?');
  const softDelete = db.prepare<[string, string]>('UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const undelete = db.prepare<[string]>('UPDATE drafts SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
  const purgeTrash = db.prepare('DELETE FROM drafts WHERE deleted_at IS NOT NULL');
  // Exported is never set back: a re-finalize after an export (an amendment) is a new draft.
  const setStatus = db.prepare<[DraftStatus, string, string]>("UPDATE drafts SET status = ?, updated_at = ? WHERE id = ? AND status != 'exported'");
  const update = db.prepare<{ id: string; title: string | null; language: Language | null; last_section: string | null; updated_at: string | null }>(
    `UPDATE drafts SET
       title = coalesce(@title, title),
       language = coalesce(@language, language),
       last_section = coalesce(@last_section, last_section),
       updated_at = coalesce(@updated_at, updated_at)
     WHERE id = @id AND deleted_at IS NULL`,
  );
  return {
    insert: (row: NewDraft) => insert.run(row),
    list: () => listLive.all(),
    listTrash: () => listTrash.all(),
    get: (id: string) => byId.get(id),
    getTrashed: (id: string) => trashedById.get(id),
    /** A draft whether or not it is in the trash (the source of an amendment may be). */
    getEvenTrashed: (id: string) => anyById.get(id),
    /** finalized → the draft refuses saves; exported is never set back. */
    setStatus: (id: string, status: Exclude<DraftStatus, 'draft'>, at: string) => setStatus.run(status, at, id),
    touch: (id: string, at: string) => touch.run(at, id),
    setRespondentKind: (id: string, kind: string) => setRespondentKind.run(kind, id),
    setMechanism: (id: string, mechanism: string | null) => setMechanism.run(mechanism, id),
    /** Caches computed progress, unless the draft changed since (`updatedAt` no longer matches). */
    cacheProgress: db.transaction((entries: readonly { id: string; updatedAt: string; progress: number }[]) => {
      for (const e of entries) setProgress.run(e.progress, e.id, e.updatedAt);
    }),
    /**
     * Changes title, language and/or last section. `touchedAt` (when given) becomes
     * `updated_at`: renaming is a change the home list shows, visiting a section is not.
     */
    update: (id: string, changes: DraftChanges, touchedAt: string | undefined) =>
      update.run({
        id,
        title: changes.title ?? null,
        language: changes.language ?? null,
        last_section: changes.lastSection ?? null,
        updated_at: touchedAt ?? null,
      }).changes > 0,
    /** Moves a draft to the trash: its answers stay until the trash is emptied. */
    moveToTrash: (id: string, at: string) => softDelete.run(at, id).changes > 0,
    restore: (id: string) => undelete.run(id).changes > 0,
    /** Deletes every draft in the trash, with their answers, events and attachment uses (cascade). */
    emptyTrash: () => purgeTrash.run().changes,
  };
}
export type DraftsRepo = ReturnType<typeof draftsRepo>;
