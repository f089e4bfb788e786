import type { Result } from '../../core/contract/errors.js';
import { DEFAULT_RELEASE_LIMITS } from '../../core/release/format.js';
import { RELEASE_REFUSAL_MESSAGES } from '../../core/release/refusals.js';

const TOKEN_HEADER = 'x-iscm-token';

/** Sends a chosen release file to the web host, which checks it as the desktop app does and answers with the preview. */
export async function uploadRelease(token: string, file: File): Promise<Result<unknown>> {
  // Refused here as the host would, without sending megabytes it would not read.
  if (file.size > DEFAULT_RELEASE_LIMITS.maxFileBytes) {
    const detail = `${file.size} bytes, at most ${DEFAULT_RELEASE_LIMITS.maxFileBytes}`;
    return {
      ok: false,
      error: {
        code: 'RELEASE_TOO_LARGE',
        message: RELEASE_REFUSAL_MESSAGES.RELEASE_TOO_LARGE,
        details: { detail, fileName: file.name },
      },
    };
  }
  try {
    const response = await fetch(`./upload/release?${new URLSearchParams({ name: file.name }).toString()}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `${file.name} could not be sent to the app. Try again.`,
        details: { fileName: file.name },
      },
    };
  }
}
