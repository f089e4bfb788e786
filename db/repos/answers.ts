import type { Db } from '../open.js';

export interface AnswerRow {
  readonly path: string;
  readonly value_json: string;
}

export interface AnswerEventRow {
  readonly id: number;
  readonly at: string;
  readonly old_value_json: string | null;
  readonly new_value_json: string;
}

/** Statements over `answers` and `answer_events`. */
export function answersRepo(db: Db) {
  const current = db.prepare<[string, string], { value_json: string }>(
    'SELECT value_json FROM answers WHERE draft_id = ? AND path = ?',
  );
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (draft_id, path) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const event = db.prepare<[string, string, string | null, string, string, string | null]>(
    'INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[string], AnswerRow>('SELECT path, value_json FROM answers WHERE draft_id = ?');
  const history = db.prepare<[string, string, number], AnswerEventRow>(
    `SELECT id, at, old_value_json, new_value_json FROM answer_events
     WHERE draft_id = ? AND path = ? ORDER BY id DESC LIMIT ?`,
  );
  return {
    /**
     * Writes one answer and its history event. Returns false (and writes nothing)
     * when the value is unchanged, so a repeated autosave adds no noise to history.
     * `note` says why, when the change was not typed by the user (e.g. a copy).
     */
    save(draftId: string, path: string, valueJson: string, at: string, note: string | null = null): boolean {
      const old = current.get(draftId, path)?.value_json ?? null;
      if (old === valueJson) return false;
      upsert.run(draftId, path, valueJson, at);
      event.run(draftId, path, old, valueJson, at, note);
      return true;
    },
    current: (draftId: string, path: string) => current.get(draftId, path)?.value_json,
    all: (draftId: string) => all.all(draftId),
    /** Events of one answer, newest first. */
    history: (draftId: string, path: string, limit: number) => history.all(draftId, path, limit),
  };
}
export type AnswersRepo = ReturnType<typeof answersRepo>;
