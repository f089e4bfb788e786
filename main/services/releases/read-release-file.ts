import { AppError } from '../../../core/contract/errors.js';
import { DEFAULT_RELEASE_LIMITS } from '../../../core/release/format.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import { readRegularFile } from '../files/regular-file.js';

/**
 * The bytes of a release file a user or a caller named by path. Read as every caller path is
 * (a pipe, a device or a folder refused on the open descriptor, nothing read past the limit);
 * a file over the release size limit keeps its own refusal code, RELEASE_TOO_LARGE.
 */
export async function readReleaseFile(file: string, what = 'The release file'): Promise<Buffer> {
  const maxBytes = DEFAULT_RELEASE_LIMITS.maxFileBytes;
  try {
    return await readRegularFile(file, { what, maxBytes });
  } catch (error) {
    const details: unknown = error instanceof AppError ? error.details : undefined;
    if (typeof details === 'object' && details !== null && 'cause' in details && details.cause === 'too-large') {
      const size = 'size' in details && typeof details.size === 'number' ? `${details.size} bytes` : 'more bytes';
      throw new ReleaseRefusal('RELEASE_TOO_LARGE', `${size}, at most ${maxBytes}`);
    }
    throw error;
  }
}
