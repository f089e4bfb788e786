import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Why a stream was not stored; the temp file is gone in every case. */
export class StoreRefusal extends Error {
  constructor(
    readonly reason: 'empty' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'StoreRefusal';
  }
}

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  /** False when an identical file was already in the store (nothing new was written). */
  readonly isNew: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The content-addressed attachment store: `<root>/<aa>/<sha256>`, where `aa` is the
 * hash's first two hex digits. A file's path comes only from its hash, never from a
 * name the user gave. Writes stream through the hash into a temp file inside the
 * store (same file system), fsync it, then rename it into place, so a crash leaves
 * either the whole file or nothing (plus at most a stray temp file).
 */
export function createAttachmentStore(root: string) {
  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  async function syncDir(dir: string): Promise<void> {
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot fsync a folder; the rename is still atomic there.
    }
  }

  /** Copies `source` into the store, refusing it past `maxBytes` (without reading the rest) or when empty. */
  async function put(source: Readable, maxBytes: number): Promise<StoredFile> {
    await mkdir(root, { recursive: true });
    const temp = path.join(root, `.incoming-${randomBytes(8).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let committed = false;
    try {
      try {
        // Not destroying the source on refusal lets an HTTP upload still receive an answer.
        const chunks = source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxBytes) throw new StoreRefusal('too-large', 'too large');
          hash.update(chunk);
          await handle.write(chunk);
        }
        if (size === 0) throw new StoreRefusal('empty', 'The file is empty.');
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isFile() && existing.size === size) return { sha256, size, isNew: false };
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      committed = true;
      await syncDir(path.dirname(target));
      return { sha256, size, isNew: true };
    } finally {
      if (!committed) await rm(temp, { force: true });
    }
  }

  const strayTempFiles = (): string[] =>
    fs.existsSync(root) ? fs.readdirSync(root).filter((f) => /^\.incoming-[0-9a-f]{16}\.tmp$/.test(f)) : [];

  return {
    root,
    pathOf,
    put,
    has: (sha256: string): boolean => SHA256.test(sha256) && fs.existsSync(pathOf(sha256)),
    /** Temp files left by a crash mid-copy. */
    strayTempFiles,
    /** Removes them; call at start, before any copy can be running (nothing refers to a temp file). */
    removeStrayTempFiles: (): number => {
      let removed = 0;
      try {
        for (const f of strayTempFiles()) {
          fs.rmSync(path.join(root, f), { force: true });
          removed += 1;
        }
      } catch {
        // A read-only data folder must not stop the app from starting; they go next time.
      }
      return removed;
    },
  };
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
