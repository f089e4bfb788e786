import type { ContractError } from '../../core/contract/index.js';

/** SQLite and file-system error codes that mean "the disk refused", not "the app is broken". */
const STORAGE_CODES: Readonly<Record<string, string>> = {
  SQLITE_FULL: 'The disk is full. Nothing was saved; free some space and the app will save again.',
  ENOSPC: 'The disk is full. Nothing was saved; free some space and the app will save again.',
  EFBIG: 'The disk refused a file this large. Nothing was saved.',
  SQLITE_READONLY: 'The data folder is read-only. Nothing was saved; make it writable and the app will save again.',
  EROFS: 'The data folder is read-only. Nothing was saved; make it writable and the app will save again.',
  EACCES: 'The app is not allowed to write to its data folder. Nothing was saved.',
  EPERM: 'The app is not allowed to write to its data folder. Nothing was saved.',
  SQLITE_BUSY: 'The data is in use by another program. Nothing was saved; the app will try again.',
  SQLITE_CANTOPEN: 'The data file could not be opened. Nothing was saved.',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a storage failure to the contract's STORAGE_FAILED; undefined for anything else. */
export function classifyStorageError(error: unknown): ContractError | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const message = STORAGE_CODES[code] ?? (code.startsWith('SQLITE_IOERR') ? 'The disk failed while saving. Nothing was saved.' : undefined);
  return message ? { code: 'STORAGE_FAILED', message, details: { cause: code } } : undefined;
}
