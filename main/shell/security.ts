import type { Session, WebContents } from 'electron';
import { APP_SCHEME, isAppOrigin, parseUrl } from './app-origin.js';

// Every decision is a pure function of its input so that it is unit-tested
// without Electron; `hardenWebContents` and `hardenSession` only wire them up.

/** The pages the window may show: our own index (any #route). Everything else is refused. */
export function shouldAllowNavigation(url: string): boolean {
  if (!isAppOrigin(url)) return false;
  const pathname = parseUrl(url)?.pathname ?? '';
  return pathname === '/' || pathname === '/index.html';
}

/** The app never opens a second window or a browser tab: every `window.open` and target=_blank is denied. */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The app needs no web permission (camera, microphone, geolocation, notifications,
 * clipboard-read, HID, serial, …): copy and paste work through the Edit menu's
 * roles, which need none. Denied, whatever is asked.
 */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** `<webview>` would embed a page outside every rule above: never attached. */
export function webviewAttachDecision(_src: string): 'allow' | 'refuse' {
  return 'refuse';
}

/** Downloads could write anywhere; files are saved only through main's own dialogs. */
export function downloadDecision(_url: string): 'allow' | 'refuse' {
  return 'refuse';
}

/**
 * Schemes a page of ours may load from. No http(s), ws(s), file or ftp: the app
 * makes no request off the machine and reads files only through main.
 * `devtools:` lets the developer tools open in development.
 */
const LOADABLE_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export function requestDecision(url: string): 'allow' | 'cancel' {
  const parsed = parseUrl(url);
  if (!parsed || !LOADABLE_SCHEMES.has(parsed.protocol)) return 'cancel';
  if (parsed.protocol === `${APP_SCHEME}:` && !isAppOrigin(url)) return 'cancel';
  return 'allow';
}

/** An IPC call is trusted only from the app's own page in the top frame (not an iframe, not another origin). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppOrigin(frameUrl);
}

/** Wires the decisions to one webContents (every one the app creates, devtools included). */
export function hardenWebContents(contents: WebContents, onRefused: (what: string, url: string) => void): void {
  const guardNavigation = (kind: string) => (event: { url: string; preventDefault: () => void }) => {
    if (shouldAllowNavigation(event.url)) return;
    event.preventDefault();
    onRefused(kind, event.url);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    onRefused('new window', url);
    return windowOpenDecision(url);
  });
  contents.on('will-attach-webview', (event, _prefs, params) => {
    const src = params.src ?? '';
    if (webviewAttachDecision(src) === 'allow') return;
    event.preventDefault();
    onRefused('webview', src);
  });
}

/** Wires the decisions to the session: permissions, device access, downloads, requests. */
export function hardenSession(session: Session, onRefused: (what: string, url: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = permissionDecision(permission);
    if (!granted) onRefused(`permission ${permission}`, '');
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (downloadDecision(item.getURL()) === 'allow') return;
    event.preventDefault();
    onRefused('download', item.getURL());
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = requestDecision(details.url);
    if (decision === 'cancel') onRefused('request', details.url);
    callback({ cancel: decision === 'cancel' });
  });
}
