import type { Database } from 'better-sqlite3';

/** One schema step. `version` is the `user_version` the database has after it runs. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

/** The database was written by a newer version of the app; we never downgrade it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${file} was written by a newer version of the app (schema ${found}; this version knows up to ${supported}). ` +
        'It was left untouched. Install the newer version of the app to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}.`);
  });
}

/**
 * Brings the database to the latest schema. Each migration runs in its own `BEGIN IMMEDIATE`
 * transaction together with the `user_version` bump, so a crash leaves the database at a whole
 * version, never between two. The version is read *inside* that transaction, after the write
 * lock is taken: two processes opening one new file at once (which the data-folder lock stops
 * for the app, but not for every tool) then run each migration once, the second one finding it
 * done, instead of both reading 0 and the second failing on "table already exists".
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): number {
  checkMigrationList(migrations);
  const latest = migrations.length;
  const step = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new DatabaseTooNewError(file, current, latest);
    const next = migrations[current];
    if (!next) return false;
    next.up(db);
    db.pragma(`user_version = ${next.version}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction, until the version read inside one is the latest
  }
  return latest;
}
