import type { AttachmentRef } from '../../core/answers/value.js';
import type { Result } from '../../core/contract/errors.js';
import { TOKEN_HEADER } from '../../core/contract/transport.js';
import { formatBytes } from '../../core/questionnaire/messages.js';

type Rejected = { name: string; reason: string; sizeLimit?: number };
type PickOutput = { files: AttachmentRef[]; rejected: Rejected[] };
type UploadOutcome = { file: AttachmentRef } | { rejected: Rejected };

/** The host's words for a file over the limit (the UI says it in its own language from `sizeLimit`). */
const tooLarge = (name: string, limit: number): Rejected => ({
  name,
  reason: `${name} is larger than the ${formatBytes(limit)} limit.`,
  sizeLimit: limit,
});

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

const sizeLimitOf = (details: unknown): number | undefined => {
  const limit = typeof details === 'object' && details !== null ? (details as { sizeLimit?: unknown }).sizeLimit : undefined;
  return typeof limit === 'number' ? limit : undefined;
};

/**
 * Uploads each file in turn to the web host, which checks it and copies it into the attachment
 * store. A file over the question's size limit (`maxFileSize`, when the client knows the
 * question) is refused here, before a byte is sent: the host would refuse it too, but could only
 * answer by closing the connection on a body it will not read.
 */
export async function uploadFiles(
  token: string,
  draftId: string,
  path: string,
  files: readonly File[],
  maxFileSize?: number,
): Promise<Result<PickOutput>> {
  const output: PickOutput = { files: [], rejected: [] };
  for (const file of files) {
    if (maxFileSize !== undefined && file.size > maxFileSize) {
      output.rejected.push(tooLarge(file.name, maxFileSize));
      continue;
    }
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
    // The host refused the body for its size without reading it (PAYLOAD_TOO_LARGE): a verdict on this file.
    const refusedLimit = result.ok || result.error.code !== 'PAYLOAD_TOO_LARGE' ? undefined : sizeLimitOf(result.error.details);
    if (refusedLimit !== undefined) {
      output.rejected.push(tooLarge(file.name, refusedLimit));
      continue;
    }
    // Not a verdict on this file (e.g. the draft was finalized meanwhile): the whole pick fails, as in the desktop app.
    if (!result.ok) return result;
    if ('file' in result.value) output.files.push(result.value.file);
    else output.rejected.push(result.value.rejected);
  }
  return { ok: true, value: output };
}
