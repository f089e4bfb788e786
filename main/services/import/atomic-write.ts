import { writeFile } from 'node:fs/promises';
import { commitTempFile, removeQuietly, tempPathBeside } from '../package/atomic-file.js';

/** Writes a whole file atomically: a temp file beside it, fsync, rename. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathBeside(target);
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o644 });
    await commitTempFile(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}
