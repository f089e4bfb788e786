import type { Db } from '../../open.js';

/** A revision that has no search text yet: what making one needs. */
export interface RevisionWithoutSearchText {
  readonly submission_id: string;
  readonly questionnaire_id: string;
  readonly questionnaire_version: string;
  readonly responses_json: string;
}

/** Statements over `search_texts` (iom migration 0005): each revision's written answers, folded for the search. */
export function searchTextsRepo(db: Db) {
  const insert = db.prepare<[string, string]>('INSERT OR REPLACE INTO search_texts (submission_id, answers_text) VALUES (?, ?)');
  const missing = db.prepare<[], RevisionWithoutSearchText>(
    `SELECT s.submission_id, s.questionnaire_id, s.questionnaire_version, s.responses_json FROM submissions s
     WHERE NOT EXISTS (SELECT 1 FROM search_texts t WHERE t.submission_id = s.submission_id)`,
  );
  const anyMissing = db.prepare<[], { n: number }>(
    'SELECT EXISTS (SELECT 1 FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM search_texts t WHERE t.submission_id = s.submission_id)) AS n',
  );
  const all = db.prepare<[], { submission_id: string; answers_text: string }>('SELECT submission_id, answers_text FROM search_texts');
  return {
    put: (submissionId: string, text: string) => insert.run(submissionId, text),
    /** Cheap when nothing is missing (the usual case): one probe of each table's key. */
    anyMissing: (): boolean => (anyMissing.get()?.n ?? 0) === 1,
    missing: () => missing.all(),
    /** Every revision's text, by submission id. */
    all: (): Map<string, string> => new Map(all.all().map((r) => [r.submission_id, r.answers_text])),
  };
}
export type SearchTextsRepo = ReturnType<typeof searchTextsRepo>;
