/**
 * Parsing JSON that came from outside. The nesting depth is measured on the text before
 * JSON.parse (so a million "[" cannot exhaust the stack), and keys that could reach an
 * object's prototype are refused after parsing.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** The deepest nesting of `[` and `{` outside strings; -1 if brackets do not balance. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
    if (depth < 0) return -1;
  }
  return depth === 0 ? deepest : -1;
}

function findForbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      stack.push(...(item as unknown[]));
      continue;
    }
    for (const key of Object.keys(item)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** Decodes strict UTF-8 and parses; reports why it refused. */
export function parseUntrustedJson(bytes: Uint8Array, maxDepth: number): SafeJsonResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  const depth = jsonNestingDepth(text);
  if (depth < 0) return { ok: false, reason: 'brackets do not balance' };
  if (depth > maxDepth) return { ok: false, reason: `nested ${depth} levels deep (at most ${maxDepth})` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null) return { ok: false, reason: `forbidden key "${forbidden}"` };
  return { ok: true, value };
}
