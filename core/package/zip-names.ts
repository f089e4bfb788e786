import type { ZipUnsafeReason } from './verify-codes.js';

/**
 * Checks on the names inside an archive, made before anything is inflated. The reader never
 * writes at these names, but a package is also opened by people with `unzip`, so a name that
 * could escape a folder or collide with another on a case-insensitive disk is refused outright.
 */

export interface NameProblem {
  readonly reason: ZipUnsafeReason;
  readonly name: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** The reason a single name is unsafe, or null. */
export function unsafeNameReason(name: string): ZipUnsafeReason | null {
  if (name.length === 0) return 'empty-name';
  if (CONTROL_CHARACTERS.test(name)) return 'control-character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute-path';
  if (name.split('/').some((part) => part === '..')) return 'parent-path';
  if (name.endsWith('/')) return 'directory';
  return null;
}

/** The first unsafe name, duplicate, case twin or Unicode-normalisation twin in the list. */
export function findNameProblem(names: readonly string[]): NameProblem | null {
  const exact = new Set<string>();
  const normalised = new Map<string, string>();
  const folded = new Set<string>();
  for (const name of names) {
    const reason = unsafeNameReason(name);
    if (reason !== null) return { reason, name };
    if (exact.has(name)) return { reason: 'duplicate-name', name };
    exact.add(name);
    const nfc = name.normalize('NFC');
    if (normalised.has(nfc)) return { reason: 'normalisation-twin', name };
    normalised.set(nfc, name);
    const caseFolded = nfc.toLowerCase().toUpperCase().toLowerCase();
    if (folded.has(caseFolded)) return { reason: 'case-twin', name };
    folded.add(caseFolded);
  }
  return null;
}
