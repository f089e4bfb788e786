import type { IscmApi } from '../core/contract/index.js';

declare global {
  interface Window {
    /** The app's API, installed by the preload (desktop) or the web client (browser). */
    readonly iscm: IscmApi;
  }
}
export {};
