import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { buildApi } from '../core/contract/build-api.js';
import type { IscmApi } from '../core/contract/index.js';
import type { Result } from '../core/contract/errors.js';
import type { EventName } from '../core/contract/events.js';
import { hostUnreachable, IPC_CALL, IPC_EVENT } from '../core/contract/transport.js';

/**
 * `window.iscm` over Electron IPC. One IPC channel carries every call (see
 * main/shell/ipc.ts for why). A rejected invoke (main gone, a bug) becomes a
 * contract error, so the renderer never has to catch.
 */
export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): IscmApi {
  return buildApi(
    async (channelName, input) => {
      try {
        return (await ipc.invoke(IPC_CALL, channelName, input)) as Result<unknown>;
      } catch {
        return hostUnreachable();
      }
    },
    (listener) => {
      // The IPC event object is dropped: it carries `sender` (ipcRenderer) and must not reach the page.
      const onEvent = (_event: IpcRendererEvent, name: EventName, payload: unknown) => listener(name, payload);
      ipc.on(IPC_EVENT, onEvent);
      return () => {
        ipc.removeListener(IPC_EVENT, onEvent);
      };
    },
  );
}
