import type { Db } from '../open.js';

export interface DraftMoveRow {
  readonly id: number;
  readonly draft_id: string;
  readonly questionnaire_id: string;
  readonly from_version: string;
  readonly to_version: string;
  readonly at: string;
  readonly undoes: number | null;
  readonly carried: number;
  readonly set_aside: number;
  readonly restored: number;
}

export interface SetAsideRow {
  readonly id: number;
  readonly draft_id: string;
  readonly path: string;
  readonly value_json: string;
  readonly from_version: string;
  readonly reason: string;
  readonly move_id: number;
  readonly restored_by: number | null;
}

/** Statements over `draft_moves` and `answers_set_aside` (migration 0004), and the answer rows a move changes. */
export function draftMovesRepo(db: Db) {
  const insertMove = db.prepare<Omit<DraftMoveRow, 'id'>>(
    `INSERT INTO draft_moves (draft_id, questionnaire_id, from_version, to_version, at, undoes, carried, set_aside, restored)
     VALUES (@draft_id, @questionnaire_id, @from_version, @to_version, @at, @undoes, @carried, @set_aside, @restored)`,
  );
  const movesOf = db.prepare<[string], DraftMoveRow>('SELECT * FROM draft_moves WHERE draft_id = ? ORDER BY id');
  const lastMove = db.prepare<[string], DraftMoveRow>(
    'SELECT * FROM draft_moves WHERE draft_id = ? ORDER BY id DESC LIMIT 1',
  );
  const undoOf = db.prepare<[number], { id: number }>('SELECT id FROM draft_moves WHERE undoes = ?');
  const asideOf = db.prepare<[string], SetAsideRow>(
    'SELECT * FROM answers_set_aside WHERE draft_id = ? AND restored_by IS NULL ORDER BY id',
  );
  const insertAside = db.prepare<Omit<SetAsideRow, 'id' | 'restored_by'>>(
    `INSERT INTO answers_set_aside (draft_id, path, value_json, from_version, reason, move_id)
     VALUES (@draft_id, @path, @value_json, @from_version, @reason, @move_id)`,
  );
  const markRestored = db.prepare<[number, number]>(
    'UPDATE answers_set_aside SET restored_by = ? WHERE id = ? AND restored_by IS NULL',
  );
  const deleteAnswer = db.prepare<[string, string]>('DELETE FROM answers WHERE draft_id = ? AND path = ?');
  const putAnswer = db.prepare<[string, string, string, string]>(
    `INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (draft_id, path) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at,
       version = answers.version + 1`,
  );
  const event = db.prepare<[string, string, string | null, string, string, string]>(
    'INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setVersion = db.prepare<[string, string, string]>(
    "UPDATE drafts SET questionnaire_version = ?, updated_at = ?, progress = NULL WHERE id = ? AND status = 'draft' AND deleted_at IS NULL",
  );
  return {
    insertMove: (row: Omit<DraftMoveRow, 'id'>): number => Number(insertMove.run(row).lastInsertRowid),
    moves: (draftId: string) => movesOf.all(draftId),
    lastMove: (draftId: string) => lastMove.get(draftId),
    isUndone: (moveId: number): boolean => undoOf.get(moveId) !== undefined,
    /** Answers set aside and not put back, oldest first. */
    aside: (draftId: string) => asideOf.all(draftId),
    setAside: (row: Omit<SetAsideRow, 'id' | 'restored_by'>) => insertAside.run(row),
    markRestored: (asideId: number, moveId: number) => markRestored.run(moveId, asideId).changes === 1,
    /** Only a move calls this, after the answer was copied to `answers_set_aside` in the same transaction. */
    removeAnswer: (draftId: string, path: string) => deleteAnswer.run(draftId, path),
    putAnswer: (draftId: string, path: string, valueJson: string, at: string) =>
      putAnswer.run(draftId, path, valueJson, at),
    /** An answer event; `newValueJson` is `null` (JSON) when the answer left the draft. */
    event: (
      draftId: string,
      path: string,
      oldValueJson: string | null,
      newValueJson: string,
      at: string,
      note: string,
    ) => event.run(draftId, path, oldValueJson, newValueJson, at, note),
    setVersion: (draftId: string, version: string, at: string): boolean =>
      setVersion.run(version, at, draftId).changes === 1,
  };
}
export type DraftMovesRepo = ReturnType<typeof draftMovesRepo>;
