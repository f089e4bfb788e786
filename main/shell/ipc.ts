import type { IpcMain, WebContents } from 'electron';
import type { Dispatch } from '../../core/contract/dispatch.js';
import { MAX_PAYLOAD_BYTES, fail, type Result } from '../../core/contract/errors.js';
import { IPC_CALL, IPC_EVENT } from '../../core/contract/transport.js';
import type { EventBus } from '../services/event-bus.js';
import { isTrustedSender } from './security.js';

/** What the guard reads of Electron's `IpcMainInvokeEvent`; tests pass a stand-in. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** Size of the payload as the JSON the contract would carry; undefined when it is not JSON at all (cycles, BigInt). */
export function serializedSize(payload: unknown): number | undefined {
  try {
    // JSON.stringify gives undefined (not a string) for undefined at the top level.
    const json = JSON.stringify(payload) as string | undefined;
    return Buffer.byteLength(json ?? '', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Everything between Electron's IPC and the dispatcher, in order: the sender must
 * be our own page in the top frame, the payload at most MAX_PAYLOAD_BYTES, then
 * the dispatcher checks the channel name, the input and the output. Never throws.
 */
export async function handleIpcCall(
  dispatch: Dispatch,
  event: InvokeEventLike,
  channelName: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
    return fail('FORBIDDEN_SENDER', 'This call did not come from the app’s own window.');
  }
  const size = serializedSize(payload);
  if (size === undefined) return fail('INVALID_INPUT', 'The request is not plain data.');
  if (size > MAX_PAYLOAD_BYTES) return fail('PAYLOAD_TOO_LARGE', 'The request is larger than 1 MiB.');
  if (typeof channelName !== 'string') return fail('UNKNOWN_CHANNEL', 'The request names no channel.');
  try {
    return await dispatch(channelName, payload);
  } catch {
    // The dispatcher already turns failures into results; this is the last net.
    return fail('INTERNAL', 'Something went wrong inside the app. Your data was not changed by this request.');
  }
}

/**
 * Binds the single call channel (`IPC_CALL`, core/contract/transport.ts). Returns the function
 * that unbinds it. One IPC channel carries every call, with the contract channel's name as its
 * first argument. One handler means one place where the sender, the size and the
 * contract are checked, so a new contract channel can never be bound without its
 * guards; and an unknown name reaches the dispatcher (UNKNOWN_CHANNEL) instead of
 * Electron's "no handler registered" exception in the renderer.
 */
export function bindIpc(ipcMain: IpcMain, dispatch: Dispatch): () => void {
  ipcMain.handle(IPC_CALL, (event, channelName: unknown, payload: unknown) =>
    handleIpcCall(dispatch, event, channelName, payload),
  );
  return () => ipcMain.removeHandler(IPC_CALL);
}

/** Sends every service event to the window while it lives. Returns the unsubscribe. */
export function forwardEvents(bus: EventBus, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return bus.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
  });
}
