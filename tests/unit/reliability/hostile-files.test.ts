import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { questionnaireFiles } from '../../../build/dev-releases.js';
import { compareVersions } from '../../../main/services/questionnaires/versions.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../../core/answers/value.js';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import { main as iscm } from '../../../cli/main.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { startWebHost, TOKEN_HEADER } from '../../../web/server.js';
import { NEW_DRAFT, startTestApp, type TestApp } from './harness/app.js';
import { PROJECT_ROOT, QUESTIONNAIRES_DIR } from './harness/child-script.js';
import { treeSnapshot } from './harness/tree-snapshot.js';
import { makeUncheckedRelease } from '../../helpers/releases.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ATTACHMENT_QUESTION = 'founding_document_file';
const MAX_FILE_SIZE = 20 * 1024 * 1024; // the questionnaire's maxFileSize for this question
const HASH_NAME = /^[0-9a-f]{64}$/;

/** A temp root with the app's data folder, its questionnaires, and an "outside" folder the hostile files come from. */
function layout(): { root: string; dataDir: string; questionnairesDir: string; outside: string } {
  const root = tempDir();
  const questionnairesDir = path.join(root, 'questionnaires');
  fs.cpSync(QUESTIONNAIRES_DIR, questionnairesDir, { recursive: true });
  const outside = path.join(root, 'outside');
  fs.mkdirSync(outside);
  return { root, dataDir: path.join(root, 'data'), questionnairesDir, outside };
}

/** Files in the attachment store: named by their hash only, whatever the user's file was called. */
function storeFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'attachments');
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe('promise 7: hostile files get a clear error and write nothing outside the app’s folders', () => {
  it('release files the app carries: garbage, empty, huge (1 GB refused unread), deep JSON, prototype keys, a lying version — each refused with its code, nothing served', async () => {
    const { root, dataDir, questionnairesDir } = layout();
    const bundled = path.join(questionnairesDir, 'releases');
    const real = fs.readFileSync(path.join(questionnairesDir, 'iscm-assessment', '1.0.0.json'), 'utf8');
    const unchecked = async (content: string | Buffer, version: string): Promise<Buffer> =>
      (await makeUncheckedRelease(Buffer.from(content), { id: 'iscm-assessment', version })).bytes;
    const hostile: Record<string, [string | Buffer, string]> = {
      '9.0.1': [randomBytes(4096), 'RELEASE_NOT_A_RELEASE'],
      '9.0.2': ['', 'RELEASE_NOT_A_RELEASE'],
      '9.0.3': [await unchecked(`${'['.repeat(200_000)}${']'.repeat(200_000)}`, '9.0.3'), 'RELEASE_QUESTIONNAIRE_INVALID'],
      '9.0.5': [
        await unchecked('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format":"iscm-questionnaire/1","id":"iscm-assessment","version":"9.0.5"}', '9.0.5'),
        'RELEASE_QUESTIONNAIRE_INVALID',
      ],
      '9.0.6': [await unchecked(real, '9.0.6'), 'RELEASE_QUESTIONNAIRE_INVALID'], // says 1.0.0 inside
      '9.0.7': [await unchecked(fs.readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/questionnaires/broken-cycle.json')), '9.0.7'), 'RELEASE_QUESTIONNAIRE_INVALID'],
    };
    for (const [version, [content]] of Object.entries(hostile)) fs.writeFileSync(path.join(bundled, `iscm-assessment-${version}.iscmq`), content);
    // 1 GiB, sparse: refused by its size, never read into memory.
    const giant = path.join(bundled, 'iscm-assessment-9.0.9.iscmq');
    fs.writeFileSync(giant, '');
    fs.truncateSync(giant, 2 ** 30);
    hostile['9.0.9'] = ['', 'RELEASE_TOO_LARGE'];
    const before = treeSnapshot(root, ['data']);
    const app = startTestApp(dataDir, undefined, { questionnairesDir });
    cleanups.push(() => app.services.close());
    for (const version of Object.keys(hostile)) {
      const result = await app.dispatch('questionnaires.get', { id: 'iscm-assessment', version });
      expect(result, version).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const list = await app.call<{ problems: { file: string; code: string }[] }>('releases.list', {});
    expect(Object.fromEntries(list.problems.map((p) => [path.basename(p.file), p.code]))).toEqual(
      Object.fromEntries(Object.entries(hostile).map(([version, [, code]]) => [`iscm-assessment-${version}.iscmq`, code])),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Only the app's own releases were installed: new drafts start on the newest.
    const own = questionnaireFiles(questionnairesDir).map((q) => q.version).sort(compareVersions);
    expect(await app.dispatch('questionnaires.current', {})).toMatchObject({ ok: true, value: { version: own.at(-1) } });
    expect(fs.readdirSync(path.join(dataDir, 'releases', 'iscm-assessment')).sort()).toEqual(own.map((v) => `${v}.iscmq`).sort());
    // A path in the reference never leaves the data folder.
    for (const id of ['../data', '..', 'iscm-assessment/../../outside']) {
      expect(await app.dispatch('questionnaires.get', { id, version: '1.0.0' }), id).toMatchObject({ ok: false });
    }
    expect(treeSnapshot(root, ['data'])).toEqual(before);
  });

  it('attachments through the desktop pick: 0 bytes, over the limit, control characters, ../ in the path, a folder, a missing file', async () => {
    const { root, dataDir, outside } = layout();
    const files = {
      empty: path.join(outside, 'empty.pdf'),
      huge: path.join(outside, 'huge.pdf'),
      control: path.join(outside, 'bell\u0007\u202eabc.pdf'),
      dotdot: path.join(outside, 'sub', '..', 'report.pdf'),
      folder: path.join(outside, 'folder.pdf'),
      missing: path.join(outside, 'missing.pdf'),
    };
    fs.writeFileSync(files.empty, '');
    fs.writeFileSync(files.huge, '');
    fs.truncateSync(files.huge, MAX_FILE_SIZE + 1); // sparse: over the limit without writing 20 MiB
    fs.writeFileSync(files.control, '%PDF-1.4 control');
    fs.mkdirSync(path.join(outside, 'sub'));
    fs.writeFileSync(path.join(outside, 'report.pdf'), '%PDF-1.4 report');
    fs.mkdirSync(files.folder);
    let chosen: string[] = [];
    const app = startTestApp(dataDir, undefined, {
      hostCapabilities: { pickFiles: () => Promise.resolve(chosen), pickSavePath: () => Promise.resolve(undefined) },
    });
    cleanups.push(() => app.services.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    const before = treeSnapshot(root, ['data']);

    const outcomes: Record<string, { files: AttachmentRef[]; rejected: { name: string; reason: string }[] }> = {};
    for (const [label, file] of Object.entries(files)) {
      chosen = [file];
      outcomes[label] = await app.call('attachments.pick', { draftId: draft.id, path: ATTACHMENT_QUESTION });
    }
    for (const label of ['empty', 'huge', 'folder', 'missing']) {
      expect(outcomes[label]?.files, label).toEqual([]);
      expect(outcomes[label]?.rejected[0]?.reason, label).toMatch(/\S{3,}/);
    }
    expect(outcomes.huge?.rejected[0]?.reason).toMatch(/large|limit|MB/i);
    expect(outcomes.control?.files[0]?.name).toBe('bellabc.pdf');
    expect(outcomes.dotdot?.files[0]?.name).toBe('report.pdf');
    expect(treeSnapshot(root, ['data'])).toEqual(before);
    expect(storeFiles(dataDir).every((f) => HASH_NAME.test(path.basename(f)))).toBe(true);
    expect(storeFiles(dataDir)).toHaveLength(2);
  });

  it('attachments through the web upload: hostile names, 0 bytes, and an undeclared body over the limit', async () => {
    const { root, dataDir } = layout();
    const app: TestApp = startTestApp(dataDir);
    cleanups.push(() => app.services.close());
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head></html>');
    const host = await startWebHost({ dispatch: app.dispatch, events: createEventBus(), staticDir, uploads: app.services.attachments });
    cleanups.push(() => host.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    const before = treeSnapshot(root, ['data']);
    const upload = async (name: string, body: Buffer | ReadableStream<Uint8Array>) => {
      const q = new URLSearchParams({ draftId: draft.id, path: ATTACHMENT_QUESTION, name });
      const response = await fetch(`${host.url}upload/attachment?${q.toString()}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: host.token },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      });
      return (await response.json()) as { ok: boolean; value?: { file?: AttachmentRef; rejected?: { reason: string } } };
    };

    for (const name of ['../../../outside/evil.pdf', '..\\..\\evil.pdf', '/etc/cron.d/evil.pdf', 'nul\u0000byte.pdf', '\u202egpj.pdf', '..']) {
      const r = await upload(name, Buffer.from(`%PDF ${name}`));
      expect(r.ok, name).toBe(true);
      const stored = r.value?.file;
      if (stored) expect(/[/\\\u202e]|\0/u.test(stored.name), stored.name).toBe(false);
      else expect(r.value?.rejected?.reason, name).toMatch(/\S/);
    }
    expect((await upload('empty.pdf', Buffer.alloc(0))).value?.rejected?.reason).toMatch(/empty|0 bytes|no content/i);

    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const overLimit = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_FILE_SIZE + chunk.length) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    // The host may close the connection mid-upload instead of answering: either way nothing is stored.
    const big = await upload('big.pdf', overLimit).catch(() => undefined);
    expect(big?.value?.file).toBeUndefined();

    expect(treeSnapshot(root, ['data'])).toEqual(before);
    expect(storeFiles(dataDir).every((f) => HASH_NAME.test(path.basename(f)))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'attachments'), { recursive: true }).some((f) => String(f).includes('tmp'))).toBe(false);
  });

  it('public key cards through `iscm keys import-card`: garbage, huge, a lying fingerprint, a wrong key type, a folder — each refused, nothing registered', async () => {
    const root = tempDir();
    const cards = path.join(root, 'cards');
    fs.mkdirSync(cards);
    const db = path.join(root, 'iom', 'iom.db');
    fs.mkdirSync(path.dirname(db));
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test';
    const hostile: Record<string, string | Buffer> = {
      'random.card': randomBytes(2048),
      'empty.card': '',
      'huge.card': `Public key: ${key}\n${'x'.repeat(2 * 1024 * 1024)}`,
      'lying.card': `Name: A\nMechanism: mx\nPublic key: ${key}\nFingerprint: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n`,
      'rsa.card': 'Name: A\nMechanism: mx\nPublic key: ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 x\n',
      'traversal.card': `Name: A\nMechanism: ../../etc/passwd\nPublic key: ${key}\n`,
      'control.card': `Name: A\u0007\u202e\nMechanism: mx\u0000\nPublic key: ${key}\u0000\n`,
    };
    for (const [name, content] of Object.entries(hostile)) fs.writeFileSync(path.join(cards, name), content);
    fs.mkdirSync(path.join(cards, 'folder.card'));
    const before = treeSnapshot(root, ['iom']);
    for (const name of [...Object.keys(hostile), 'folder.card', 'missing.card']) {
      const err: string[] = [];
      const code = await iscm(['keys', 'import-card', path.join(cards, name), '--db', db], { stdout: () => undefined, stderr: (s) => err.push(s), isTTY: false });
      expect(code, name).not.toBe(0);
      expect(err.join(''), name).toMatch(/^error: .{15,}/);
    }
    const out: string[] = [];
    await iscm(['keys', 'list', '--db', db, '--json'], { stdout: (s) => out.push(s), stderr: () => undefined, isTTY: false });
    expect(JSON.parse(out.join('')) as unknown).toMatchObject({ signers: [] });
    expect(treeSnapshot(root, ['iom'])).toEqual(before);
  });
});
