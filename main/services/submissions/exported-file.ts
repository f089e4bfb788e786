import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import type { Db } from '../../../db/open.js';
import { submissionsRepo } from '../../../db/repos/submissions.js';
import { exportsDir } from '../identities/file-output.js';

export interface ExportedFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

/**
 * An exported package the app may point at (show in folder) or hand out (web download): only a
 * path recorded as an export of that revision, still a regular file of the recorded size. The
 * caller's path is only ever compared with what the app itself recorded, so no path it sends
 * (`../..`, a symlink, another file) can name anything else. `within`: the folder the file must
 * also be in, after resolving links (the web host serves its own exports folder and nothing else).
 */
export function exportedFileOf(db: Db, input: { id: string; path: string; within?: string }): ExportedFile {
  const repo = submissionsRepo(db);
  if (!repo.get(input.id)) throw new AppError('NOT_FOUND', 'This revision does not exist.');
  const record = repo.exportsOf(input.id).find((e) => e.path === input.path);
  if (!record) throw new AppError('NOT_FOUND', 'This revision was not exported to that file.');
  const gone = () => new AppError('NOT_FOUND', `The exported file is no longer at ${record.path}.`);
  let stat: fs.Stats;
  let real: string;
  try {
    stat = fs.lstatSync(record.path);
    real = fs.realpathSync(record.path);
  } catch {
    throw gone();
  }
  if (!stat.isFile()) throw gone();
  if (stat.size !== record.size)
    throw new AppError('CONFLICT', `The file at ${record.path} changed since it was exported: export the revision again.`);
  if (input.within !== undefined) {
    let folder: string;
    try {
      folder = fs.realpathSync(input.within);
    } catch {
      throw gone();
    }
    if (path.dirname(real) !== folder) throw new AppError('NOT_FOUND', 'This host serves only the files in its exports folder.');
  }
  return { path: record.path, name: path.basename(record.path), size: stat.size };
}

/** The web host's download endpoint: an export of this revision, in `<dataDir>/exports/` only. */
export const servableExport = (db: Db, dataDir: string, id: string, file: string): ExportedFile =>
  exportedFileOf(db, { id, path: file, within: exportsDir(dataDir) });

/** What the web host's download endpoint needs from the app. */
export interface ExportDownloads {
  readonly file: (id: string, file: string) => ExportedFile;
}
