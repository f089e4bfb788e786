/**
 * Where the app's own pages live. The renderer is served from a custom scheme
 * (never `file://`, which would give the page the whole disk as its origin),
 * under one fixed host, so "our own page" is a single origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'iscm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The URL parsed, or undefined when it is not a URL at all. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for a URL on the app's own origin: our scheme and host, no port, no credentials. */
export function isAppOrigin(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
