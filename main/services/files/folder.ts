import fs from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { AppError } from '../../../core/contract/errors.js';
import { kindOf } from './regular-file.js';

/**
 * A folder where a folder is asked for (an export's target): an existing folder, or one made
 * now when `create` is set. A file, a pipe or a device there is refused with what it is,
 * before anything is written.
 */
export async function requireFolder(
  dir: string,
  { what, create }: { readonly what: string; readonly create: boolean },
): Promise<void> {
  const found = await stat(dir).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new AppError('BAD_FILE', `${what} ${dir} cannot be used (${code ?? String(error)}).`, {
      cause: code ?? 'unknown',
    });
  });
  if (found?.isDirectory()) return;
  if (found)
    throw new AppError('BAD_FILE', `${what} ${dir} is ${kindOf(found)}, not a folder.`, { cause: 'not-a-folder' });
  if (!create) throw new AppError('BAD_FILE', `${what} ${dir} does not exist.`, { cause: 'ENOENT' });
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('BAD_FILE', `${what} ${dir} could not be created (${code ?? String(error)}).`, {
      cause: code ?? 'unknown',
    });
  }
}

/**
 * A path where a file will be opened or created (a database named on a command line): absent,
 * or a regular file (through a link is fine). A FIFO there would make SQLite wait forever on its
 * first read; a folder or a device is no database either.
 */
export function requireFileOrAbsent(file: string, what: string): void {
  let found: fs.Stats | undefined;
  try {
    found = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError('BAD_FILE', `${what} ${file} cannot be used (${code}).`, { cause: code });
  }
  if (found && !found.isFile())
    throw new AppError('BAD_FILE', `${what} ${file} is ${kindOf(found)}, not a database file.`, {
      cause: 'not-a-regular-file',
    });
}
