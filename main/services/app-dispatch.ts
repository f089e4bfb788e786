import { createDispatcher, type Dispatch, type Handlers } from '../../core/contract/dispatch.js';
import type { Log } from './log/rotating-log.js';
import { classifyStorageError } from './storage-errors.js';

/**
 * The dispatcher both hosts use: storage failures become STORAGE_FAILED naming their real cause
 * (with `dataDir`, the data folder is looked at when SQLite's error is vague), faults go to the log.
 */
export function createAppDispatch(handlers: Handlers, log: Log, dataDir?: string): Dispatch {
  return createDispatcher(handlers, {
    classifyError: (error) => classifyStorageError(error, dataDir),
    onFault: (channelName, error) => log.error(`call ${channelName} failed:`, error),
  });
}
