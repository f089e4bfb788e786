import type { Db } from '../../open.js';

export interface QuarantineRow {
  readonly id: number;
  readonly file_name: string;
  readonly file_path: string;
  readonly file_sha256: string | null;
  readonly stage: string;
  readonly code: string;
  readonly message: string;
  readonly detail: string;
  readonly at: string;
  /** The mechanism key and submission the manifest named, when the file got that far. */
  readonly mechanism: string | null;
  readonly submission_id: string | null;
}
export type NewQuarantineRow = Omit<QuarantineRow, 'id' | 'mechanism' | 'submission_id'> &
  Partial<Pick<QuarantineRow, 'mechanism' | 'submission_id'>>;

export interface ImportLogRow {
  readonly batch_id: string;
  readonly file_name: string;
  readonly file_sha256: string | null;
  readonly outcome: string;
  readonly code: string;
  readonly submission_id: string | null;
  readonly at: string;
}

/** The quarantine list (rejected files and why) and the per-file log of each import batch. */
export function quarantineRepo(db: Db) {
  const insert = db.prepare<NewQuarantineRow>(
    `INSERT INTO quarantine (file_name, file_path, file_sha256, stage, code, message, detail, at, mechanism, submission_id)
     VALUES (@file_name, @file_path, @file_sha256, @stage, @code, @message, @detail, @at, @mechanism, @submission_id)`,
  );
  const list = db.prepare<[], QuarantineRow>('SELECT * FROM quarantine ORDER BY id DESC');
  const log = db.prepare<ImportLogRow>(
    `INSERT INTO import_log (batch_id, file_name, file_sha256, outcome, code, submission_id, at)
     VALUES (@batch_id, @file_name, @file_sha256, @outcome, @code, @submission_id, @at)`,
  );
  return {
    add: (row: NewQuarantineRow) => insert.run({ ...row, mechanism: row.mechanism ?? null, submission_id: row.submission_id ?? null }),
    list: () => list.all(),
    log: (row: ImportLogRow) => log.run(row),
  };
}
export type QuarantineRepo = ReturnType<typeof quarantineRepo>;
