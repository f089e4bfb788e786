import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReleasePreview } from '../../../core/contract/channels/releases.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { createReleaseFileQueue, releaseFilesIn } from '../../../main/shell/release-files.js';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../web/server.js';
import { useReleaseApp } from './app-kit.js';
import { NEXT, release } from './release-kit.js';

const start = useReleaseApp();
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});
const next = await release(NEXT.json);

async function setup() {
  const app = start();
  host = await startWebHost({ dispatch: app.dispatch, events: createEventBus(), staticDir: app.root, releaseUploads: app.services.releases });
  const post = (body: Buffer | string, headers: Record<string, string> = { [TOKEN_HEADER]: host?.token ?? '' }, name = 'next.iscmq') =>
    fetch(`${host?.url ?? ''}upload/release?${new URLSearchParams({ name }).toString()}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...headers }, body });
  return { ...app, post };
}

describe('POST /upload/release (web host): the browser’s side of releases.pick', () => {
  it('checks the file and answers with the preview, as the desktop dialog does; installing it is the usual channel', async () => {
    const app = await setup();
    await app.call('questionnaires.current');
    const res = await app.post(next.bytes);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; value: { preview: ReleasePreview } };
    expect(body.value.preview).toMatchObject({ fileName: 'next.iscmq', kind: 'update', release: { version: NEXT.version } });
    await app.call('releases.install', { stagedId: body.value.preview.stagedId });
    expect(await app.call('questionnaires.current')).toMatchObject({ version: NEXT.version });
  });

  it('requires the token, refuses a body over the limit and a file that is not a release, each writing nothing', async () => {
    const app = await setup();
    await app.call('questionnaires.current');
    const before = app.snapshot();
    expect((await app.post(next.bytes, {})).status).toBe(401);
    const big = await app.post(Buffer.alloc(9 * 2 ** 20));
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'RELEASE_TOO_LARGE', details: { fileName: 'next.iscmq' } } });
    const junk = await app.post('not a release');
    expect(await junk.json()).toMatchObject({ ok: false, error: { code: 'RELEASE_NOT_A_RELEASE' } });
    expect(app.snapshot()).toEqual(before);
  });
});

describe('release files the system asks the desktop app to open', () => {
  it('takes only .iscmq arguments', () => {
    expect(releaseFilesIn(['--inspect', '/home/a/R.iscmq', 'C:\\Users\\b\\r.ISCMQ', '/tmp/sub.iscm', 'app.js'])).toEqual(['/home/a/R.iscmq', 'C:\\Users\\b\\r.ISCMQ']);
  });

  it('holds files opened before the services exist, then previews them; the window takes each once', async () => {
    const app = start();
    const file = app.choose('opened.iscmq', next.bytes);
    const opened: string[] = [];
    const queue = createReleaseFileQueue(async (f) => {
      opened.push(f);
      await app.services.ready;
      await app.services.releases.noteOpened(f);
    });
    queue.add(file);
    expect(opened).toEqual([]);
    queue.start();
    await expect.poll(async () => (await app.call<{ previews: ReleasePreview[] }>('releases.opened')).previews.map((p) => p.fileName)).toEqual(['opened.iscmq']);
    expect(await app.call('releases.opened')).toEqual({ previews: [], refused: [] });
    const junk = app.choose('junk.iscmq', Buffer.from('junk'));
    queue.add(junk);
    await expect.poll(async () => (await app.call<{ refused: { fileName: string; code: string }[] }>('releases.opened')).refused).toEqual([
      expect.objectContaining({ fileName: path.basename(junk), code: 'RELEASE_NOT_A_RELEASE' }),
    ]);
  });
});
