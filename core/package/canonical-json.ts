/**
 * Canonical JSON bytes: object keys sorted (by UTF-16 code units, like Array.sort) at every level,
 * 2-space indentation, UTF-8, one final "\n". The same value always gives the same bytes, which is
 * what makes a signature over manifest.json reproducible.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > 256) throw new Error('canonical JSON: value is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON: numbers must be finite');
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item, depth + 1));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new Error('canonical JSON: only plain objects are allowed');
    // A null-prototype target so that a "__proto__" key stays an ordinary key.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      out[key] = sortKeys(item, depth + 1);
    }
    return out;
  }
  throw new Error(`canonical JSON: unsupported type ${typeof value}`);
}

/** The canonical text (ends with "\n"). */
export function canonicalJsonText(value: unknown): string {
  return `${JSON.stringify(sortKeys(value, 0), null, 2)}\n`;
}

/** The canonical UTF-8 bytes. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJsonText(value));
}
