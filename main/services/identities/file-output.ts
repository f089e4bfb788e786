import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import type { FileFilter } from '../host.js';
import type { SigningDeps } from './deps.js';

/** Where files for the user go in the web host (and wherever no save dialog exists). */
export const exportsDir = (dataDir: string): string => path.join(dataDir, 'exports');

/** A name safe on every file system: letters, digits, `-`, `_`, `.`; never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
  return cleaned.slice(0, 120) || 'file';
}

/**
 * `<dir>/<name>`, or `<stem> (2)<ext>`, ` (3)`… when taken: an earlier file is never replaced.
 * Why ` (2)` and not `-2`: names end in the revision (`…-r1.iscm`), and `…-r1-2.iscm` read like
 * "revision 1-2". ` (2)` is how every browser and file manager names a second copy, so it reads
 * as "another copy of revision 1". Replacing when the bytes are identical would not help: each
 * export is sealed afresh (age picks a new file key), so two exports never have the same bytes.
 * `reserve`: paths that writers still at work will take; the name returned is added to it before returning.
 */
export async function freePathIn(dir: string, name: string, reserve: Set<string> = new Set()): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (reserve.has(candidate)) continue;
    const exists = await fs.stat(candidate).then(
      () => true,
      () => false,
    );
    // Checked again after the await: a concurrent caller may have taken the name meanwhile.
    if (exists || reserve.has(candidate)) continue;
    reserve.add(candidate);
    return candidate;
  }
  throw new AppError('CONFLICT', `Too many files named like ${name} in ${dir}.`);
}

/** Claims `target` in `reserve` for one writer; a second writer of the same path is refused. */
export function reservePath(reserve: Set<string>, target: string): string {
  if (reserve.has(target)) throw new AppError('CONFLICT', 'Another export is writing this file right now.');
  reserve.add(target);
  return target;
}

/**
 * The path to write a file the user keeps: the save dialog where the host has one
 * (CANCELLED when they close it), else a free name under `<dataDir>/exports/`.
 */
export async function chooseOutputPath(
  deps: Pick<SigningDeps, 'hostCapabilities' | 'dataDir'>,
  options: { title: string; defaultName: string; filter: FileFilter; reserve?: Set<string> },
): Promise<string> {
  const reserve = options.reserve ?? new Set<string>();
  const pick = deps.hostCapabilities?.pickSavePath;
  if (!pick) return freePathIn(exportsDir(deps.dataDir), options.defaultName, reserve);
  const chosen = await pick({ title: options.title, defaultName: options.defaultName, filters: [options.filter] });
  if (chosen === undefined) throw new AppError('CANCELLED', 'No place was chosen; nothing was written.');
  return reservePath(reserve, path.resolve(chosen));
}

