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
 * Brings the database to the latest schema. Each migration runs in its own
 * transaction together with the `user_version` bump, so a crash leaves the
 * database at a whole version, never between two.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): number {
  checkMigrationList(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new DatabaseTooNewError(file, current, latest);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latest;
}
