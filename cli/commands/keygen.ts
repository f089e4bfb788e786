import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { generateAgeIdentity } from '../../main/services/crypto/age.js';

/** What the command may touch: output only; files are real. */
export interface PackageCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = 'usage: iscm keygen --out FILE   create IOM’s age identity (mode 0600) and print its recipient\n';

/** Parses `--out FILE` (also `--out=FILE`); null on anything else. */
function parseArgs(args: readonly string[]): string | null {
  if (args.length === 1 && args[0]?.startsWith('--out=')) return args[0].slice('--out='.length) || null;
  if (args.length === 2 && args[0] === '--out' && args[1] && !args[1].startsWith('-')) return args[1];
  return null;
}

/**
 * Writes the identity without ever replacing a file: a private temp file (0600, fsynced) is
 * hard-linked to the target, which fails if the target exists, then the temp name is removed.
 */
export async function writeNewSecretFile(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, target);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** `iscm keygen --out FILE`: exit 0 when written, 1 when the file exists or cannot be written, 2 on usage. */
export async function runKeygenCommand(args: string[], io: PackageCommandIo): Promise<number> {
  const out = parseArgs(args);
  if (out === null) {
    io.stderr(USAGE);
    return 2;
  }
  const existing = await fs.lstat(out).catch(() => null);
  if (existing) {
    io.stderr(`iscm keygen: ${out} already exists; it was left untouched. Choose another file name.\n`);
    return 1;
  }
  const { identity, recipient } = await generateAgeIdentity();
  const text = `# ISCM Assessment: IOM's age identity. Keep it secret and backed up: without it, packages cannot be opened.\n# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  try {
    await writeNewSecretFile(out, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `iscm keygen: could not write ${out}${code === 'EEXIST' ? ': it already exists' : `: ${(error as Error).message}`}\n`,
    );
    return 1;
  }
  io.stderr(`Identity written to ${out} (mode 0600). Put this recipient in the questionnaire configuration:\n`);
  io.stdout(`${recipient}\n`);
  return 0;
}
