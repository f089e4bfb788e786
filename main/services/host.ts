/**
 * What only a desktop host can do, for services that need it (export asks where
 * to save, attachments ask which files, keys use the OS secret store). Services
 * must not import electron: they receive this interface. The Electron shell
 * implements it in `main/shell/host-electron.ts`; the web host and tests pass a
 * stand-in or leave the optional parts out (the service then answers NOT_SUPPORTED).
 */

export interface FileFilter {
  /** Shown to the user, e.g. "ISCM submission". */
  readonly name: string;
  /** Without the dot, e.g. ["iscm"]. */
  readonly extensions: readonly string[];
}

export interface PickFilesOptions {
  readonly title: string;
  readonly filters?: readonly FileFilter[];
  /** Allow choosing several files (or folders). */
  readonly multiple?: boolean;
  /** Choose folders instead of files (filters then do not apply). */
  readonly folders?: boolean;
}

export interface PickSavePathOptions {
  readonly title: string;
  /** Proposed file name (no folder: the dialog starts in the user's documents). */
  readonly defaultName: string;
  readonly filters?: readonly FileFilter[];
}

export interface PrintToPdfOptions {
  readonly landscape?: boolean;
  readonly pageSize?: 'A4' | 'Letter';
}

/**
 * The OS secret store (Keychain, DPAPI, libsecret/KWallet), used only when it
 * really encrypts: not Linux's `basic_text` fallback, whose key is fixed. Async
 * because Electron's synchronous safeStorage calls are deprecated.
 */
export interface SecretStore {
  /** False on Linux without a keyring: callers must fall back to the passphrase alone. */
  readonly isRealBackend: () => Promise<boolean>;
  /** Rejects when the store is not a real backend; never silently stores in the clear. */
  readonly encrypt: (plain: Uint8Array) => Promise<Uint8Array>;
  /**
   * `shouldReEncrypt`: the store's key was rotated or a better one is available; the caller
   * should seal the plain bytes again (`encrypt`) and store the new result in place of the old.
   */
  readonly decrypt: (sealed: Uint8Array) => Promise<{ readonly plain: Uint8Array; readonly shouldReEncrypt: boolean }>;
}

export interface HostCapabilities {
  /** Absolute paths chosen by the user; empty when they cancel. */
  readonly pickFiles: (options: PickFilesOptions) => Promise<readonly string[]>;
  /** Absolute path chosen by the user; undefined when they cancel. */
  readonly pickSavePath: (options: PickSavePathOptions) => Promise<string | undefined>;
  /** The app window's current page as PDF bytes (reports, the printable questionnaire). */
  readonly printToPdf?: (options: PrintToPdfOptions) => Promise<Uint8Array>;
  readonly safeStorage?: SecretStore;
  /** Opens the system file manager with this file selected (Electron's `shell.showItemInFolder`). */
  readonly showItemInFolder?: (path: string) => void;
  /**
   * Opens a file with the application the system associates with its type (Electron's
   * `shell.openPath`); rejects with the system's reason when it cannot.
   */
  readonly openPath?: (path: string) => Promise<void>;
}
