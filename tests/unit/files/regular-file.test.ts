import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { requireFolder } from '../../../main/services/files/folder.js';
import {
  openRegularFile,
  readRegularFile,
  readRegularFileSync,
  readTextFile,
} from '../../../main/services/files/regular-file.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const OPTIONS = { what: 'The test file', maxBytes: 1024 };

/** A FIFO nobody writes to: a plain open() for reading would wait for a writer forever. */
function fifo(dir: string, name = 'pipe'): string {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

/** A 64 GiB file that takes no room: its size alone must refuse it. */
function sparse(dir: string): string {
  const file = path.join(dir, 'huge.bin');
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, 64 * 1024 ** 3);
  return file;
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Proof that the event loop ran meanwhile: a timer scheduled before the call fires before it settles. */
async function whileLoopRuns<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { result, ticks };
}

describe('reading a file named by a caller', () => {
  it('reads a regular file, and a symbolic link to one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'card.txt');
    fs.writeFileSync(file, 'héllo');
    fs.symlinkSync(file, path.join(dir, 'link'));
    expect(await readTextFile(file, OPTIONS)).toBe('héllo');
    expect(await readTextFile(path.join(dir, 'link'), OPTIONS)).toBe('héllo');
    expect(readRegularFileSync(file, OPTIONS).toString('utf8')).toBe('héllo');
  });

  it('refuses a FIFO at once (no wait for a writer), and a symbolic link to one', async () => {
    const dir = tempDir();
    const pipe = fifo(dir);
    fs.symlinkSync(pipe, path.join(dir, 'link-to-pipe'));
    const direct = await refusal(readRegularFile(pipe, OPTIONS));
    expect(direct.code).toBe('BAD_FILE');
    expect(direct.message).toBe(`The test file ${pipe} is a pipe (FIFO), not a file that can be read.`);
    const viaLink = await refusal(readRegularFile(path.join(dir, 'link-to-pipe'), OPTIONS));
    expect(viaLink.message).toContain('is a pipe (FIFO) (the path is a symbolic link to it)');
    expect(() => readRegularFileSync(pipe, OPTIONS)).toThrow(/is a pipe \(FIFO\)/);
  });

  it('refuses /dev/zero and a symbolic link to it, without reading a byte', async () => {
    const dir = tempDir();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
    const rssBefore = process.memoryUsage().rss;
    for (const file of ['/dev/zero', path.join(dir, 'zero')]) {
      const error = await refusal(readRegularFile(file, { what: 'The key card', maxBytes: 1024 ** 3 }));
      expect(error.message).toMatch(/is a device \(such as \/dev\/zero\)/);
    }
    expect(() => readRegularFileSync('/dev/zero', OPTIONS)).toThrow(/is a device/);
    // Reading /dev/zero up to a 1 GiB cap would have grown the process by that much.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 ** 2);
  });

  it('refuses a huge sparse file by its size, before reading, and a symbolic link to it', async () => {
    const dir = tempDir();
    const huge = sparse(dir);
    fs.symlinkSync(huge, path.join(dir, 'huge-link'));
    for (const file of [huge, path.join(dir, 'huge-link')]) {
      const error = await refusal(readRegularFile(file, OPTIONS));
      expect(error.message).toBe(`The test file ${file} is 64 GiB; at most 1 KiB is accepted.`);
      expect(error.details).toMatchObject({ cause: 'too-large', size: 64 * 1024 ** 3, maxBytes: 1024 });
    }
    expect(() => readRegularFileSync(huge, OPTIONS)).toThrow(/is 64 GiB/);
  });

  it('refuses a folder, a missing path, a dangling link and a link loop, each with its reason', async () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    expect((await refusal(readRegularFile(dir, OPTIONS))).message).toBe(
      `The test file ${dir} is a folder, not a file that can be read.`,
    );
    expect((await refusal(readRegularFile(path.join(dir, 'missing'), OPTIONS))).message).toMatch(
      /missing does not exist\.$/,
    );
    expect((await refusal(readRegularFile(path.join(dir, 'dangling'), OPTIONS))).message).toMatch(
      /dangling does not exist\.$/,
    );
    expect((await refusal(readRegularFile(path.join(dir, 'loop-a'), OPTIONS))).message).toMatch(
      /loop-a is a symbolic link that loops\.$/,
    );
  });

  it('refuses a file of exactly one byte over the cap, and accepts one at the cap', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'at'), Buffer.alloc(1024, 1));
    fs.writeFileSync(path.join(dir, 'over'), Buffer.alloc(1025, 1));
    expect((await readRegularFile(path.join(dir, 'at'), OPTIONS)).length).toBe(1024);
    expect((await refusal(readRegularFile(path.join(dir, 'over'), OPTIONS))).details).toMatchObject({
      cause: 'too-large',
    });
  });

  it('keeps the event loop turning while it opens and refuses a FIFO, a device and a huge file', async () => {
    const dir = tempDir();
    for (const file of [fifo(dir), '/dev/zero', sparse(dir)]) {
      const { result, ticks } = await whileLoopRuns(() => readRegularFile(file, OPTIONS));
      expect(result.status).toBe('rejected');
      expect(ticks).toBeGreaterThan(0);
    }
  });

  it('hands back an open descriptor of the file it checked (the caller streams from it)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.bin');
    fs.writeFileSync(file, Buffer.from([1, 2, 3]));
    const { handle, size } = await openRegularFile(file, OPTIONS);
    try {
      expect(size).toBe(3);
      // The name can change after the check; the descriptor still reads the file that was checked.
      fs.renameSync(file, path.join(dir, 'moved.bin'));
      fs.writeFileSync(file, 'another');
      const buffer = Buffer.alloc(3);
      await handle.read(buffer, 0, 3, 0);
      expect([...buffer]).toEqual([1, 2, 3]);
    } finally {
      await handle.close();
    }
  });
});

describe('a folder where a folder is asked for', () => {
  it('accepts a folder, makes a missing one, refuses a file or a FIFO in its place', async () => {
    const dir = tempDir();
    await requireFolder(dir, { what: 'The export folder', create: false });
    await requireFolder(path.join(dir, 'new', 'deep'), { what: 'The export folder', create: true });
    expect(fs.statSync(path.join(dir, 'new', 'deep')).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const pipe = fifo(dir);
    expect(
      (await refusal(requireFolder(path.join(dir, 'file'), { what: 'The export folder', create: true }))).message,
    ).toBe(`The export folder ${path.join(dir, 'file')} is a file, not a folder.`);
    expect((await refusal(requireFolder(pipe, { what: 'The export folder', create: true }))).message).toBe(
      `The export folder ${pipe} is a pipe (FIFO), not a folder.`,
    );
    expect(
      (await refusal(requireFolder(path.join(dir, 'absent'), { what: 'The export folder', create: false }))).message,
    ).toMatch(/does not exist/);
  });
});
