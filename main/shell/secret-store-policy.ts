/**
 * Whether the OS secret store really encrypts. On Linux without a keyring,
 * Electron falls back to `basic_text`, whose key is a constant in Chromium's
 * source: a private key sealed with it is as good as plain. `unknown` (asked
 * before ready) is not trusted either.
 */
export function secretStoreIsReal(
  available: boolean,
  platform: NodeJS.Platform,
  linuxBackend: string | undefined,
): boolean {
  if (!available) return false;
  if (platform !== 'linux') return true;
  return linuxBackend !== undefined && linuxBackend !== 'basic_text' && linuxBackend !== 'unknown';
}
