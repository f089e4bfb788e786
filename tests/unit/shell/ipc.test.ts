import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { IpcRenderer } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import { MAX_PAYLOAD_BYTES, channelNames } from '../../../core/contract/index.js';
import { createAppDispatch } from '../../../main/services/app-dispatch.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { createRotatingLog } from '../../../main/services/log/rotating-log.js';
import { IPC_CALL, IPC_EVENT } from '../../../core/contract/transport.js';
import {
  forwardEvents,
  handleIpcCall,
  serializedSize,
  type InvokeEventLike,
} from '../../../main/shell/ipc.js';
import * as preloadApi from '../../../preload/preload-api.js';
import { MALFORMED_INPUTS, recordingHandlers } from '../../helpers/recording-handlers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

/** Stand-ins for Electron's IpcMainInvokeEvent: what `event.senderFrame` looks like for each kind of sender. */
const TOP_FRAME = { url: 'app://iscm/index.html#/drafts', parent: null };
const ourPage: InvokeEventLike = { senderFrame: TOP_FRAME };
const subFrame: InvokeEventLike = { senderFrame: { url: 'app://iscm/index.html', parent: TOP_FRAME } };
const otherOrigin: InvokeEventLike = { senderFrame: { url: 'https://example.org/', parent: null } };
const fileOrigin: InvokeEventLike = { senderFrame: { url: 'file:///tmp/index.html', parent: null } };
const goneFrame: InvokeEventLike = { senderFrame: null };

const tempDir = useTempDirs();
let services: AppServices | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

describe('handleIpcCall: the guards before the dispatcher', () => {
  it.each([
    ['a sub-frame', subFrame],
    ['another origin', otherOrigin],
    ['a file:// page', fileOrigin],
    ['a destroyed frame', goneFrame],
  ])('refuses a call from %s with FORBIDDEN_SENDER, reaching no service', async (_label, event) => {
    const { handlers, calls } = recordingHandlers();
    const result = await handleIpcCall(createDispatcher(handlers), event, 'drafts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('refuses a payload over 1 MiB (measured as serialized JSON) with PAYLOAD_TOO_LARGE', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const big = { title: 'x'.repeat(MAX_PAYLOAD_BYTES) };
    expect(await handleIpcCall(dispatch, ourPage, 'drafts.create', big)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    // Multi-byte characters count by their UTF-8 bytes, not by string length.
    const wide = { title: 'é'.repeat(MAX_PAYLOAD_BYTES / 2) };
    expect(await handleIpcCall(dispatch, ourPage, 'drafts.create', wide)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(calls).toEqual([]);
  });

  it('lets a payload just under the limit reach the contract check', async () => {
    const { handlers, calls } = recordingHandlers();
    const payload = { title: 'x'.repeat(MAX_PAYLOAD_BYTES - 20) };
    expect(serializedSize(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const result = await handleIpcCall(createDispatcher(handlers), ourPage, 'drafts.create', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('refuses what is not plain data (a cycle, a BigInt) with INVALID_INPUT', async () => {
    const { handlers, calls } = recordingHandlers();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const payload of [cyclic, { n: 1n }]) {
      const result = await handleIpcCall(createDispatcher(handlers), ourPage, 'drafts.list', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(calls).toEqual([]);
  });

  it.each(['drafts.nope', 'nope', '', 'constructor.prototype', '__proto__.toString', 'drafts.__proto__', 42, null])(
    'answers an unknown channel (%s) with UNKNOWN_CHANNEL',
    async (name) => {
      const { handlers, calls } = recordingHandlers();
      const result = await handleIpcCall(createDispatcher(handlers), ourPage, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(calls).toEqual([]);
    },
  );

  it.each(channelNames)(
    'rejects every malformed input to %s with INVALID_INPUT; the handler is never called',
    async (name) => {
      const { handlers, calls } = recordingHandlers();
      const dispatch = createDispatcher(handlers);
      for (const input of MALFORMED_INPUTS) {
        const result = await handleIpcCall(dispatch, ourPage, name, input);
        expect(result, `input ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect(calls).toEqual([]);
    },
  );
});

describe('window.iscm from the preload, over the IPC binding, to the real services', () => {
  /** A stand-in for ipcRenderer joined to handleIpcCall as Electron would join them, from our top frame. */
  function wire(dispatch: Parameters<typeof handleIpcCall>[0], event: InvokeEventLike = ourPage) {
    const emitter = new EventEmitter();
    const ipc = {
      invoke: (channel: string, ...args: unknown[]) => {
        expect(channel).toBe(IPC_CALL);
        // Electron structured-clones arguments; JSON round-trip is the same for contract data.
        const cloned = args.map((a) => (a === undefined ? a : (JSON.parse(JSON.stringify(a)) as unknown)));
        return handleIpcCall(dispatch, event, cloned[0], cloned[1]);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        emitter.removeListener(channel, listener),
    };
    return { api: preloadApi.createPreloadApi(ipc as unknown as IpcRenderer), emitter };
  }

  it('creates, lists and reads a draft through the real services and a real database', async () => {
    const dataDir = tempDir();
    services = createAppServices({
      dataDir,
      questionnairesDir: path.resolve(import.meta.dirname, '..', '..', '..', 'questionnaires'),
      host: 'electron',
      appVersion: '0.0.0-test',
    });
    const { api } = wire(createAppDispatch(services.handlers, createRotatingLog({ dir: dataDir })));
    const info = await api.app.info({});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const listed = await api.drafts.list({});
    expect(listed).toEqual({ ok: true, value: [] });
    const bad = await api.drafts.get({ id: 'not-a-uuid' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns a call from a foreign frame into FORBIDDEN_SENDER for the page, never an exception', async () => {
    const { handlers, calls } = recordingHandlers();
    const { api } = wire(createDispatcher(handlers), subFrame);
    await expect(api.drafts.list({})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('turns a rejected invoke (main gone) into HOST_UNREACHABLE, as the web client does', async () => {
    const ipc = {
      invoke: () => Promise.reject(new Error('gone')),
      on: () => undefined,
      removeListener: () => undefined,
    };
    const api = preloadApi.createPreloadApi(ipc as unknown as IpcRenderer);
    await expect(api.drafts.list({})).resolves.toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });

  it('forwards service events to the window and stops after unsubscribe', () => {
    const bus = createEventBus();
    const { api, emitter } = wire(createDispatcher(recordingHandlers().handlers));
    const contents = {
      isDestroyed: () => false,
      send: (channel: string, ...args: unknown[]) => emitter.emit(channel, {}, ...args),
    };
    const stopForwarding = forwardEvents(bus, contents);
    const seen: unknown[] = [];
    const unsubscribe = api.on('progress', (p) => seen.push(p.done));
    bus.emit('progress', { operationId: 'op', label: 'Export', done: 1, total: 2 });
    unsubscribe();
    bus.emit('progress', { operationId: 'op', label: 'Export', done: 2, total: 2 });
    expect(seen).toEqual([1]);
    expect(emitter.listenerCount(IPC_EVENT)).toBe(0);
    stopForwarding();
  });

  it('sends nothing to a destroyed window', () => {
    const bus = createEventBus();
    const sent: unknown[] = [];
    forwardEvents(bus, { isDestroyed: () => true, send: (...args: unknown[]) => sent.push(args) });
    bus.emit('progress', { operationId: 'op', label: 'Export', done: 1, total: null });
    expect(sent).toEqual([]);
  });
});
