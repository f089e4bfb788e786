import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../../core/answers/value.js';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { HostCapabilities, PickFilesOptions } from '../../../main/services/host.js';
import { setImmutable } from '../reliability/harness/fs-faults.js';
import { useServices } from './service-fixture.js';

const start = useServices();
const newDraft = { title: 'GFMD 2026', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' };
type Picked = { files: AttachmentRef[]; rejected: { name: string; reason: string }[] };

/**
 * The desktop host, without Electron: the "dialog" returns the files a test
 * prepared (the user's choice), and records what it was asked to show.
 */
function desktopHost(choose: () => string[]) {
  const asked: PickFilesOptions[] = [];
  const host: HostCapabilities = {
    pickFiles: (options) => {
      asked.push(options);
      return Promise.resolve(choose());
    },
    pickSavePath: () => Promise.resolve(undefined),
  };
  return { host, asked };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('attachments.pick (desktop)', () => {
  it('copies the chosen files into the store with the question’s limits shown in the dialog', async () => {
    const src = useSrc();
    const a = src.file('Charter.PDF', 'charter bytes');
    const b = src.file('notes.txt', 'notes');
    const { host, asked } = desktopHost(() => [a, b]);
    const { call, dataDir, services } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const picked = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    expect(asked).toEqual([{ title: 'Attach files', multiple: true, filters: [{ name: 'Accepted files', extensions: ['pdf', 'txt'] }] }]);
    expect(picked.rejected).toEqual([]);
    const hash = createHash('sha256').update('charter bytes').digest('hex');
    expect(picked.files[0]).toEqual({ sha256: hash, name: 'Charter.PDF', size: 13, mediaType: 'application/pdf' });
    expect(picked.files[1]).toMatchObject({ name: 'notes.txt', mediaType: 'text/plain' });
    expect(fs.readFileSync(path.join(dataDir, 'attachments', hash.slice(0, 2), hash), 'utf8')).toBe('charter bytes');
    expect(services.db.prepare('SELECT first_name, size FROM attachments WHERE sha256 = ?').get(hash)).toEqual({ first_name: 'Charter.PDF', size: 13 });
    expect(services.db.prepare('SELECT count(*) AS n FROM attachment_uses WHERE draft_id = ?').get(id)).toEqual({ n: 2 });
    // The caller then saves the answer with the references.
    await call('answers.save', { draftId: id, path: 'docs', value: picked.files });
  });

  it('rejects each unfit file with a clear reason and keeps the others', async () => {
    const src = useSrc();
    const chosen = [
      src.file('empty.pdf', ''),
      src.file('big.pdf', 'x'.repeat(1025)),
      src.file('virus.exe', 'MZ'),
      src.file('ok.pdf', 'fine'),
      src.file('third.pdf', 'one too many'),
    ];
    const { host } = desktopHost(() => chosen);
    const { call, dataDir } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    await call('answers.save', { draftId: id, path: 'docs', value: [] });
    const picked = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    expect(picked.files.map((f) => f.name)).toEqual(['ok.pdf', 'third.pdf']);
    expect(picked.rejected).toEqual([
      { name: 'empty.pdf', reason: 'The file is empty.' },
      { name: 'big.pdf', reason: 'big.pdf is larger than the 1 KB limit.', sizeLimit: 1024 },
      { name: 'virus.exe', reason: 'virus.exe is not an accepted type (accepted: .pdf, .txt).' },
    ]);
    expect(listFiles(path.join(dataDir, 'attachments'))).toHaveLength(2);
  });

  it('counts the files already attached against maxFiles', async () => {
    const src = useSrc();
    const files = [src.file('1.pdf', 'one'), src.file('2.pdf', 'two')];
    const { host, asked } = desktopHost(() => files);
    const { call, refuse } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const first = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    await call('answers.save', { draftId: id, path: 'docs', value: first.files.slice(0, 1) });
    const second = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    expect(asked[1]?.multiple).toBe(false);
    expect(second.files).toHaveLength(1);
    expect(second.rejected).toEqual([{ name: '2.pdf', reason: 'At most 2 files may be attached here.' }]);
    await call('answers.save', { draftId: id, path: 'docs', value: first.files });
    expect((await refuse('attachments.pick', { draftId: id, path: 'docs' })).message).toBe('At most 2 files may be attached here.');
  });

  it('stores a hostile file name only as a sanitised display name, never as a path', async () => {
    const src = useSrc();
    const weird = src.file('we\u0007ird\u202e.txt', 'payload');
    const { host } = desktopHost(() => [weird]);
    const { call, dataDir } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const picked = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    expect(picked.files[0]?.name).toBe('weird.txt');
    for (const f of listFiles(dataDir)) expect(path.basename(f)).toMatch(/^([0-9a-f]{64}|iscm\.db.*|.*\.log|\d+\.\d+\.\d+\.iscmq)$/);
  });

  it('returns nothing when the user cancels, and refuses non-attachment paths, finalized drafts and unreadable choices', async () => {
    const src = useSrc();
    let choice: string[] = [];
    const { host } = desktopHost(() => choice);
    const { call, refuse, services } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    expect(await call('attachments.pick', { draftId: id, path: 'docs' })).toEqual({ files: [], rejected: [] });
    expect((await refuse('attachments.pick', { draftId: id, path: 'name' })).code).toBe('VALIDATION_FAILED');
    expect((await refuse('attachments.pick', { draftId: id, path: 'nope' })).code).toBe('VALIDATION_FAILED');
    choice = [src.dir, path.join(src.dir, 'missing.pdf')];
    const picked = await call<Picked>('attachments.pick', { draftId: id, path: 'docs' });
    expect(picked.files).toEqual([]);
    expect(picked.rejected.map((r) => r.reason)).toEqual([
      `${path.basename(src.dir)} is not a file that can be read.`,
      'missing.pdf is not a file that can be read.',
    ]);
    services.db.prepare("UPDATE drafts SET status = 'finalized' WHERE id = ?").run(id);
    expect((await refuse('attachments.pick', { draftId: id, path: 'docs' })).code).toBe('READ_ONLY');
  });

  it('answers NOT_SUPPORTED without a desktop host (the web client picks files itself)', async () => {
    const { call, refuse } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    expect((await refuse('attachments.pick', { draftId: id, path: 'docs' })).code).toBe('NOT_SUPPORTED');
  });
});

describe('app.printToPdf', () => {
  it('asks where to save and writes the PDF there; cancelling writes nothing', async () => {
    const out = useSrc();
    let target: string | undefined = path.join(out.dir, 'review.pdf');
    const names: string[] = [];
    const host: HostCapabilities = {
      pickFiles: () => Promise.resolve([]),
      pickSavePath: (o) => {
        names.push(o.defaultName);
        return Promise.resolve(target);
      },
      printToPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 test')),
    };
    const { call } = start({ hostCapabilities: host });
    expect(await call('app.printToPdf', { suggestedName: 'GFMD/2026: review' })).toEqual({ path: target });
    expect(names).toEqual(['GFMD 2026 review.pdf']);
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    target = undefined;
    expect(await call('app.printToPdf', { suggestedName: 'x' })).toEqual({ path: null });
    expect(fs.readdirSync(out.dir)).toEqual(['review.pdf']);
  });

  it('answers NOT_SUPPORTED without a desktop host (the web client opens the print dialog)', async () => {
    const { refuse } = start();
    expect((await refuse('app.printToPdf', { suggestedName: 'x' })).code).toBe('NOT_SUPPORTED');
  });
});

/** A folder of source files "on the user's disk". */
function useSrc() {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'iscm-src-'));
  cleanups.push(dir);
  return {
    dir,
    file(name: string, content: string): string {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    },
  };
}
const cleanups: string[] = [];
afterAll(() => {
  for (const d of cleanups) fs.rmSync(d, { recursive: true, force: true });
});

describe('attachments on a data folder that refuses writes', () => {
  it('answers STORAGE_FAILED, records nothing, and works again once writable', async (ctx) => {
    const src = useSrc();
    const file = src.file('a.pdf', 'bytes');
    const { host } = desktopHost(() => [file]);
    const { call, refuse, dataDir, services } = start({ hostCapabilities: host });
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const store = path.join(dataDir, 'attachments');
    fs.mkdirSync(store, { recursive: true });
    // As root, chmod does not stop writes; the immutable flag does.
    const refused = setImmutable([store], true);
    if (refused !== undefined) {
      console.warn(`skipped: chattr +i is not supported here (${refused})`);
      ctx.skip();
      return;
    }
    try {
      const error = await refuse('attachments.pick', { draftId: id, path: 'docs' });
      expect(error.code).toBe('STORAGE_FAILED');
      expect(services.db.prepare('SELECT count(*) AS n FROM attachments').pluck().get()).toBe(0);
    } finally {
      setImmutable([store], false);
    }
    expect((await call<Picked>('attachments.pick', { draftId: id, path: 'docs' })).files).toHaveLength(1);
  });
});
