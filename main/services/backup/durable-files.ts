import fs from 'node:fs';
import path from 'node:path';

/** Where restore and start-up move a database they replace: `<dataDir>/set-aside/`. The app never deletes anything there. */
export const SET_ASIDE_DIR_NAME = 'set-aside';

/** fsync one file by path, so a rename that follows publishes bytes that are on disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync a folder so a rename in it survives a power cut; Windows cannot, and the rename is still atomic there. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: see above.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Removes the temp files *we* created (never a user's file), quietly: a failure here must not hide the real error. */
export function removeOwnTempFiles(tempPath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(tempPath + suffix, { force: true });
}

/** A name in `dir` not taken yet: `base`, or `base` with `-2`, `-3`… before the extension. */
export function freeName(dir: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`;
    const taken = ['', '-wal', '-shm'].some((s) => fs.existsSync(path.join(dir, name + s)));
    if (!taken) return name;
  }
}

/** A UTC time as it appears in file names: `20261127T130501123Z` (sorts like the time, valid on every OS). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}
