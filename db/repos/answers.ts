import type { Db } from '../open.js';

export interface AnswerRow {
  readonly path: string;
  readonly value_json: string;
  /** 1 when first written, one more at each change of the value (migration 0005). */
  readonly version: number;
}

export interface StoredAnswer {
  readonly value_json: string;
  readonly version: number;
}

export interface AnswerEventRow {
  readonly id: number;
  readonly at: string;
  readonly old_value_json: string | null;
  readonly new_value_json: string;
}

/** Statements over `answers` and `answer_events`. */
export function answersRepo(db: Db) {
  const current = db.prepare<[string, string], StoredAnswer>(
    'SELECT value_json, version FROM answers WHERE draft_id = ? AND path = ?',
  );
  // Every change of the value moves its version on: a window that based a save on the old one is refused.
  const upsert = db.prepare<[string, string, string, string], { version: number }>(
    `INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (draft_id, path) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at,
       version = answers.version + 1
     RETURNING version`,
  );
  const event = db.prepare<[string, string, string | null, string, string, string | null]>(
    'INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[string], AnswerRow>('SELECT path, value_json, version FROM answers WHERE draft_id = ?');
  const history = db.prepare<[string, string, number], AnswerEventRow>(
    `SELECT id, at, old_value_json, new_value_json FROM answer_events
     WHERE draft_id = ? AND path = ? ORDER BY id DESC LIMIT ?`,
  );
  function write(draftId: string, path: string, valueJson: string, at: string, note: string | null = null): number | undefined {
    const old = current.get(draftId, path)?.value_json ?? null;
    if (old === valueJson) return undefined;
    const written = upsert.get(draftId, path, valueJson, at);
    event.run(draftId, path, old, valueJson, at, note);
    return written?.version;
  }
  return {
    /**
     * Writes one answer and its history event. Returns false (and writes nothing)
     * when the value is unchanged, so a repeated autosave adds no noise to history.
     * `note` says why, when the change was not typed by the user (e.g. a copy).
     */
    save: (draftId: string, path: string, valueJson: string, at: string, note: string | null = null): boolean =>
      write(draftId, path, valueJson, at, note) !== undefined,
    /** As `save`, returning the answer's new version (undefined when the value was unchanged). */
    write,
    current: (draftId: string, path: string) => current.get(draftId, path)?.value_json,
    /** The stored value and its version; undefined when the draft has no answer at `path` (version 0). */
    stored: (draftId: string, path: string): StoredAnswer | undefined => current.get(draftId, path),
    all: (draftId: string) => all.all(draftId),
    /** Events of one answer, newest first. */
    history: (draftId: string, path: string, limit: number) => history.all(draftId, path, limit),
  };
}
export type AnswersRepo = ReturnType<typeof answersRepo>;
