import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAttachmentStore, StoreRefusal } from '../../../main/services/attachments/store.js';
import { sanitizeFileName } from '../../../main/services/attachments/limits.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('attachment store', () => {
  it('stores a streamed file at attachments/<aa>/<sha256>, with its exact bytes', async () => {
    const root = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(root);
    const bytes = Buffer.concat([Buffer.alloc(200_000, 7), Buffer.from('end')]);
    const stored = await store.put(Readable.from([bytes.subarray(0, 65_536), bytes.subarray(65_536)]), 1_000_000);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, isNew: true });
    expect(filesUnder(root)).toEqual([path.join(stored.sha256.slice(0, 2), stored.sha256)]);
    expect(fs.readFileSync(store.pathOf(stored.sha256)).equals(bytes)).toBe(true);
    expect(store.has(stored.sha256)).toBe(true);
  });

  it('dedupes: the same content twice is one file, and the second put writes nothing new', async () => {
    const root = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(root);
    const first = await store.put(Readable.from([Buffer.from('same')]), 100);
    const mtime = fs.statSync(store.pathOf(first.sha256)).mtimeMs;
    const second = await store.put(Readable.from([Buffer.from('sa'), Buffer.from('me')]), 100);
    expect(second).toEqual({ ...first, isNew: false });
    expect(filesUnder(root)).toHaveLength(1);
    expect(fs.statSync(store.pathOf(first.sha256)).mtimeMs).toBe(mtime);
    expect(store.strayTempFiles()).toEqual([]);
  });

  it('refuses an empty or over-limit stream and leaves no file behind', async () => {
    const root = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(root);
    await expect(store.put(Readable.from([]), 100)).rejects.toMatchObject({ reason: 'empty', message: 'The file is empty.' });
    const big = Readable.from([Buffer.alloc(60), Buffer.alloc(60), Buffer.alloc(60)]);
    await expect(store.put(big, 100)).rejects.toBeInstanceOf(StoreRefusal);
    expect(filesUnder(root)).toEqual([]);
  });

  it('a failing source leaves no temp file', async () => {
    const root = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(root);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(10));
        this.destroy(new Error('disk unplugged'));
      },
    });
    await expect(store.put(failing, 100)).rejects.toThrow('disk unplugged');
    expect(filesUnder(root)).toEqual([]);
  });

  it('removes the temp files a crash mid-copy left behind, and nothing else', async () => {
    const root = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(root);
    const kept = await store.put(Readable.from([Buffer.from('kept')]), 100);
    fs.writeFileSync(path.join(root, '.incoming-0123456789abcdef.tmp'), 'half a file');
    fs.writeFileSync(path.join(root, 'README'), 'not ours');
    expect(store.strayTempFiles()).toEqual(['.incoming-0123456789abcdef.tmp']);
    expect(store.removeStrayTempFiles()).toBe(1);
    expect(filesUnder(root).sort()).toEqual([path.join(kept.sha256.slice(0, 2), kept.sha256), 'README'].sort());
  });

  it('never builds a path from anything but a hash', () => {
    const store = createAttachmentStore(tempDir());
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
    expect(() => store.pathOf('A'.repeat(64))).toThrow();
    expect(store.has('../x')).toBe(false);
  });
});

describe('display names', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['C:\\Users\\a\\Charter.PDF', 'Charter.PDF'],
    ['bad\u0000na\u001bme\u007f.pdf', 'badname.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['..', 'file'],
    ['   ', 'file'],
    ['/', 'file'],
  ])('%j is shown as %j', (raw, shown) => {
    expect(sanitizeFileName(raw)).toBe(shown);
  });

  it('keeps the extension when cutting a long name to 255 characters', () => {
    const name = sanitizeFileName(`${'x'.repeat(400)}.docx`);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
