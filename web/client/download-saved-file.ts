import { fail, ok, type ContractError, type Result } from '../../core/contract/errors.js';
import { hostUnreachable, TOKEN_HEADER } from '../../core/contract/transport.js';
import { dispositionName } from './disposition-name.js';

/**
 * `files.download` in the browser: a key card or summary the app saved this session, fetched with
 * the session token (a plain link could not carry it in a header, and a token in a URL would end
 * up in history), then handed to the browser's downloads under the name the host gives.
 */
export async function downloadSavedFile(token: string, input: { path: string }): Promise<Result<{ started: true }>> {
  let response: Response;
  try {
    response = await fetch(`./download/saved?${new URLSearchParams(input).toString()}`, { headers: { [TOKEN_HEADER]: token } });
  } catch {
    return hostUnreachable();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: ContractError } | undefined;
    return body?.error ? { ok: false, error: body.error } : fail('INTERNAL', 'The download failed.');
  }
  const name = dispositionName(response.headers.get('Content-Disposition')) ?? input.path.split(/[\\/]/).pop() ?? 'file';
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
  return ok({ started: true });
}
