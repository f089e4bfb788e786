import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { walkFolder, type WalkProgress } from '../files/bounded-walk.js';
import type { ImportContext } from './context.js';
import { finishImport, readForImport } from './import-file.js';
import { messageOf, summarize, type BatchSummary, type FileOutcome } from './outcomes.js';

/**
 * The files a list of paths names: files as given, folders walked for `*.iscm` within bounds
 * (`walkFolder`: depth, entry and file counts, symbolic links not followed, progress told).
 * Sorted within each folder so a batch runs in a stable order.
 */
export async function collectFiles(paths: readonly string[], onWalk?: (progress: WalkProgress) => void, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await lstat(p).catch(() => null);
    if (info?.isDirectory())
      out.push(...(await walkFolder(p, { accept: (name) => name.toLowerCase().endsWith('.iscm'), ...(onWalk ? { onProgress: onWalk } : {}), ...(signal ? { signal } : {}) })));
    else out.push(p); // a missing or odd path becomes a FILE_UNREADABLE outcome, not a silent skip
  }
  return out;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  /** The outcome of the file just finished; absent when announcing the next file. */
  readonly outcome?: FileOutcome;
}

export interface BatchOptions {
  readonly onProgress?: (progress: BatchProgress) => void;
  readonly signal?: AbortSignal;
  /** Packages decrypted and checked (stages 1–6) at the same time; stages 7–9 run one by one. */
  readonly concurrency?: number;
}

const internalOutcome = (file: string, error: unknown): FileOutcome => ({
  file,
  kind: 'rejected',
  code: 'INTERNAL',
  stage: 'store',
  message: messageOf('INTERNAL'),
  detail: error instanceof Error ? error.message : String(error),
});

/** Makes every commit of the batch durable: the WAL holds them all, in order. */
function syncWal(dbFile: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(`${dbFile}-wal`, 'r');
    fsyncSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Imports every file, never stopping at a rejection, and returns the summary with the outcomes
 * in the order of the files. Stages 1–6 of a few files overlap (they wait on the disk and on
 * crypto); stages 7–9 run strictly one file after the other, in file order, each file in its
 * own transaction, so stopping mid-batch leaves every file fully imported or not at all, and
 * running the batch again finishes it (duplicates are no-ops).
 */
export async function runBatch(ctx: ImportContext, paths: readonly string[], options: BatchOptions = {}): Promise<BatchSummary> {
  // While folders are walked, the progress names the folder being read (done 0 of 0 files yet).
  const files = await collectFiles(paths, (w) => options.onProgress?.({ done: 0, total: 0, file: w.folder }), options.signal);
  const batchId = randomUUID();
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  const concurrency = Math.max(1, Math.min(16, options.concurrency ?? 4));
  // turns[i] settles when file i is finished: file i+1 starts stages 7–9 only then.
  const turns = files.map(() => deferred());
  let done = 0;
  let next = 0;
  const finish = (i: number, file: string, outcome: FileOutcome): void => {
    outcomes[i] = outcome;
    done += 1;
    options.onProgress?.({ done, total: files.length, file, outcome });
  };
  const one = async (i: number, file: string): Promise<void> => {
    if (options.signal?.aborted) return;
    options.onProgress?.({ done, total: files.length, file });
    const first = await readForImport(ctx, file, batchId);
    await turns[i - 1]?.promise;
    if ('outcome' in first) finish(i, file, first.outcome);
    else finish(i, file, await finishImport(ctx, file, first.read, batchId));
  };
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] ?? '';
      try {
        await one(i, file);
      } catch (error) {
        // Only a failure to write the quarantine row itself lands here (e.g. a full disk).
        await turns[i - 1]?.promise;
        finish(i, file, internalOutcome(file, error));
      } finally {
        turns[i]?.resolve();
      }
    }
  };
  // Each file is its own transaction (atomic, consistent); durability is made once for the
  // batch: with synchronous=NORMAL a commit does not wait for the disk, and the checkpoint at
  // the end syncs the WAL before the summary is returned. A power cut mid-batch can thus lose
  // the last files' commits, never half of one; running the batch again imports them (the rest
  // are duplicates). Attachments are still synced before the row that names them.
  ctx.db.pragma('synchronous = NORMAL');
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    ctx.db.pragma('synchronous = FULL');
    syncWal(ctx.db.name);
    ctx.db.pragma('wal_checkpoint(PASSIVE)');
  }
  return summarize(outcomes.filter((o): o is FileOutcome => o !== undefined));
}
