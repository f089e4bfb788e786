import { fail, ok, type ContractError, type Result } from '../../core/contract/errors.js';
import { hostUnreachable, TOKEN_HEADER } from '../../core/contract/transport.js';
import { dispositionName } from './disposition-name.js';

/**
 * `iom.openAttachment` in the browser: a browser cannot hand a file to the system's application,
 * so the attachment is downloaded instead. It is fetched with the session token (a link could not
 * carry it in a header, and a token in a URL would end up in history), then given to the
 * browser's downloads under the safe name the host chose.
 */
export async function downloadAttachment(token: string, input: { submissionId: string; file: string }): Promise<Result<{ outcome: 'downloaded'; name: string }>> {
  let response: Response;
  try {
    const query = new URLSearchParams({ submission: input.submissionId, file: input.file });
    response = await fetch(`./download/attachment?${query.toString()}`, { headers: { [TOKEN_HEADER]: token } });
  } catch {
    return hostUnreachable();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: ContractError } | undefined;
    return body?.error ? { ok: false, error: body.error } : fail('INTERNAL', 'The download failed.');
  }
  const name = dispositionName(response.headers.get('Content-Disposition')) ?? `attachment-${input.file.slice(0, 12)}`;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return ok({ outcome: 'downloaded', name });
}
