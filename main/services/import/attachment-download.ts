import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import { IOM_DB_FILE } from './handlers.js';
import { openIom } from './context.js';
import { checkStoredBytes, storedAttachment, type StoredAttachment } from './imported-attachments.js';

/** What the web host's attachment download endpoint needs from the app. */
export interface AttachmentDownloads {
  readonly file: (submissionId: string, file: string) => Promise<StoredAttachment>;
}

/**
 * An attachment of an imported revision for the web host to send: found by its hash among the
 * ones iom.db records for that revision (never by a name or path), and its stored bytes checked
 * against that hash before any is sent. iom.db is opened for the look-up and closed again, like
 * the `iom` channels do; a data folder without one has no attachments, and none is created.
 */
export async function servableAttachment(dataDir: string, submissionId: string, file: string, nativeBinding?: string): Promise<StoredAttachment> {
  const dbFile = path.join(dataDir, IOM_DB_FILE);
  if (!fs.existsSync(dbFile)) throw new AppError('NOT_FOUND', 'Nothing has been imported on this computer yet.');
  const iom = openIom(dbFile, nativeBinding);
  let found: StoredAttachment;
  try {
    found = storedAttachment(iom, submissionId, file);
  } finally {
    iom.db.close();
  }
  await checkStoredBytes(found);
  return found;
}
