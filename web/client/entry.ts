// The browser side of the web host: implements window.iscm over fetch, so the
// renderer cannot tell whether it runs in Electron or in a browser.
import { buildApi } from '../../core/contract/build-api.js';
import { withBrowserChannels } from './host-invoke.js';
import { fetchInvoke, fetchSubscribe } from './transport.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="iscm-token"]')?.content ?? '';
Object.defineProperty(window, 'iscm', {
  value: buildApi(withBrowserChannels(fetchInvoke(token), token), fetchSubscribe(token)),
  writable: false,
  configurable: false,
});
