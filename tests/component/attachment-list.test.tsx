import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IscmApi } from '../../core/contract/index.js';
import { openIom } from '../../main/services/import/context.js';
import { IOM_DB_FILE } from '../../main/services/import/handlers.js';
import { unwrap } from '../../renderer/api/errors.js';
import { AttachmentList } from '../../renderer/iom/AttachmentList.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner } from '../unit/import/package-kit.js';
import { renderWithApi, useTestApp } from './harness.js';

/**
 * The attached files of an imported revision on the desktop host: the real services and
 * contract, a real imported package; only the system's "open with" is stood in (it records the
 * copy it was given). A type that can run code is confirmed in a dialog first.
 */
const testApp = useTestApp();
const tempDir = useTempDirs();
const MINUTES = Buffer.from('%PDF-1.4 minutes\n');

async function imported(api: IscmApi, dir: string) {
  const made = await makePackage({ dir, signer: makeSigner(), attachments: [MINUTES], attachmentNames: ['minutes.pdf'] });
  await unwrap(api.iom.useIdentity({ path: DEV_IDENTITY_FILE }));
  const { operationId } = await unwrap(api.iom.startImport({ paths: [made.path] }));
  await waitFor(async () => expect((await unwrap(api.iom.importProgress({ operationId }))).finished).toBe(true), { timeout: 20_000 });
  return made.submissionId;
}

describe('the attached files of an imported revision, on the desktop', () => {
  it('opens a document at once, and asks first for a type that can run code', async () => {
    const openedPaths: string[] = [];
    const app = testApp({
      realQuestionnaire: true,
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: () => Promise.resolve(undefined),
        openPath: (file) => {
          openedPaths.push(file);
          return Promise.resolve();
        },
      },
    });
    const submissionId = await imported(app.api, tempDir());
    try {
      const view = renderWithApi(app.api, <AttachmentList submissionId={submissionId} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Open minutes.pdf' }));
      await screen.findByText(/minutes\.pdf was opened with this computer’s application/);
      expect(openedPaths.map((p) => path.basename(p))).toEqual(['minutes.pdf']);
      expect(fs.readFileSync(openedPaths[0] ?? '').equals(MINUTES)).toBe(true);
      view.unmount();

      // The same file, as a release accepting any type would let it arrive: a program.
      const iom = openIom(path.join(app.dataDir, IOM_DB_FILE));
      const row = iom.submissions.get(submissionId);
      iom.db.prepare('UPDATE submissions SET responses_json = ? WHERE submission_id = ?').run((row?.responses_json ?? '').replace('"minutes.pdf"', '"minutes.pdf.exe"'), submissionId);
      iom.db.close();
      renderWithApi(app.api, <AttachmentList submissionId={submissionId} />);
      expect(await screen.findByText('Can run code')).toBeDefined();
      fireEvent.click(await screen.findByRole('button', { name: 'Open minutes.pdf.exe' }));
      const ask = await screen.findByRole('alertdialog', { name: 'Open a file that can run code?' });
      expect(ask.textContent).toContain('minutes.pdf.exe is a program (.exe)');
      // Cancel is where the focus starts; it opens nothing.
      expect(document.activeElement?.textContent).toBe('Cancel');
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      expect(openedPaths).toHaveLength(1);
      fireEvent.click(screen.getByRole('button', { name: 'Open minutes.pdf.exe' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Open anyway' }));
      await screen.findByText(/minutes\.pdf\.exe was opened/);
      expect(openedPaths.map((p) => path.basename(p))).toEqual(['minutes.pdf', 'minutes.pdf.exe']);
    } finally {
      for (const p of openedPaths) fs.rmSync(path.dirname(p), { recursive: true, force: true });
    }
  }, 60_000);
});
