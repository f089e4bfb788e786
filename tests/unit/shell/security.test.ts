import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  downloadDecision,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  permissionDecision,
  requestDecision,
  shouldAllowNavigation,
  webviewAttachDecision,
  windowOpenDecision,
} from '../../../main/shell/security.js';

const FOREIGN_URLS = [
  'https://example.org/',
  'http://127.0.0.1:8080/index.html',
  'http://localhost/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://iscm/1234',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://evil/index.html',
  'app://iscm.evil.org/index.html',
  'app://user@iscm/index.html',
  'app://iscm:8080/index.html',
  'ftp://example.org/x',
  'not a url',
  '',
];

describe('navigation', () => {
  it.each(['app://iscm/index.html', 'app://iscm/', 'app://iscm/index.html#/drafts/1', 'app://iscm/index.html?x=1'])(
    'allows our own index: %s',
    (url) => expect(shouldAllowNavigation(url)).toBe(true),
  );
  it.each([...FOREIGN_URLS, 'app://iscm/assets/app.js', 'app://iscm/other.html'])('refuses %s', (url) =>
    expect(shouldAllowNavigation(url)).toBe(false),
  );
});

describe('new windows, webviews, downloads, permissions', () => {
  it.each(['app://iscm/index.html', ...FOREIGN_URLS])('denies window.open(%s)', (url) =>
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' }),
  );
  it('refuses every webview and every download', () => {
    expect(webviewAttachDecision('app://iscm/index.html')).toBe('refuse');
    expect(webviewAttachDecision('https://example.org/')).toBe('refuse');
    expect(downloadDecision('app://iscm/index.html')).toBe('refuse');
  });
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'openExternal',
    'pointerLock',
    'idle-detection',
    'storage-access',
    'local-fonts',
    'unknown',
  ])('denies the permission %s', (permission) => expect(permissionDecision(permission)).toBe(false));
});

describe('requests (no remote content)', () => {
  it.each([
    'app://iscm/index.html',
    'app://iscm/assets/a.js',
    'data:image/png;base64,AA==',
    'blob:app://iscm/uuid',
    'devtools://devtools/x',
  ])('allows %s', (url) => expect(requestDecision(url)).toBe('allow'));
  it.each([
    'https://example.org/',
    'http://127.0.0.1:1234/api/drafts.list',
    'ws://127.0.0.1/',
    'wss://example.org/',
    'file:///etc/passwd',
    'ftp://example.org/',
    'app://evil/x.js',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels %s', (url) => expect(requestDecision(url)).toBe('cancel'));
});

describe('IPC sender', () => {
  it('trusts only the app origin in the top frame', () => {
    expect(isTrustedSender('app://iscm/index.html#/drafts', true)).toBe(true);
    expect(isTrustedSender('app://iscm/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.org/', true)).toBe(false);
    expect(isTrustedSender('file:///home/user/index.html', true)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

/** A stand-in for the parts of Electron's event objects the handlers use. */
class FakeEvent {
  prevented = false;
  constructor(readonly url: string) {}
  preventDefault(): void {
    this.prevented = true;
  }
}

describe('hardenWebContents wires each decision', () => {
  function harden() {
    const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => unknown };
    Object.assign(contents, {
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (contents.openHandler = h),
    });
    const refused: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (what, url) => refused.push(`${what} ${url}`));
    return { contents, refused };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: prevents a foreign URL, lets our index through',
    (name) => {
      const { contents, refused } = harden();
      const foreign = new FakeEvent('https://example.org/');
      contents.emit(name, foreign);
      expect(foreign.prevented).toBe(true);
      const ours = new FakeEvent('app://iscm/index.html#/x');
      contents.emit(name, ours);
      expect(ours.prevented).toBe(false);
      expect(refused).toHaveLength(1);
    },
  );

  it('denies window.open through setWindowOpenHandler', () => {
    const { contents } = harden();
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://iscm/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses a <webview> attach', () => {
    const { contents, refused } = harden();
    const event = new FakeEvent('');
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.prevented).toBe(true);
    expect(refused).toEqual(['webview https://example.org/']);
  });
});

describe('hardenSession wires each decision', () => {
  function harden() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = new EventEmitter();
    Object.assign(session, {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onBeforeRequest: (h: never) => (handlers.beforeRequest = h) },
    });
    hardenSession(session as unknown as Session, () => undefined);
    return { session, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read'])(
    'answers a %s request with false',
    (permission) => {
      const { handlers } = harden();
      const answers: boolean[] = [];
      handlers.request?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(handlers.check?.({}, permission, 'app://iscm', {})).toBe(false);
      expect(handlers.device?.({})).toBe(false);
    },
  );

  it('cancels remote requests and lets app:// through', () => {
    const { handlers } = harden();
    const answers: unknown[] = [];
    handlers.beforeRequest?.({ url: 'https://example.org/x.js' }, (r: unknown) => answers.push(r));
    handlers.beforeRequest?.({ url: 'app://iscm/assets/a.js' }, (r: unknown) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('refuses downloads', () => {
    const { session } = harden();
    const event = new FakeEvent('');
    session.emit('will-download', event, { getURL: () => 'https://example.org/x.exe' });
    expect(event.prevented).toBe(true);
  });
});
