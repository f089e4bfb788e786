import type { Invoke } from '../../core/contract/build-api.js';
import { fail, ok } from '../../core/contract/errors.js';
import { contract } from '../../core/contract/index.js';
import { createAttachmentHints } from './attachment-hints.js';
import { chooseFiles, uploadFiles } from './pick-files.js';
import { uploadRelease } from './upload-release.js';
import { baseName, fetchDownload } from './fetch-download.js';

/**
 * The channels the web host cannot serve alone (they need the browser's own
 * dialogs) are answered here, with the same output shapes as the desktop app:
 * - `attachments.pick`: a file input, then one upload per file;
 * - `releases.pick`: a file input, then the file uploaded for its checks and preview;
 * - `app.printToPdf`: the browser's print dialog, `{ path: null }`;
 * - `submissions.downloadExport`: the exported file through the browser's downloads;
 * - `files.download`: a key card or summary saved this session, the same way;
 * - `iom.openAttachment`: the attachment through the browser's downloads (`downloaded`).
 * Every other call goes to the server.
 */
export function withBrowserChannels(invoke: Invoke, token: string): Invoke {
  const hints = createAttachmentHints();
  return (channelName, input) => {
    if (channelName === 'attachments.pick') {
      const parsed = contract.attachments.pick.input.safeParse(input);
      if (!parsed.success) return Promise.resolve(fail('INVALID_INPUT', 'The request to attachments.pick is not valid.'));
      const { draftId, path } = parsed.data;
      // Synchronously, still inside the user's click.
      const chosen = chooseFiles(hints.inputOptions(draftId, path));
      return chosen.then((files) => (files.length === 0 ? ok({ files: [], rejected: [] }) : uploadFiles(token, draftId, path, files, hints.maxFileSize(draftId, path))));
    }
    if (channelName === 'releases.pick') {
      // Synchronously, still inside the user's click.
      const chosen = chooseFiles({ accept: '.iscmq', multiple: false });
      return chosen.then(([file]) => (file === undefined ? ok({ preview: null }) : uploadRelease(token, file)));
    }
    if (channelName === 'submissions.downloadExport') {
      const parsed = contract.submissions.downloadExport.input.safeParse(input);
      if (!parsed.success) return Promise.resolve(fail('INVALID_INPUT', 'The request to submissions.downloadExport is not valid.'));
      const { id, path } = parsed.data;
      return fetchDownload(token, 'export', { id, path }, baseName(path, 'submission.iscm')).then((r) => (r.ok ? ok({ started: true as const }) : r));
    }
    if (channelName === 'files.download') {
      const parsed = contract.files.download.input.safeParse(input);
      if (!parsed.success) return Promise.resolve(fail('INVALID_INPUT', 'The request to files.download is not valid.'));
      const { path } = parsed.data;
      return fetchDownload(token, 'saved', { path }, baseName(path, 'file')).then((r) => (r.ok ? ok({ started: true as const }) : r));
    }
    if (channelName === 'iom.openAttachment') {
      const parsed = contract.iom.openAttachment.input.safeParse(input);
      if (!parsed.success) return Promise.resolve(fail('INVALID_INPUT', 'The request to iom.openAttachment is not valid.'));
      const { submissionId, file } = parsed.data;
      return fetchDownload(token, 'attachment', { submission: submissionId, file }, `attachment-${file.slice(0, 12)}`).then((r) =>
        r.ok ? ok({ outcome: 'downloaded' as const, name: r.value.name }) : r,
      );
    }
    if (channelName === 'app.printToPdf') {
      window.print();
      return Promise.resolve(ok({ path: null }));
    }
    return invoke(channelName, input).then((result) => {
      if (result.ok) hints.observe(channelName, result.value);
      return result;
    });
  };
}
