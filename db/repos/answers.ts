import type { Db } from '../open.js';

export interface AnswerRow {
  readonly path: string;
  readonly value_json: string;
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
  const event = db.prepare<[string, string, string | null, string, string]>(
    'INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at) VALUES (?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[string], AnswerRow>('SELECT path, value_json FROM answers WHERE draft_id = ?');
  return {
    /**
     * Writes one answer and its history event. Returns false (and writes nothing)
     * when the value is unchanged, so a repeated autosave adds no noise to history.
     */
    save(draftId: string, path: string, valueJson: string, at: string): boolean {
      const old = current.get(draftId, path)?.value_json ?? null;
      if (old === valueJson) return false;
      upsert.run(draftId, path, valueJson, at);
      event.run(draftId, path, old, valueJson, at);
      return true;
    },
    all: (draftId: string) => all.all(draftId),
  };
}
export type AnswersRepo = ReturnType<typeof answersRepo>;
