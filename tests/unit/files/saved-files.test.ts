import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { writeFileAtomic } from '../../../main/services/atomic-file.js';
import { MAX_SAVED_FILES, createSavedFiles, type SavedFiles } from '../../../main/services/files/saved-files.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** The refusal `check` throws: its code and the reason the renderer words. */
async function refusalOf(ledger: SavedFiles, file: string, within?: string): Promise<{ code: string; reason: unknown; message: string }> {
  try {
    await ledger.check(file, within === undefined ? {} : { within });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, reason: (error.details as { reason?: unknown } | undefined)?.reason, message: error.message };
  }
  throw new Error(`${file} was not refused`);
}

/** A file written as the services write them, and recorded in the ledger. */
async function saved(ledger: SavedFiles, dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFileAtomic(file, text);
  ledger.record(file, 'key-card', text);
  return file;
}

describe('the ledger of files saved for the user', () => {
  it('gives back a file it recorded, with the bytes it wrote', async () => {
    const dir = tempDir();
    const ledger = createSavedFiles();
    const card = await saved(ledger, dir, 'amina-key-card.txt', 'ssh-ed25519 AAAA… Amina Diallo\n');
    const checked = await ledger.check(card);
    expect(checked).toMatchObject({ path: card, name: 'amina-key-card.txt', kind: 'key-card', size: Buffer.byteLength('ssh-ed25519 AAAA… Amina Diallo\n') });
    expect(checked.bytes.toString('utf8')).toBe('ssh-ed25519 AAAA… Amina Diallo\n');
    // Binary bytes (a PDF) are recorded the same way.
    const pdf = path.join(dir, 'summary.pdf');
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 10]);
    await writeFileAtomic(pdf, bytes);
    ledger.record(pdf, 'pdf', bytes);
    expect((await ledger.check(pdf)).bytes.equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a path it never recorded: another file, the same file spelled through `..`, a new ledger (a later start)', async () => {
    const dir = tempDir();
    const ledger = createSavedFiles();
    const card = await saved(ledger, dir, 'card.txt', 'a key card');
    fs.writeFileSync(path.join(dir, 'other.txt'), 'not saved by the app');
    for (const other of [path.join(dir, 'other.txt'), `${dir}/sub/../card.txt`, '/etc/passwd', `${card}/`]) {
      expect(await refusalOf(ledger, other), other).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    }
    // The same file, still there, after the app started again: the new session's ledger does not know it.
    expect(await refusalOf(createSavedFiles(), card)).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    expect((await refusalOf(createSavedFiles(), card)).message).toContain('since it started');
  });

  it('refuses a file since renamed or deleted, and a link or folder put in its place', async () => {
    const dir = tempDir();
    const ledger = createSavedFiles();
    const card = await saved(ledger, dir, 'card.txt', 'a key card');
    const renamed = path.join(dir, 'renamed.txt');
    fs.renameSync(card, renamed);
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    // The new name was never saved by the app.
    expect(await refusalOf(ledger, renamed)).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    // A link to a file with the very same bytes is still not the file the app wrote.
    fs.symlinkSync(renamed, card);
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    fs.rmSync(card);
    fs.mkdirSync(card);
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    fs.rmdirSync(card);
    const deleted = await saved(ledger, dir, 'deleted.txt', 'to be deleted');
    fs.rmSync(deleted);
    const refused = await refusalOf(ledger, deleted);
    expect(refused).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    expect(refused.message).toContain('moved, renamed or deleted');
  });

  it('refuses a file whose bytes changed, even at the same size, and serves it again once they are back', async () => {
    const dir = tempDir();
    const ledger = createSavedFiles();
    const card = await saved(ledger, dir, 'card.txt', 'fingerprint AAAA');
    fs.writeFileSync(card, 'fingerprint BBBB');
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'CONFLICT', reason: 'changed' });
    fs.appendFileSync(card, ' and more');
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'CONFLICT', reason: 'changed' });
    fs.writeFileSync(card, 'fingerprint AAAA');
    expect((await ledger.check(card)).bytes.toString()).toBe('fingerprint AAAA');
  });

  it('with `within`, refuses a recorded file outside that folder, also when the folder is reached through a link', async () => {
    const root = tempDir();
    const exportsDir = path.join(root, 'exports');
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(exportsDir);
    fs.mkdirSync(elsewhere);
    const ledger = createSavedFiles();
    const inside = await saved(ledger, exportsDir, 'in.txt', 'inside');
    const outside = await saved(ledger, elsewhere, 'out.txt', 'outside');
    expect((await ledger.check(inside, { within: exportsDir })).bytes.toString()).toBe('inside');
    expect(await refusalOf(ledger, outside, exportsDir)).toMatchObject({ code: 'NOT_FOUND', reason: 'outside' });
    // A recorded path whose folder is a link to another folder: judged by where it really is.
    const linked = path.join(root, 'linked');
    fs.symlinkSync(elsewhere, linked);
    const viaLink = await saved(ledger, linked, 'via.txt', 'via a link');
    expect(await refusalOf(ledger, viaLink, exportsDir)).toMatchObject({ code: 'NOT_FOUND', reason: 'outside' });
    expect((await ledger.check(viaLink)).bytes.toString()).toBe('via a link');
  });

  it('a second save to the same path replaces the record; the oldest records go past the bound', async () => {
    const dir = tempDir();
    const ledger = createSavedFiles();
    const card = await saved(ledger, dir, 'card.txt', 'first');
    await saved(ledger, dir, 'card.txt', 'second, longer');
    expect((await ledger.check(card)).bytes.toString()).toBe('second, longer');
    for (let i = 0; i < MAX_SAVED_FILES; i++) ledger.record(path.join(dir, `never-written-${String(i)}.txt`), 'summary', 'x');
    expect(await refusalOf(ledger, card)).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    // The newest records are kept (the file was never written, so it is "gone", not "not saved").
    expect(await refusalOf(ledger, path.join(dir, `never-written-${String(MAX_SAVED_FILES - 1)}.txt`))).toMatchObject({ reason: 'gone' });
  });
});
