import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { startWebHost, type WebHost } from '../../../web/server.js';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { useServices } from './service-fixture.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const start = useServices();
let browser: Browser;
let host: WebHost | undefined;
let clientJs = '';

beforeAll(async () => {
  const out = await build({ entryPoints: [path.join(ROOT, 'web/client/entry.ts')], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  clientJs = out.outputFiles[0]?.text ?? '';
  browser = await chromium.launch(chromiumLaunchOptions());
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A page with the real web client and a button that calls `attachments.pick` from the user's click, as the renderer does. */
const PAGE_JS = `
const out = document.getElementById('out');
document.getElementById('pick').addEventListener('click', () => {
  const draftId = document.body.dataset.draft;
  window.iscm.attachments.pick({ draftId, path: 'docs' }).then((r) => { out.textContent = JSON.stringify(r); });
});
document.getElementById('print').addEventListener('click', () => {
  window.print = () => { document.body.dataset.printed = 'yes'; };
  window.iscm.app.printToPdf({ suggestedName: 'review' }).then((r) => { out.textContent = JSON.stringify(r); });
});
document.getElementById('load').addEventListener('click', async () => {
  const draft = await window.iscm.drafts.get({ id: document.body.dataset.draft });
  const ref = { id: draft.value.questionnaireId, version: draft.value.questionnaireVersion };
  await window.iscm.questionnaires.get(ref);
  out.textContent = 'loaded';
});
`;

async function setup() {
  const s = start();
  const staticDir = s.tempDir();
  fs.writeFileSync(path.join(staticDir, 'web-client.js'), clientJs);
  fs.writeFileSync(path.join(staticDir, 'page.js'), PAGE_JS);
  const draft = await s.call<DraftSummary>('drafts.create', { title: 'GFMD', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' });
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    `<!doctype html><html><head><title>t</title><script type="module" src="./page.js"></script></head>
     <body data-draft="${draft.id}"><button id="load">load</button><button id="pick">pick</button><button id="print">print</button><pre id="out"></pre></body></html>`,
  );
  host = await startWebHost({ dispatch: s.dispatch, events: createEventBus(), staticDir, uploads: s.services.attachments });
  const page = await browser.newPage();
  await page.goto(host.url);
  return { ...s, page, draftId: draft.id };
}

describe('web client: attachments.pick and app.printToPdf in the browser', () => {
  it('opens a file input from the click (with the question’s accept), uploads each file and answers like the desktop', async () => {
    const { page, dataDir } = await setup();
    await page.click('#load');
    await page.locator('#out', { hasText: 'loaded' }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#pick')]);
    expect(chooser.isMultiple()).toBe(true);
    expect(await chooser.element().getAttribute('accept')).toBe('.pdf,.txt');
    await chooser.setFiles([
      { name: 'Charter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('charter') },
      { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5000, 1) },
      { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') },
    ]);
    await page.locator('#out', { hasText: /^\{/ }).waitFor();
    const result = JSON.parse((await page.textContent('#out')) ?? '') as unknown;
    const hash = createHash('sha256').update('charter').digest('hex');
    expect(result).toEqual({
      ok: true,
      value: {
        files: [
          { sha256: hash, name: 'Charter.pdf', size: 7, mediaType: 'application/pdf' },
          { sha256: createHash('sha256').update('notes').digest('hex'), name: 'notes.txt', size: 5, mediaType: 'text/plain' },
        ],
        rejected: [
          { name: 'huge.pdf', reason: 'huge.pdf is larger than the 1 KB limit.', sizeLimit: 1024 },
          { name: 'tool.exe', reason: 'tool.exe is not an accepted type (accepted: .pdf, .txt).' },
        ],
      },
    });
    expect(fs.existsSync(path.join(dataDir, 'attachments', hash.slice(0, 2), hash))).toBe(true);
    expect(await page.$$('input[type=file]')).toHaveLength(0);
  });

  it('app.printToPdf opens the browser’s print dialog and returns path null', async () => {
    const { page } = await setup();
    await page.click('#print');
    await page.locator('#out', { hasText: /^\{/ }).waitFor();
    expect(JSON.parse((await page.textContent('#out')) ?? '')).toEqual({ ok: true, value: { path: null } });
    expect(await page.getAttribute('body', 'data-printed')).toBe('yes');
  });
});
