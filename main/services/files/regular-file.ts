import fs from 'node:fs';
import { open, lstat, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../core/contract/errors.js';
import { describeSize } from './describe-size.js';

/**
 * Reading a file whose path came from outside (a user, a caller of the contract, a command
 * line) without letting that path hurt the app:
 *  - a FIFO must not block: it is opened with O_NONBLOCK, which returns at once for a pipe
 *    with no writer, and then refused, since fstat on the open descriptor says what it is;
 *  - a device (`/dev/zero`, `/dev/random`) or a folder is refused the same way, on the
 *    descriptor, so a symbolic link to one is refused too, and a swap between a check and
 *    the open cannot slip one in;
 *  - the size is capped before anything is read (a 1 TB sparse file costs nothing);
 *  - reading is asynchronous, so the event loop (and autosave) goes on meanwhile.
 */

// Not on Windows, where FIFOs and devices have no path a user could give; 0 leaves the flags unchanged there.
const platformFlags: Partial<typeof fs.constants> = fs.constants;
const NONBLOCK = platformFlags.O_NONBLOCK ?? 0;
const NOCTTY = platformFlags.O_NOCTTY ?? 0;
const READ_FLAGS = fs.constants.O_RDONLY | NONBLOCK | NOCTTY;

export interface RegularFileOptions {
  /** How the message names the file: "The key card", "The identity file". */
  readonly what: string;
  /** The most this file may hold; larger files are refused before any byte is read. */
  readonly maxBytes: number;
}

export interface OpenedFile {
  readonly handle: FileHandle;
  readonly size: number;
}

/** What a path is, in words, from its stat. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isFile()) return 'a file';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a device (such as /dev/zero)';
  if (stat.isBlockDevice()) return 'a disk device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'neither a file nor a folder';
}

function openFailure(what: string, file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason: Readonly<Record<string, string>> = {
    ENOENT: 'does not exist',
    ENOTDIR: 'does not exist (a part of its path is not a folder)',
    EACCES: 'cannot be read: permission denied',
    EPERM: 'cannot be read: permission denied',
    ELOOP: 'is a symbolic link that loops',
    ENXIO: 'is a device or socket that cannot be opened',
    ENAMETOOLONG: 'has a name too long for this system',
  };
  return new AppError('BAD_FILE', `${what} ${file} ${reason[code] ?? `cannot be opened (${code || String(error)})`}.`, {
    cause: code || 'unknown',
  });
}

/** "… is a link to a pipe (FIFO)": said when the path itself was a link, so the user sees why. */
async function linkNote(file: string): Promise<string> {
  const own = await lstat(file).catch(() => undefined);
  return own?.isSymbolicLink() ? ' (the path is a symbolic link to it)' : '';
}

/**
 * Opens `file` for reading if, and only if, it is a regular file of at most `maxBytes`;
 * otherwise a BAD_FILE that says what it is. The caller closes the handle.
 */
export async function openRegularFile(file: string, { what, maxBytes }: RegularFileOptions): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    throw openFailure(what, file, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new AppError(
        'BAD_FILE',
        `${what} ${file} is ${kindOf(stat)}${await linkNote(file)}, not a file that can be read.`,
        {
          cause: 'not-a-regular-file',
        },
      );
    }
    if (stat.size > maxBytes) {
      throw new AppError(
        'BAD_FILE',
        `${what} ${file} is ${describeSize(stat.size)}; at most ${describeSize(maxBytes)} is accepted.`,
        {
          cause: 'too-large',
          size: stat.size,
          maxBytes,
        },
      );
    }
    return { handle, size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

const CHUNK = 64 * 1024;

/**
 * Reads a whole regular file of at most `maxBytes`, asynchronously. A file that grows past
 * the cap while it is read (a log being written, a file some process appends to) is refused
 * too: reading stops at `maxBytes + 1`.
 */
export async function readRegularFile(file: string, options: RegularFileOptions): Promise<Buffer> {
  const { handle } = await openRegularFile(file, options);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, options.maxBytes + 1 - total);
      if (want <= 0) break;
      const buffer = Buffer.alloc(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > options.maxBytes) {
      throw new AppError(
        'BAD_FILE',
        `${options.what} ${file} grew past ${describeSize(options.maxBytes)} while it was read.`,
        {
          cause: 'too-large',
          maxBytes: options.maxBytes,
        },
      );
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** `readRegularFile` as UTF-8 text. */
export async function readTextFile(file: string, options: RegularFileOptions): Promise<string> {
  return (await readRegularFile(file, options)).toString('utf8');
}

/**
 * The same checks, synchronously, for a command-line tool that has nothing else to do
 * meanwhile (`iscm questionnaire check FILE`): still no FIFO wait, no device, no huge file.
 */
export function readRegularFileSync(file: string, { what, maxBytes }: RegularFileOptions): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch (error) {
    throw openFailure(what, file, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile())
      throw new AppError('BAD_FILE', `${what} ${file} is ${kindOf(stat)}, not a file that can be read.`, {
        cause: 'not-a-regular-file',
      });
    if (stat.size > maxBytes) {
      throw new AppError(
        'BAD_FILE',
        `${what} ${file} is ${describeSize(stat.size)}; at most ${describeSize(maxBytes)} is accepted.`,
        {
          cause: 'too-large',
          size: stat.size,
          maxBytes,
        },
      );
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let total = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0 || total + read >= buffer.length) {
        total += read;
        break;
      }
      total += read;
    }
    if (total > maxBytes)
      throw new AppError('BAD_FILE', `${what} ${file} grew past ${describeSize(maxBytes)} while it was read.`, {
        cause: 'too-large',
        maxBytes,
      });
    return buffer.subarray(0, total);
  } finally {
    fs.closeSync(fd);
  }
}
