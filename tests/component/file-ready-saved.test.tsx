import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/errors.js';
import { IdentityCard } from '../../renderer/signing/IdentityCard.js';
import { renderWithApi, useTestApp } from './harness.js';

/**
 * The key card's "file ready" step on the desktop: Show in folder asks main (files.show) and the
 * file manager opens on the very file saved; once the file is gone, the step says why in the UI
 * language, and the file manager is not asked.
 */
describe('file ready for a saved key card (desktop)', () => {
  const testApp = useTestApp();
  const folders: string[] = [];
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'));
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Show in folder opens the file manager on the card; a deleted card is refused in English, then in French', async () => {
    const chosen = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-card-'));
    folders.push(chosen);
    const shown: string[] = [];
    const app = testApp({
      realQuestionnaire: true,
      hostCapabilities: {
        pickFiles: () => Promise.resolve([]),
        pickSavePath: ({ defaultName }) => Promise.resolve(path.join(chosen, defaultName)),
        showItemInFolder: (file) => shown.push(file),
      },
    });
    const { identity } = await unwrap(
      app.api.identities.create({ name: 'Amina Diallo', title: 'Head of Office', organisation: 'Bali Process RSO', mechanism: 'bali_process', email: '', passphrase: 'a passphrase long enough' }),
    );
    const user = userEvent.setup();
    renderWithApi(app.api, <IdentityCard identity={identity} host="electron" />);
    await user.click(screen.getByRole('button', { name: 'Export public key card of Amina Diallo' }));

    const ready = await screen.findByTestId('file-ready');
    const card = path.join(chosen, 'bali_process-Amina-Diallo-key-card.txt');
    expect(fs.existsSync(card)).toBe(true);
    expect(within(ready).getByText('bali_process-Amina-Diallo-key-card.txt')).toBeTruthy();
    // The desktop shows the file in its folder; the browser's Download is the web host's.
    expect(within(ready).queryByRole('button', { name: /^Download/ })).toBeNull();
    await user.click(within(ready).getByRole('button', { name: 'Show in folder' }));
    await waitFor(() => expect(shown).toEqual([card]));
    expect(within(ready).getByRole('status').textContent).toBe('');

    fs.rmSync(card);
    await user.click(within(ready).getByRole('button', { name: 'Show in folder' }));
    await waitFor(() =>
      expect(within(ready).getByRole('status').textContent).toBe(
        'The file is no longer where the app saved it: it was moved, renamed or deleted. Save it again. (NOT_FOUND)',
      ),
    );
    await act(() => i18next.changeLanguage('fr'));
    await user.click(within(ready).getByRole('button', { name: 'Afficher dans le dossier' }));
    await waitFor(() =>
      expect(within(ready).getByRole('status').textContent).toBe(
        'Le fichier n’est plus là où l’application l’a enregistré : il a été déplacé, renommé ou supprimé. Enregistrez-le à nouveau. (NOT_FOUND)',
      ),
    );
    // Nothing refused reached the file manager.
    expect(shown).toEqual([card]);
  });
});
