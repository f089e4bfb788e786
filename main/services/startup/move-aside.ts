import fs from 'node:fs';
import path from 'node:path';
import { SET_ASIDE_DIR_NAME, fileStamp, freeName, fsyncDir } from '../backup/durable-files.js';


/**
 * Moves a database and its -wal and -shm (they belong together: the WAL may hold
 * the newest answers) into `<dataDir>/set-aside/` under one timestamped name.
 * Rename only: nothing is copied over, truncated or deleted. Returns the new paths.
 */
export function moveDatabaseAside(dbFile: string, reason: string, at: Date): string[] {
  const dir = path.join(path.dirname(dbFile), SET_ASIDE_DIR_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const base = freeName(dir, `${path.basename(dbFile, '.db')}-${fileStamp(at)}-${reason}`, '.db');
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = dbFile + suffix;
    // lstat, not exists: a symbolic link that points nowhere is moved too (as the link it is).
    if (!fs.lstatSync(from, { throwIfNoEntry: false })) continue;
    const to = path.join(dir, base + suffix);
    fs.renameSync(from, to);
    moved.push(to);
  }
  fsyncDir(dir);
  fsyncDir(path.dirname(dbFile));
  return moved;
}
