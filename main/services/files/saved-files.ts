import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import type { SavedFileKind } from '../../../core/contract/channels/files.js';
import { readRegularFile } from './regular-file.js';

/** Why a path was refused; the renderer words each one in the UI language (`details.reason`). */
export type SavedFileRefusal = 'not-saved' | 'gone' | 'changed' | 'outside';

export interface SavedFile {
  readonly path: string;
  readonly name: string;
  readonly kind: SavedFileKind;
  readonly size: number;
  readonly sha256: string;
}

/** A saved file checked just now, with the bytes that were checked (serve these, not a second read). */
export interface CheckedFile extends SavedFile {
  readonly bytes: Buffer;
}

/**
 * The files this app wrote for the user since it started (key cards, summaries, PDFs), the only
 * paths "Show in folder" and the web host's download may name besides a revision's recorded exports.
 */
export interface SavedFiles {
  /** Called by the service that wrote `bytes` to `file`, once the atomic write is committed. */
  readonly record: (file: string, kind: SavedFileKind, bytes: Uint8Array | string) => void;
  /**
   * The file at `file` if this app saved it in this session and it is still a regular file with
   * the bytes it wrote; refused (NOT_FOUND or CONFLICT, `details.reason`) otherwise. `within`:
   * the folder it must also be in after resolving links (the web host serves its exports folder only).
   */
  readonly check: (file: string, options?: { readonly within?: string }) => Promise<CheckedFile>;
}

/**
 * Why in memory and per start, not in the database: a path from an earlier session may since
 * name anything (the user moved folders, another program wrote there), and the renderer has
 * nothing to show for it anyway (the "file ready" step follows a save). Bounded, oldest first
 * out, so a session that saves thousands of files keeps a small ledger.
 */
export const MAX_SAVED_FILES = 500;

const sha256Of = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const refusal = (code: 'NOT_FOUND' | 'CONFLICT', reason: SavedFileRefusal, message: string): AppError =>
  new AppError(code, message, { reason });

export function createSavedFiles(): SavedFiles {
  // Keyed by the exact path the service wrote and returned: the renderer's path is only compared, never used.
  const ledger = new Map<string, SavedFile>();

  return {
    record(file, kind, bytes) {
      ledger.delete(file);
      const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
      ledger.set(file, { path: file, name: path.basename(file), kind, size, sha256: sha256Of(bytes) });
      while (ledger.size > MAX_SAVED_FILES) {
        const oldest = ledger.keys().next();
        if (oldest.done === true) break;
        ledger.delete(oldest.value);
      }
    },

    async check(file, options = {}) {
      const saved = ledger.get(file);
      if (!saved)
        throw refusal(
          'NOT_FOUND',
          'not-saved',
          `The app did not save a file at ${file} since it started: it shows and serves only the files it saved in this session. Save the file again.`,
        );
      const gone = () =>
        refusal('NOT_FOUND', 'gone', `The file is no longer at ${saved.path}: it was moved, renamed or deleted. Save it again.`);
      const changed = () =>
        refusal('CONFLICT', 'changed', `The file at ${saved.path} changed since the app saved it. Save it again.`);
      let own: fs.Stats;
      try {
        own = await fs.promises.lstat(saved.path);
      } catch {
        throw gone();
      }
      // A link put where the file was is not the file the app wrote, whatever it points at.
      if (!own.isFile()) throw gone();
      if (own.size !== saved.size) throw changed();
      if (options.within !== undefined) {
        let real: string;
        let folder: string;
        try {
          real = await fs.promises.realpath(saved.path);
          folder = await fs.promises.realpath(options.within);
        } catch {
          throw gone();
        }
        if (path.dirname(real) !== folder)
          throw refusal('NOT_FOUND', 'outside', `This host serves only the files in its exports folder, and ${saved.path} is not there.`);
      }
      let bytes: Buffer;
      try {
        bytes = await readRegularFile(saved.path, { what: 'The saved file', maxBytes: saved.size });
      } catch (error) {
        if (error instanceof AppError && (error.details as { cause?: string } | undefined)?.cause === 'too-large') throw changed();
        throw gone();
      }
      if (bytes.length !== saved.size || sha256Of(bytes) !== saved.sha256) throw changed();
      return { ...saved, bytes };
    },
  };
}
