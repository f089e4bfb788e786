// Runs in the sandboxed renderer before the page: builds `window.iscm` from the
// contract over IPC and hands it to the page through contextBridge. The page
// never sees ipcRenderer or any Electron object, only these functions.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api.js';

contextBridge.exposeInMainWorld('iscm', createPreloadApi(ipcRenderer));
