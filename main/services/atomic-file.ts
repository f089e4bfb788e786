import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A temp file beside the target, so that the final rename stays on one file system. */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes what an earlier attempt at this same target, killed before its rename, left beside
 * it: `.name.<12 hex>.tmp` files as `tempPathBeside` names them, never anything else. Only for
 * targets written by one writer at a time (exports reserve their path), since a concurrent
 * writer's temp file would go too. Returns the names removed.
 */
export async function removeLeftoverTemps(target: string): Promise<string[]> {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.[0-9a-f]{12}\\.tmp$`);
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  const leftovers = names.filter((name) => pattern.test(name));
  for (const name of leftovers) await removeQuietly(path.join(path.dirname(target), name));
  return leftovers;
}

/** fsync the temp file, rename it over the target, then fsync the folder (best effort). */
export async function commitTempFile(tempPath: string, target: string): Promise<void> {
  const handle = await open(tempPath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, target);
  try {
    const dir = await open(path.dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename itself is still atomic.
  }
}

export async function removeQuietly(filePath: string): Promise<void> {
  await rm(filePath, { force: true, recursive: true }).catch(() => undefined);
}

/** Writes a whole (small) file atomically: a temp file beside it, fsync, rename; no partial file on failure. */
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
