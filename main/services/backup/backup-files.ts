import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../core/contract/channels/maintenance.js';

/** Backups live in `<dataDir>/backups/`; the newest KEEP_BACKUPS are kept. */
export const BACKUP_DIR_NAME = 'backups';
export const KEEP_BACKUPS = 7;

const BACKUP_NAME = /^iscm-(\d{8})T(\d{6})(\d{3})Z-(startup|finalize|manual)(?:-\d+)?\.db$/;

export const backupDirOf = (dataDir: string): string => path.join(dataDir, BACKUP_DIR_NAME);

/** Parses a backup's file name; undefined for anything that is not one of ours (temp files, user files). */
export function parseBackupName(name: string): Pick<BackupInfo, 'name' | 'reason' | 'createdAt'> | undefined {
  const m = BACKUP_NAME.exec(name);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined;
  const [d, t, ms] = [m[1], m[2], m[3]];
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return undefined;
  return { name, reason: m[4] as BackupReason, createdAt };
}

/** The backups in `<dataDir>/backups/`, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDirOf(dataDir);
  if (!fs.existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) found.push({ ...parsed, size: stat.size });
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Removes the backups beyond the newest `keep` (our own rolling copies, never the live database). */
export function pruneBackups(dataDir: string, keep = KEEP_BACKUPS): string[] {
  const removed: string[] = [];
  for (const old of listBackups(dataDir).slice(keep)) {
    fs.rmSync(path.join(backupDirOf(dataDir), old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}
