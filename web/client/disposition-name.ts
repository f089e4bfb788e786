/** The name in `filename*=UTF-8''…` (RFC 5987) of a Content-Disposition header; undefined when absent or malformed. */
export function dispositionName(header: string | null | undefined): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
