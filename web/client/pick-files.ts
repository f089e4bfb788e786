import type { AttachmentRef } from '../../core/answers/value.js';
import type { Result } from '../../core/contract/errors.js';
import { TOKEN_HEADER } from '../../core/contract/transport.js';

type PickOutput = { files: AttachmentRef[]; rejected: { name: string; reason: string }[] };
type UploadOutcome = { file: AttachmentRef } | { rejected: { name: string; reason: string } };

/**
 * Opens a hidden file input. Must be called synchronously inside the user's click:
 * browsers open a file dialog only from a user gesture. Resolves with the chosen
 * files, or none when the user cancels.
 */
export function chooseFiles(options: { accept?: string; multiple: boolean }): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = options.multiple;
  if (options.accept) input.accept = options.accept;
  input.hidden = true;
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  document.body.append(input);
  const chosen = new Promise<File[]>((resolve) => {
    const done = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
  });
  input.click();
  return chosen;
}

/** Uploads each file in turn to the web host, which checks it and copies it into the attachment store. */
export async function uploadFiles(token: string, draftId: string, path: string, files: readonly File[]): Promise<Result<PickOutput>> {
  const output: PickOutput = { files: [], rejected: [] };
  for (const file of files) {
    const query = new URLSearchParams({ draftId, path, name: file.name, pending: String(output.files.length) });
    let result: Result<UploadOutcome>;
    try {
      const response = await fetch(`./upload/attachment?${query.toString()}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      result = (await response.json()) as Result<UploadOutcome>;
    } catch {
      output.rejected.push({ name: file.name, reason: `${file.name} could not be sent to the app. Try again.` });
      continue;
    }
    // Not a verdict on this file (e.g. the draft was finalized meanwhile): the whole pick fails, as in the desktop app.
    if (!result.ok) return result;
    if ('file' in result.value) output.files.push(result.value.file);
    else output.rejected.push(result.value.rejected);
  }
  return { ok: true, value: output };
}
