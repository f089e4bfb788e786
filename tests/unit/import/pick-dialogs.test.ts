import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import type { PickFilesOptions } from '../../../main/services/host.js';
import { tempDir } from './iom-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/** The workspace's file and folder dialogs, through the real handlers and dispatcher, with the desktop's dialog stood in for. */
const opened: AppServices[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function desktop(answer: readonly string[]) {
  const asked: PickFilesOptions[] = [];
  const services = createAppServices({
    dataDir: tempDir(),
    questionnairesDir: QUESTIONNAIRES_DIR,
    host: 'electron',
    appVersion: '0.0.0-test',
    hostCapabilities: {
      pickFiles: (options) => {
        asked.push(options);
        return Promise.resolve(answer);
      },
      pickSavePath: () => Promise.resolve(undefined),
    },
  });
  opened.push(services);
  return { dispatch: createDispatcher(services.handlers), asked };
}

describe('IOM workspace dialogs', () => {
  it('asks the desktop for package files, or for folders of them, several at a time', async () => {
    const { dispatch, asked } = desktop(['/media/usb/inbox', '/home/iom/more']);
    expect(await dispatch('iom.pickFiles', { folder: true })).toEqual({ ok: true, value: { paths: ['/media/usb/inbox', '/home/iom/more'] } });
    expect(await dispatch('iom.pickFiles', { folder: false })).toMatchObject({ ok: true });
    expect(asked).toEqual([
      { title: 'Folders with submission packages to import', multiple: true, folders: true },
      { title: 'Submission packages to import', filters: [{ name: 'ISCM submission', extensions: ['iscm'] }], multiple: true },
    ]);
  });

  it('asks for one folder to export to, and says null when the dialog is cancelled', async () => {
    const chosen = desktop(['/home/iom/report']);
    expect(await chosen.dispatch('iom.pickExportFolder', {})).toEqual({ ok: true, value: { path: '/home/iom/report' } });
    expect(chosen.asked).toEqual([{ title: 'Folder to export the dataset to', folders: true }]);
    const cancelled = desktop([]);
    expect(await cancelled.dispatch('iom.pickExportFolder', {})).toEqual({ ok: true, value: { path: null } });
  });

  it('in the web host, where paths are typed, both say so', async () => {
    const services = createAppServices({ dataDir: tempDir(), questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
    opened.push(services);
    const dispatch = createDispatcher(services.handlers);
    for (const [channel, input] of [['iom.pickFiles', { folder: true }], ['iom.pickExportFolder', {}]] as const) {
      expect(await dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED', message: 'This window cannot open a file dialog: type the paths instead.' } });
    }
  });
});
