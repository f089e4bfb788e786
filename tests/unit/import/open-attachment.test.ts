import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedAttachmentView } from '../../../core/contract/channels/iom.js';
import { createDispatcher, type Dispatch } from '../../../core/contract/dispatch.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import { openIom } from '../../../main/services/import/context.js';
import { IOM_DB_FILE } from '../../../main/services/import/handlers.js';
import { storedAttachment } from '../../../main/services/import/imported-attachments.js';
import { createSystemOpener, type ShellLike } from '../../../main/shell/open-with-system.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner, type MadePackage } from './package-kit.js';
import { tempDir } from './iom-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/**
 * Opening an imported attachment through the real `iom` channels (contract, dispatcher, services,
 * iom.db, the media store) on the desktop host, with Electron's `shell` stood in for (no Electron
 * binary runs here): the stand-in records what it was asked to open and reads the copy at that
 * moment, as the system's application would. `shell.openPath` answers '' or the OS's reason.
 */
const REPORT = Buffer.from('%PDF-1.4\n% a quarterly report\n');
const MINUTES = Buffer.from('PK\u0003\u0004 minutes of the meeting');

interface Opened {
  readonly path: string;
  readonly bytes: Buffer;
  readonly fileMode: number;
  readonly folderMode: number;
  readonly folderEntries: string[];
}

let dataDir: string;
let services: AppServices;
let web: AppServices;
let call: Dispatch;
let shellAnswer = '';
const opened: Opened[] = [];
let withReport: MadePackage;
let withMinutes: MadePackage;
let plain: MadePackage;

const shell: ShellLike = {
  openPath: (file: string) => {
    const folder = path.dirname(file);
    opened.push({
      path: file,
      bytes: fs.readFileSync(file),
      fileMode: fs.statSync(file).mode & 0o777,
      folderMode: fs.statSync(folder).mode & 0o777,
      folderEntries: fs.readdirSync(folder),
    });
    return Promise.resolve(shellAnswer);
  },
};

async function value<T>(channel: string, input: unknown): Promise<T> {
  const result = (await call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function refusal(channel: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const result = await call(channel, input);
  if (result.ok) throw new Error(`${channel} was not refused`);
  return result.error;
}

const mediaFile = (sha256: string): string => path.join(dataDir, 'iom-media', sha256);
const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
/** The hash of the one file attached to a package of this test. */
const sha = (p: MadePackage): string => hashOf(p === withReport ? REPORT : MINUTES);

beforeAll(async () => {
  dataDir = tempDir();
  services = createAppServices({
    dataDir,
    questionnairesDir: QUESTIONNAIRES_DIR,
    host: 'electron',
    appVersion: '0.0.0-test',
    hostCapabilities: {
      pickFiles: () => Promise.resolve([]),
      pickSavePath: () => Promise.resolve(undefined),
      openPath: createSystemOpener(shell),
    },
  });
  call = createDispatcher(services.handlers);
  const inbox = tempDir();
  // A name with folders (the respondent's own path) and a bidirectional override, as a signed answer may carry.
  withReport = await makePackage({ dir: inbox, signer: makeSigner(), attachments: [REPORT], attachmentNames: ['../../Users/amina/Quarterly\u202Ereport.pdf'] });
  withMinutes = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 4, attachments: [MINUTES], attachmentNames: ['minutes.docx'] });
  plain = await makePackage({ dir: inbox, signer: makeSigner('Third'), mechanismIndex: 6 });
  await value('iom.useIdentity', { path: DEV_IDENTITY_FILE });
  const { operationId } = await value<{ operationId: string }>('iom.startImport', { paths: [withReport.path, withMinutes.path, plain.path] });
  for (;;) {
    const p = await value<{ finished: boolean; counts: { imported: number } }>('iom.importProgress', { operationId });
    if (p.finished) {
      expect(p.counts.imported).toBe(3);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The same data folder behind the web host: no system "open with" there.
  web = createAppServices({ dataDir: tempDir(), questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
});

afterAll(() => {
  services.close();
  web.close();
  for (const o of opened) fs.rmSync(path.dirname(o.path), { recursive: true, force: true });
});

describe('listing an imported revision’s attachments', () => {
  it('gives each recorded attachment its signed name made safe, its size and its type', async () => {
    const { attachments } = await value<{ attachments: ImportedAttachmentView[] }>('iom.listAttachments', { submissionId: withReport.submissionId });
    expect(attachments).toEqual([{ file: sha(withReport), name: 'Quarterlyreport.pdf', size: REPORT.length, extension: 'pdf', risk: null }]);
    expect(await value('iom.listAttachments', { submissionId: plain.submissionId })).toEqual({ attachments: [] });
  });

  it('refuses a revision that was never imported', async () => {
    expect(await refusal('iom.listAttachments', { submissionId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('opening an attachment on the desktop', () => {
  it('copies it into a new owner-only folder under its safe name, then has the system open that copy', async () => {
    const before = opened.length;
    const result = await value('iom.openAttachment', { submissionId: withReport.submissionId, file: sha(withReport) });
    expect(result).toEqual({ outcome: 'opened', name: 'Quarterlyreport.pdf' });
    const copy = opened[before];
    expect(copy).toBeDefined();
    if (!copy) return;
    expect(path.basename(copy.path)).toBe('Quarterlyreport.pdf');
    expect(copy.bytes.equals(REPORT)).toBe(true);
    expect(copy.folderEntries).toEqual(['Quarterlyreport.pdf']);
    if (process.platform !== 'win32') {
      expect(copy.fileMode).toBe(0o600);
      expect(copy.folderMode).toBe(0o700);
    }
    // Never the media store itself: another application could change it.
    expect(path.dirname(copy.path)).not.toBe(path.join(dataDir, 'iom-media'));
    // A second open gets its own fresh folder (the first copy may still be open in its application).
    await value('iom.openAttachment', { submissionId: withReport.submissionId, file: sha(withReport) });
    expect(path.dirname(opened[before + 1]?.path ?? '')).not.toBe(path.dirname(copy.path));
  });

  it('refuses a path or a name in place of a hash, before any service runs', async () => {
    for (const file of ['../iom.db', '/etc/passwd', 'Quarterlyreport.pdf', `${sha(withReport)}/../x`, sha(withReport).toUpperCase()]) {
      expect(await refusal('iom.openAttachment', { submissionId: withReport.submissionId, file })).toMatchObject({ code: 'INVALID_INPUT' });
    }
    // The service says the same to a caller that skips the contract (the CLI, a test).
    const iom = openIom(path.join(dataDir, IOM_DB_FILE));
    try {
      expect(() => storedAttachment(iom, withReport.submissionId, '../iom.db')).toThrow(/named by its SHA-256/);
    } finally {
      iom.db.close();
    }
  });

  it('refuses a hash the revision does not record: unknown, or another revision’s attachment', async () => {
    const count = opened.length;
    expect(await refusal('iom.openAttachment', { submissionId: withReport.submissionId, file: 'a'.repeat(64) })).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await refusal('iom.openAttachment', { submissionId: withReport.submissionId, file: sha(withMinutes) });
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.message).toContain('has no attachment');
    expect(await refusal('iom.openAttachment', { submissionId: plain.submissionId, file: hashOf(REPORT) })).toMatchObject({ code: 'NOT_FOUND' });
    expect(opened.length).toBe(count);
  });

  it('refuses a stored copy that changed, went missing or became a link, and opens nothing', async () => {
    const count = opened.length;
    const stored = mediaFile(sha(withMinutes));
    const original = fs.readFileSync(stored);
    const input = { submissionId: withMinutes.submissionId, file: sha(withMinutes) };
    try {
      // Same size, other bytes: caught by the hash while copying.
      fs.writeFileSync(stored, Buffer.alloc(original.length, 0x41));
      const changed = await refusal('iom.openAttachment', input);
      expect(changed.code).toBe('CONFLICT');
      expect(changed.message).toContain('no longer matches');
      fs.rmSync(stored);
      expect(await refusal('iom.openAttachment', input)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('missing') as unknown });
      const elsewhere = path.join(tempDir(), 'elsewhere');
      fs.writeFileSync(elsewhere, original);
      fs.symlinkSync(elsewhere, stored);
      expect(await refusal('iom.openAttachment', input)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not a regular file') as unknown });
    } finally {
      fs.rmSync(stored, { force: true });
      fs.writeFileSync(stored, original, { mode: 0o600 });
    }
    expect(opened.length).toBe(count);
    expect(await value('iom.openAttachment', input)).toEqual({ outcome: 'opened', name: 'minutes.docx' });
  });

  it('asks for a confirmation before a type that can run code, and opens it without an execute bit once confirmed', async () => {
    // The questionnaire's accept list keeps programs out of imports today; a release that accepts
    // any type would let one in. Its signed answer is renamed here, as such a release would carry it.
    const iom = openIom(path.join(dataDir, IOM_DB_FILE));
    try {
      const row = iom.submissions.get(withMinutes.submissionId);
      const renamed = (row?.responses_json ?? '').replace('"minutes.docx"', '"setup.exe"');
      iom.db.prepare('UPDATE submissions SET responses_json = ? WHERE submission_id = ?').run(renamed, withMinutes.submissionId);
    } finally {
      iom.db.close();
    }
    const { attachments } = await value<{ attachments: ImportedAttachmentView[] }>('iom.listAttachments', { submissionId: withMinutes.submissionId });
    expect(attachments[0]).toMatchObject({ name: 'setup.exe', extension: 'exe', risk: 'program' });
    const count = opened.length;
    const input = { submissionId: withMinutes.submissionId, file: sha(withMinutes) };
    for (const unconfirmed of [input, { ...input, confirmed: false }]) {
      const refused = await refusal('iom.openAttachment', unconfirmed);
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { confirmationRequired: true, risk: 'program' } });
      expect(refused.message).toContain('setup.exe');
    }
    expect(opened.length).toBe(count);
    expect(await value('iom.openAttachment', { ...input, confirmed: true })).toEqual({ outcome: 'opened', name: 'setup.exe' });
    const copy = opened[count];
    expect(copy?.bytes.equals(MINUTES)).toBe(true);
    if (process.platform !== 'win32') expect((copy?.fileMode ?? 0o777) & 0o111).toBe(0);
  });

  it('says why when the system cannot open the file, and where the copy is', async () => {
    shellAnswer = 'No application is associated with the specified file for this operation.';
    try {
      const refused = await refusal('iom.openAttachment', { submissionId: withReport.submissionId, file: sha(withReport) });
      expect(refused.code).toBe('NOT_SUPPORTED');
      expect(refused.message).toContain('No application is associated');
      const copy = (refused.details as { path: string }).path;
      expect(fs.readFileSync(copy).equals(REPORT)).toBe(true);
    } finally {
      shellAnswer = '';
    }
  });

  it('is not offered by a host without the system’s "open with" (the web host downloads instead)', async () => {
    const result = await createDispatcher(web.handlers)('iom.openAttachment', { submissionId: withReport.submissionId, file: sha(withReport) });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });
});
