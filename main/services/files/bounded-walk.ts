import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';

/**
 * A folder walk with limits: a path from a caller may be `/` or a home folder with a million
 * files, and walking it all would keep the app busy for minutes. Each limit, once passed,
 * stops the walk with a message that says which one and what to do.
 */
export interface WalkLimits {
  /** Folders below the root (the root's own entries are at depth 1). */
  readonly maxDepth: number;
  /** Entries looked at in all (files, folders, anything). */
  readonly maxEntries: number;
  /** Files kept (those `accept` said yes to). */
  readonly maxFiles: number;
}

/** For an import: inboxes are shallow and hold hundreds of packages, not millions of files. */
export const IMPORT_WALK_LIMITS: WalkLimits = { maxDepth: 16, maxEntries: 100_000, maxFiles: 10_000 };

export interface WalkProgress {
  /** The folder being read. */
  readonly folder: string;
  readonly entriesSeen: number;
  readonly filesFound: number;
}

export interface WalkOptions {
  readonly limits?: WalkLimits;
  /** Which regular files to keep, by name. */
  readonly accept: (name: string) => boolean;
  /** Told on each folder entered (and every 1,000 entries in a large one). */
  readonly onProgress?: (progress: WalkProgress) => void;
  readonly signal?: AbortSignal;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The regular files under `root` that `accept` keeps, each folder's in name order. Symbolic
 * links are never followed (no loop, no way out of the folder); FIFOs, devices and sockets are
 * not files and are skipped. Folders are read entry by entry (`opendir`), asynchronously, so
 * other calls are answered meanwhile. An unreadable sub-folder is skipped, as it was before.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<string[]> {
  const limits = options.limits ?? IMPORT_WALK_LIMITS;
  const found: string[] = [];
  let entriesSeen = 0;
  const report = (folder: string): void => options.onProgress?.({ folder, entriesSeen, filesFound: found.length });

  const tooMany = (): AppError =>
    new AppError(
      'BAD_FILE',
      `The folder ${root} holds more than ${limits.maxEntries.toLocaleString('en')} files and folders; nothing was imported. Choose the folder that holds the packages.`,
      { cause: 'walk-too-large', limit: limits.maxEntries },
    );

  const walk = async (dir: string, depth: number): Promise<void> => {
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The folder walk was cancelled.');
    report(dir);
    const files: string[] = [];
    const folders: string[] = [];
    let handle;
    try {
      handle = await opendir(dir, { bufferSize: 64 });
    } catch {
      return;
    }
    for await (const entry of handle) {
      entriesSeen++;
      if (entriesSeen > limits.maxEntries) throw tooMany();
      if (entriesSeen % 1000 === 0) report(dir);
      if (entry.isDirectory()) folders.push(entry.name);
      else if (entry.isFile() && options.accept(entry.name)) files.push(entry.name);
    }
    const names = [
      ...files.map((name) => ({ name, folder: false })),
      ...folders.map((name) => ({ name, folder: true })),
    ].sort((a, b) => byName(a.name, b.name));
    for (const { name, folder } of names) {
      const full = path.join(dir, name);
      if (!folder) {
        found.push(full);
        if (found.length > limits.maxFiles) {
          throw new AppError(
            'BAD_FILE',
            `The folder ${root} holds more than ${limits.maxFiles.toLocaleString('en')} packages; nothing was imported. Import it in parts.`,
            {
              cause: 'walk-too-many-files',
              limit: limits.maxFiles,
            },
          );
        }
      } else if (depth >= limits.maxDepth) {
        throw new AppError(
          'BAD_FILE',
          `The folder ${root} goes more than ${limits.maxDepth} folders deep (at ${full}); nothing was imported. Choose the folder that holds the packages.`,
          {
            cause: 'walk-too-deep',
            limit: limits.maxDepth,
          },
        );
      } else await walk(full, depth + 1);
    }
  };

  await walk(root, 0);
  report(root);
  return found;
}
