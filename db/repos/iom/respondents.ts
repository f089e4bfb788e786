import type { Db } from '../../open.js';

/** Someone IOM has heard of: expected on IOM's list, a registered signer's respondent, or claimed by a package. */
export interface RespondentRow {
  readonly id: number;
  readonly respondent_key: string;
  /** The mechanism key: a choice value, or `other:<normalised name>`. */
  readonly mechanism: string;
  readonly mechanism_label: string;
  readonly mechanism_kind: string;
  readonly kind: string;
  /** The State or organisation as written ('' for a secretariat). */
  readonly party: string;
  readonly party_key: string;
  readonly expected: number;
  readonly expected_at: string | null;
  readonly expected_by: string | null;
  readonly created_at: string;
}

export type NewRespondent = Omit<RespondentRow, 'id' | 'expected' | 'expected_at' | 'expected_by'>;

/** Statements over `respondents`. */
export function respondentsRepo(db: Db) {
  const byKey = db.prepare<[string], RespondentRow>('SELECT * FROM respondents WHERE respondent_key = ?');
  const byId = db.prepare<[number], RespondentRow>('SELECT * FROM respondents WHERE id = ?');
  const all = db.prepare<[], RespondentRow>('SELECT * FROM respondents ORDER BY mechanism, kind, party_key');
  const insert = db.prepare<NewRespondent>(
    `INSERT OR IGNORE INTO respondents (respondent_key, mechanism, mechanism_label, mechanism_kind, kind, party, party_key, created_at)
     VALUES (@respondent_key, @mechanism, @mechanism_label, @mechanism_kind, @kind, @party, @party_key, @created_at)`,
  );
  const expect = db.prepare<[string, string, number]>(
    'UPDATE respondents SET expected = 1, expected_at = ?, expected_by = ? WHERE id = ? AND expected = 0',
  );
  const unexpect = db.prepare<[number]>('UPDATE respondents SET expected = 0, expected_at = NULL, expected_by = NULL WHERE id = ?');
  const expectedIds = db.prepare<[], { id: number }>('SELECT id FROM respondents WHERE expected = 1');
  return {
    byKey: (key: string) => byKey.get(key),
    byId: (id: number) => byId.get(id),
    all: () => all.all(),
    /** The row for this respondent, created the first time it is named. */
    ensure(row: NewRespondent): RespondentRow {
      insert.run(row);
      const found = byKey.get(row.respondent_key);
      if (!found) throw new Error(`respondent ${row.respondent_key} could not be recorded`);
      return found;
    },
    /**
     * IOM's list of expected respondents becomes exactly these (run it in a transaction):
     * respondents no longer on the list stay, with their keys and submissions, only not expected.
     */
    replaceExpected(ids: readonly number[], at: string, by: string): { added: number; removed: number } {
      const keep = new Set(ids);
      let removed = 0;
      for (const { id } of expectedIds.all())
        if (!keep.has(id)) {
          unexpect.run(id);
          removed++;
        }
      let added = 0;
      for (const id of keep) added += expect.run(at, by, id).changes;
      return { added, removed };
    },
  };
}
export type RespondentsRepo = ReturnType<typeof respondentsRepo>;
