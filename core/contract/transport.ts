import { fail, type Result } from './errors.js';

/**
 * What the two transports of the contract share: the Electron side (main/shell/ipc.ts and the
 * preload, which cannot import main) and the web side (the web host and its browser client).
 */

/** The one IPC channel every call travels on, with the contract channel's name as its first argument. */
export const IPC_CALL = 'iscm:call';
/** Main → renderer events: `(eventName, payload)`. */
export const IPC_EVENT = 'iscm:event';
/** The header that carries the web host's per-start token on every API request. */
export const TOKEN_HEADER = 'x-iscm-token';

/**
 * The call never reached the host, or its answer never came back (main gone, the local web
 * service stopped): the same error on both transports, so the renderer says the same thing.
 */
export const hostUnreachable = (): Result<never> =>
  fail('HOST_UNREACHABLE', 'The app’s background service did not answer. Nothing was saved by this request; the app tries again.');
