import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../core/contract/errors.js';
import { requireFolder } from '../../files/folder.js';

/** `iscm-export-20261203-041502Z`: the export's time in UTC, to the second, sortable by name. */
export function exportFolderName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-03T04:15:02.123Z
  return `iscm-export-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}Z`;
}

/**
 * The folder the user chose, checked before anything is read or opened. It must be given as an
 * absolute path and exist: a relative path would land wherever the process happens to run, and
 * a typed path that does not exist is more likely a typo than a wish.
 */
export async function checkExportFolder(chosen: string | undefined): Promise<string> {
  if (chosen === undefined || chosen.trim() === '')
    throw new AppError('INVALID_INPUT', 'Choose the folder to export to: no folder was given.', { cause: 'missing' });
  if (!path.isAbsolute(chosen))
    throw new AppError(
      'INVALID_INPUT',
      `The export folder must be a full path (such as ${path.resolve(path.sep, 'Users', 'me', 'Exports')}), not the relative "${chosen}".`,
      { cause: 'relative' },
    );
  await requireFolder(chosen, { what: 'The export folder', create: false });
  return chosen;
}

/**
 * Makes the NEW folder one export writes into, inside the folder the user chose (checked as
 * above). It is made with `mkdir` without `recursive`, so it is refused if it exists: an export
 * never overwrites an earlier one.
 */
export async function makeExportFolder(chosen: string | undefined, at: Date): Promise<string> {
  const folder = path.join(await checkExportFolder(chosen), exportFolderName(at));
  try {
    await mkdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new AppError('CONFLICT', `${folder} already exists: an export never overwrites another. Try again in a second.`, {
        cause: 'exists',
        folder,
      });
    throw new AppError('BAD_FILE', `The export folder ${folder} could not be created (${code ?? String(error)}).`, { cause: code ?? 'unknown' });
  }
  return folder;
}
