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
 * What happened when the app opened its database at start-up. The window shows its own words
 * for each status (in the user's language), from the fields below, never `message`.
 * - ok / created: nothing to tell (unless the app restarted after a crash, see `restartedAfterCrashAt`);
 * - moved-aside: the file was damaged or not ours (`setAsideReason`); it (with its -wal and -shm) was moved to `movedTo`, never deleted, and a new empty database was started;
 * - recreated: the file was empty (0 bytes, e.g. after a crash on a full disk); it was moved to `movedTo` and a new database started;
 * - orphan-wal: a -wal (and -shm) lay there without its database; they were moved to `movedTo`, never replayed into a new database;
 * - refused-newer: written by a newer app version (`version`); left untouched, the app does not open it;
 * - locked: another ISCM Assessment (`holder`: which process) or another program (`holder` null) uses the data; left untouched;
 * - read-only: the data folder cannot be written (a read-only disk or share); nothing changed;
 * - read-only-file: the database file (or its -wal) cannot be written in a writable folder; nothing changed;
 * - symlink: the database path is a symbolic link to nothing (a disk not connected) or to something that is not a file (`linkTarget`); nothing changed;
 * - unreadable: the file could not be opened at all (a folder in its place, permissions, the disk); left untouched.
 */
export const startupStatusSchema = z.enum([
  'ok',
  'created',
  'moved-aside',
  'recreated',
  'orphan-wal',
  'refused-newer',
  'locked',
  'read-only',
  'read-only-file',
  'symlink',
  'unreadable',
]);
export type StartupStatus = z.infer<typeof startupStatusSchema>;

/** The ISCM Assessment process that holds a data folder, as its lock records it. */
export const folderHolderSchema = z
  .object({
    pid: z.number().int().positive(),
    host: z.enum(['electron', 'web', 'cli']),
    hostname: z.string().max(255),
    startedAt: isoTimeSchema,
  })
  .strict();
export type FolderHolder = z.infer<typeof folderHolderSchema>;

export const startupReportSchema = z
  .object({
    status: startupStatusSchema,
    /** False when the app did not open its data: only the report, the backups and `retryStart` work until then. */
    running: z.boolean(),
    /** One or two plain English sentences, for terminals and the log (the window words each status itself). */
    message: z.string(),
    databasePath: z.string(),
    movedTo: z.array(z.string()),
    /** moved-aside: why. */
    setAsideReason: z.enum(['damaged', 'foreign']).nullable(),
    /** locked: who holds the data folder; null when it is another program (or the holder could not be told). */
    holder: folderHolderSchema.nullable(),
    /** refused-newer: the file's data version and the newest this app reads. */
    version: z.object({ found: z.number().int(), supported: z.number().int() }).strict().nullable(),
    /** symlink: where the link points. */
    linkTarget: z.string().nullable(),
    /** The newest backup, offered for restore when something went wrong. */
    latestBackup: backupInfoSchema.nullable(),
    /** Whether `restoreBackup` can put the latest backup in place in this state (never over a file another process uses). */
    canRestore: z.boolean(),
    /** Set when this start follows a restart after an unexpected error (the desktop app restarts itself). */
    restartedAfterCrashAt: isoTimeSchema.nullable(),
    checkedAt: isoTimeSchema,
  })
  .strict();
export type StartupReport = z.infer<typeof startupReportSchema>;

export const maintenanceChannels = {
  /** The rolling backups in the data folder, newest first. */
  listBackups: channel(emptyInput, z.array(backupInfoSchema)),
  /** Takes a backup now (SQLite online backup; autosave may go on meanwhile). */
  createBackup: channel(emptyInput, backupInfoSchema),
  /**
   * Saves the current database aside (never deleted), then replaces it with the named backup. Also
   * when the app did not open its data and the report says `canRestore`: the file is moved aside,
   * the backup put in its place, and the app starts on it.
   */
  restoreBackup: channel(
    z.object({ name: backupNameSchema }).strict(),
    z.object({ restored: backupInfoSchema, setAsidePath: z.string() }).strict(),
  ),
  /** What happened when the database was opened at start-up; null when the host did not check. */
  startupReport: channel(emptyInput, startupReportSchema.nullable()),
  /**
   * Runs the start-up checks again when the app did not open its data (the user closed the other
   * window, made the file writable, connected the disk): the new report; the same one when running.
   */
  retryStart: channel(emptyInput, startupReportSchema.nullable()),
} as const;
