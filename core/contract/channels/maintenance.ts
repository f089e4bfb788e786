import { z } from 'zod';
import { channel } from '../channel.js';
import { emptyInput } from './app.js';
import { isoTimeSchema } from './drafts.js';

export const backupReasonSchema = z.enum(['startup', 'finalize', 'manual']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/** A backup is named by its file name in `<dataDir>/backups/`; the pattern keeps any path out of it. */
export const backupNameSchema = z
  .string()
  .max(100)
  .regex(/^iscm-\d{8}T\d{9}Z-(startup|finalize|manual)(-\d+)?\.db$/, 'a backup file name such as iscm-20261127T130501123Z-startup.db');

export const backupInfoSchema = z
  .object({ name: backupNameSchema, reason: backupReasonSchema, createdAt: isoTimeSchema, size: z.number().int().nonnegative() })
  .strict();
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * What happened when the app opened its database at start-up:
 * - ok / created: nothing to tell;
 * - moved-aside: the file was damaged or not ours; it (with its -wal and -shm) was moved to `movedTo`, never deleted, and a new empty database was started;
 * - refused-newer: written by a newer app version; left untouched, the app cannot open it;
 * - locked: another program holds it; left untouched;
 * - read-only: the data folder cannot be written (a read-only disk or share); nothing changed;
 * - unreadable: the file could not be opened at all (permissions, disk); left untouched.
 */
export const startupStatusSchema = z.enum(['ok', 'created', 'moved-aside', 'refused-newer', 'locked', 'read-only', 'unreadable']);
export type StartupStatus = z.infer<typeof startupStatusSchema>;

export const startupReportSchema = z
  .object({
    status: startupStatusSchema,
    /** One or two plain sentences for the user: what happened and what they can do. */
    message: z.string(),
    databasePath: z.string(),
    movedTo: z.array(z.string()),
    /** The newest backup, offered for restore when something went wrong. */
    latestBackup: backupInfoSchema.nullable(),
    checkedAt: isoTimeSchema,
  })
  .strict();
export type StartupReport = z.infer<typeof startupReportSchema>;

export const maintenanceChannels = {
  /** The rolling backups in the data folder, newest first. */
  listBackups: channel(emptyInput, z.array(backupInfoSchema)),
  /** Takes a backup now (SQLite online backup; autosave may go on meanwhile). */
  createBackup: channel(emptyInput, backupInfoSchema),
  /** Saves the current database aside (never deleted), then replaces it with the named backup. */
  restoreBackup: channel(
    z.object({ name: backupNameSchema }).strict(),
    z.object({ restored: backupInfoSchema, setAsidePath: z.string() }).strict(),
  ),
  /** What happened when the database was opened at start-up; null when the host did not check. */
  startupReport: channel(emptyInput, startupReportSchema.nullable()),
} as const;
