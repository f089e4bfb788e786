import fs from 'node:fs';
import path from 'node:path';
import type { ContractError } from '../../core/contract/index.js';
import { MAX_PAYLOAD_BYTES } from '../../core/contract/errors.js';
import { describeSize } from './files/describe-size.js';

/**
 * Storage failures, named by their real cause. SQLite reports many causes as one I/O error
 * (SQLITE_IOERR_WRITE for a read-only file as for a failing disk, SQLITE_FULL for a file-size
 * limit as for a full disk), so when it is vague the data folder is looked at: can its files be
 * written, and how much room is left.
 */
export type StorageCause = 'disk-full' | 'read-only' | 'not-allowed' | 'io-error' | 'busy' | 'cannot-open';

/** The app database's name in its folder (kept here so this module stays free of the services). */
const DB_FILE = 'iscm.db';

const codeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
};

/** The first of the folder, the database and its -wal that cannot be written, with why. */
function unwritable(dataDir: string): { file: string; code: string } | undefined {
  const db = path.join(dataDir, DB_FILE);
  for (const file of [dataDir, db, `${db}-wal`]) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (error) {
      const code = codeOf(error) ?? 'EACCES';
      if (code !== 'ENOENT') return { file, code };
    }
  }
  return undefined;
}

function freeBytes(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/**
 * How much free space saving needs after a full disk: the WAL's pages must be copied into the
 * database by the next checkpoint (it may grow by up to the WAL's size, and takes that room
 * first), plus room for the largest answer and its history entry.
 */
export function spaceNeeded(dataDir: string): { neededBytes: number; freeBytes: number | undefined } {
  const wal = fs.statSync(path.join(dataDir, `${DB_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0;
  const free = freeBytes(dataDir);
  const total = wal + 2 * MAX_PAYLOAD_BYTES;
  return { neededBytes: Math.max(MAX_PAYLOAD_BYTES, total - (free ?? 0)), freeBytes: free };
}

/** Less than this free and an I/O error is taken for a full disk. */
const NEARLY_FULL = 256 * 1024;

function diskFull(dataDir: string | undefined, code: string): ContractError {
  if (!dataDir) {
    return {
      code: 'STORAGE_FAILED',
      message: 'The disk is full. Nothing was saved; free some space and the app will save again.',
      details: { cause: 'disk-full', code },
    };
  }
  const { neededBytes } = spaceNeeded(dataDir);
  return {
    code: 'STORAGE_FAILED',
    message: `The disk is full. Nothing was saved. Free at least ${describeSize(neededBytes)} on the disk that holds ${dataDir}; saving resumes as soon as there is room.`,
    details: { cause: 'disk-full', code, neededBytes },
  };
}

function readOnly(where: { file: string; code: string } | undefined, code: string): ContractError {
  const what = where ? ` (${where.file}: ${where.code})` : '';
  const notAllowed = where?.code === 'EACCES';
  const message = notAllowed
    ? `The app is not allowed to write to its data${what}. Nothing was saved; give it write permission and the app will save again.`
    : `The data is read-only${what}. Nothing was saved; make it writable and the app will save again.`;
  return { code: 'STORAGE_FAILED', message, details: { cause: notAllowed ? 'not-allowed' : 'read-only', code } };
}

const ioError = (code: string): ContractError => ({
  code: 'STORAGE_FAILED',
  message: `The disk reported an input/output error (${code}): it may be failing or disconnected. Nothing was saved; the app will try again.`,
  details: { cause: 'io-error', code },
});

/**
 * Maps a storage failure to the contract's STORAGE_FAILED with its real cause; undefined for
 * anything else. `dataDir` (the app's data folder) lets a vague SQLite error be diagnosed.
 */
export function classifyStorageError(error: unknown, dataDir?: string): ContractError | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const look = (): { file: string; code: string } | undefined => (dataDir ? unwritable(dataDir) : undefined);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EFBIG') return diskFull(dataDir, code);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return readOnly(
      look() ?? (code.startsWith('SQLITE') ? undefined : { file: dataDir ?? 'the data folder', code }),
      code,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return {
      code: 'STORAGE_FAILED',
      message: 'The data is in use by another program. Nothing was saved; the app will try again.',
      details: { cause: 'busy', code },
    };
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') {
    // SQLite's I/O errors hide the system's reason: a read-only file or a full disk end here too.
    const blocked = look();
    if (blocked) return readOnly(blocked, code);
    const free = dataDir ? freeBytes(dataDir) : undefined;
    if (free !== undefined && free < NEARLY_FULL) return diskFull(dataDir, code);
    if (code.startsWith('SQLITE_CANTOPEN')) {
      return {
        code: 'STORAGE_FAILED',
        message: 'The data file could not be opened. Nothing was saved.',
        details: { cause: 'cannot-open', code },
      };
    }
    return ioError(code);
  }
  return undefined;
}
