import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Runs a system command; returns its error message instead of throwing (for "is this allowed here?" checks). */
export function tryRun(command: string, args: readonly string[]): string | undefined {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error instanceof Error ? error.message : String(error));
  }
}

/** Mounts a tmpfs of `size` (e.g. "2m") on `dir`; returns why not when the sandbox forbids it. */
export function mountSmallTmpfs(dir: string, size: string): string | undefined {
  fs.mkdirSync(dir, { recursive: true });
  return tryRun('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

export function unmount(dir: string): void {
  tryRun('umount', [dir]);
}

/** `chattr +i` / `-i`: as root, chmod does not stop writes, but the immutable flag does (EPERM), even on open files. */
export function setImmutable(paths: readonly string[], on: boolean): string | undefined {
  const existing = paths.filter((p) => fs.existsSync(p));
  return existing.length === 0 ? undefined : tryRun('chattr', [on ? '+i' : '-i', ...existing]);
}
