import type { Db } from '../../open.js';

/** IOM's settings for a round, kept in iom.db so the workspace and `iscm` share them. */
export interface IomSettings {
  /** Strict mode: a package from a key not registered for its respondent is held, not imported. */
  readonly requireRegistered: boolean;
}

const REQUIRE_REGISTERED = 'require_registered';

export function settingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare<[string, string, string, string]>(
    `INSERT INTO settings (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
  );
  return {
    get: (): IomSettings => ({ requireRegistered: get.get(REQUIRE_REGISTERED)?.value === '1' }),
    setRequireRegistered: (on: boolean, at: string, by: string) => set.run(REQUIRE_REGISTERED, on ? '1' : '0', at, by),
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
