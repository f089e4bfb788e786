import { createDispatcher, type Dispatch, type Handlers } from '../../core/contract/dispatch.js';
import type { Log } from './log/rotating-log.js';
import { classifyStorageError } from './storage-errors.js';

/** The dispatcher both hosts use: storage failures become STORAGE_FAILED, faults go to the log. */
export function createAppDispatch(handlers: Handlers, log: Log): Dispatch {
  return createDispatcher(handlers, {
    classifyError: classifyStorageError,
    onFault: (channelName, error) => log.error(`call ${channelName} failed:`, error),
  });
}
