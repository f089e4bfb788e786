import type { Result } from '../../core/contract/errors.js';

const TOKEN_HEADER = 'x-iscm-token';

/** Sends a chosen release file to the web host, which checks it as the desktop app does and answers with the preview. */
export async function uploadRelease(token: string, file: File): Promise<Result<unknown>> {
  try {
    const response = await fetch(`./upload/release?${new URLSearchParams({ name: file.name }).toString()}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `${file.name} could not be sent to the app. Try again.` } };
  }
}
