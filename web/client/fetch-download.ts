import { fail, ok, type ContractError, type Result } from '../../core/contract/errors.js';
import { hostUnreachable, TOKEN_HEADER } from '../../core/contract/transport.js';
import { dispositionName } from './disposition-name.js';

/** The web host's download routes (web/serve-download.ts serves them). */
export type DownloadRoute = 'export' | 'attachment' | 'saved';

/**
 * A file from one of the host's download routes, given to the browser's downloads: fetched with
 * the session token (a plain link could not carry it in a header, and a token in a URL would end
 * up in history), saved under the name the host gives (`fallbackName` if it gives none). A
 * refusal comes back as the host's contract error, in its own words.
 */
export async function fetchDownload(
  token: string,
  route: DownloadRoute,
  query: Readonly<Record<string, string>>,
  fallbackName: string,
): Promise<Result<{ name: string }>> {
  let response: Response;
  try {
    response = await fetch(`./download/${route}?${new URLSearchParams(query).toString()}`, { headers: { [TOKEN_HEADER]: token } });
  } catch {
    return hostUnreachable();
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: ContractError } | undefined;
    return body?.error ? { ok: false, error: body.error } : fail('INTERNAL', 'The download failed.');
  }
  const name = dispositionName(response.headers.get('Content-Disposition')) ?? fallbackName;
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
  return ok({ name });
}

/** The last part of a path, whichever separator its system used. */
export const baseName = (path: string, otherwise: string): string => path.split(/[\\/]/).pop() || otherwise;
