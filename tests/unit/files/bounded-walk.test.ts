import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { IMPORT_WALK_LIMITS, walkFolder, type WalkProgress } from '../../../main/services/files/bounded-walk.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const iscm = (name: string): boolean => name.endsWith('.iscm');

/** A chain of `depth` folders under `root`, a package at the bottom. */
function deepTree(root: string, depth: number): string {
  let dir = root;
  for (let i = 0; i < depth; i++) dir = path.join(dir, `d${i}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bottom.iscm'), 'x');
  return dir;
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('a bounded folder walk', () => {
  it('finds the packages of each folder in name order, skipping pipes, devices, sockets and symbolic links', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'b'));
    fs.writeFileSync(path.join(root, 'c.iscm'), 'x');
    fs.writeFileSync(path.join(root, 'a.iscm'), 'x');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'x');
    fs.writeFileSync(path.join(root, 'b', 'inner.ISCM'), 'x');
    execFileSync('mkfifo', [path.join(root, 'pipe.iscm')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.iscm'));
    fs.symlinkSync(root, path.join(root, 'b', 'loop')); // a link back up: never followed
    fs.symlinkSync('/', path.join(root, 'root-link'));
    const found = await walkFolder(root, { accept: (n) => n.toLowerCase().endsWith('.iscm') });
    expect(found).toEqual([path.join(root, 'a.iscm'), path.join(root, 'b', 'inner.ISCM'), path.join(root, 'c.iscm')]);
  });

  it('refuses a tree deeper than the limit, naming the root, the limit and where', async () => {
    const root = tempDir();
    deepTree(root, IMPORT_WALK_LIMITS.maxDepth + 4);
    const error = await refusal(walkFolder(root, { accept: iscm }));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toMatch(
      new RegExp(
        `^The folder ${root} goes more than 16 folders deep \\(at .*d16\\); nothing was imported\\. Choose the folder that holds the packages\\.$`,
      ),
    );
    // At the limit exactly, it is fine.
    const ok = tempDir();
    deepTree(ok, IMPORT_WALK_LIMITS.maxDepth);
    expect(await walkFolder(ok, { accept: iscm })).toHaveLength(1);
  });

  it('stops after the entry limit, and after the file limit, with what to do', async () => {
    const root = tempDir();
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, `${String(i).padStart(2, '0')}.iscm`), 'x');
    const entries = await refusal(
      walkFolder(root, { accept: iscm, limits: { maxDepth: 4, maxEntries: 20, maxFiles: 100 } }),
    );
    expect(entries.message).toBe(
      `The folder ${root} holds more than 20 files and folders; nothing was imported. Choose the folder that holds the packages.`,
    );
    const files = await refusal(
      walkFolder(root, { accept: iscm, limits: { maxDepth: 4, maxEntries: 100, maxFiles: 25 } }),
    );
    expect(files.message).toBe(
      `The folder ${root} holds more than 25 packages; nothing was imported. Import it in parts.`,
    );
  });

  it('reports progress folder by folder, and lets other work run meanwhile', async () => {
    const root = tempDir();
    for (let i = 0; i < 40; i++) {
      fs.mkdirSync(path.join(root, `f${i}`));
      for (let j = 0; j < 60; j++) fs.writeFileSync(path.join(root, `f${i}`, `${j}.iscm`), '');
    }
    const progress: WalkProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const found = await walkFolder(root, { accept: iscm, onProgress: (p) => progress.push(p) });
    clearInterval(timer);
    expect(found).toHaveLength(2400);
    expect(progress.map((p) => p.folder)).toContain(path.join(root, 'f39'));
    expect(progress.at(-1)).toEqual({ folder: root, entriesSeen: 2440, filesFound: 2400 });
    expect(progress.map((p) => p.entriesSeen)).toEqual([...progress.map((p) => p.entriesSeen)].sort((a, b) => a - b));
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when cancelled', async () => {
    const root = tempDir();
    deepTree(root, 3);
    const controller = new AbortController();
    controller.abort();
    expect((await refusal(walkFolder(root, { accept: iscm, signal: controller.signal }))).code).toBe('CANCELLED');
  });
});
