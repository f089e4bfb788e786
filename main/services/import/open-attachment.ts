import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { chmod, mkdtemp, open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import { commitTempFile, removeQuietly, tempPathBeside } from '../atomic-file.js';
import type { StoredAttachment } from './imported-attachments.js';

export interface OpenAttachmentOptions {
  /** The user was told the type can run code and chose to open it all the same. */
  readonly confirmed: boolean;
  /** Where the new temp folder is made (the OS temp folder in the app). */
  readonly tempRoot: string;
  /** The system's "open with its application" (Electron's `shell.openPath`); rejects with the OS's reason. */
  readonly openPath: (file: string) => Promise<void>;
}

/**
 * Copies the stored attachment into a new folder only its owner can enter (0700), as a file only
 * its owner can read (0600, no execute bit, so a script or binary is not made runnable), under
 * its safe name, checking while copying that the bytes are the ones imported; then asks the
 * system to open that copy. The media store itself is never handed to another application, which
 * could change it. A type that can run code needs `confirmed`. Returns the copy's path.
 */
export async function openImportedAttachment(attachment: StoredAttachment, options: OpenAttachmentOptions): Promise<string> {
  if (attachment.risk !== null && !options.confirmed)
    throw new AppError(
      'INVALID_INPUT',
      `${attachment.name} is a file that can run code on this computer (${attachment.risk}, .${attachment.extension}): confirm before opening it.`,
      { confirmationRequired: true, risk: attachment.risk },
    );
  const folder = await mkdtemp(path.join(options.tempRoot, 'iscm-attachment-'));
  // mkdtemp already makes it 0700 on POSIX; said again so a umask or a platform cannot widen it.
  await chmod(folder, 0o700);
  const target = path.join(folder, attachment.name);
  const temp = tempPathBeside(target);
  try {
    const hash = createHash('sha256');
    const out = await open(temp, 'wx', 0o600);
    try {
      for await (const chunk of fs.createReadStream(attachment.path)) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        await out.write(bytes);
      }
    } finally {
      await out.close();
    }
    if (hash.digest('hex') !== attachment.file)
      throw new AppError('CONFLICT', `The stored copy of ${attachment.name} no longer matches the file that was imported: it was changed outside the app.`);
    await commitTempFile(temp, target);
  } catch (error) {
    await removeQuietly(folder);
    throw error;
  }
  try {
    await options.openPath(target);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('NOT_SUPPORTED', `This computer could not open ${attachment.name}: ${reason}. A copy is at ${target}.`, { path: target });
  }
  return target;
}
