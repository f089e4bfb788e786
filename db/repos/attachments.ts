import type { Db } from '../open.js';

export interface AttachmentRow {
  readonly sha256: string;
  readonly size: number;
  readonly media_type: string;
  readonly first_name: string;
  readonly added_at: string;
}

/** Statements over `attachments` (the store's index) and `attachment_uses` (which draft uses which file). */
export function attachmentsRepo(db: Db) {
  const insert = db.prepare<AttachmentRow>(
    `INSERT INTO attachments (sha256, size, media_type, first_name, added_at)
     VALUES (@sha256, @size, @media_type, @first_name, @added_at) ON CONFLICT (sha256) DO NOTHING`,
  );
  const use = db.prepare<[string, string, string]>(
    'INSERT INTO attachment_uses (draft_id, sha256, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const copyUses = db.prepare<[string, string, string]>(
    `INSERT INTO attachment_uses (draft_id, sha256, added_at)
     SELECT ?, sha256, ? FROM attachment_uses WHERE draft_id = ? ON CONFLICT DO NOTHING`,
  );
  const byHash = db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE sha256 = ?');
  const usesOf = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM attachment_uses WHERE draft_id = ? ORDER BY sha256');
  return {
    /** Records a stored file and that `draftId` uses it, in one transaction. */
    record: db.transaction((row: AttachmentRow, draftId: string) => {
      insert.run(row);
      use.run(draftId, row.sha256, row.added_at);
    }),
    /** The copy of a draft uses the same files (by reference: nothing is copied on disk). */
    copyUses: (fromDraftId: string, toDraftId: string, at: string) => copyUses.run(toDraftId, at, fromDraftId).changes,
    get: (sha256: string) => byHash.get(sha256),
    usedBy: (draftId: string) => usesOf.all(draftId).map((r) => r.sha256),
  };
}
export type AttachmentsRepo = ReturnType<typeof attachmentsRepo>;
