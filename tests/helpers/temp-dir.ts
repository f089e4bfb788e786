import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder under the system temp dir, removed after the test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-test-'));
    made.push(dir);
    return dir;
  };
}

let runRoot: string | undefined;

/**
 * A fresh folder that lives until the current test file ends (for kits whose folders are
 * shared across the tests of a file). tests/helpers/vitest-setup.ts removes them all then.
 */
export function processTempDir(): string {
  runRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-run-'));
  return fs.mkdtempSync(path.join(runRoot, 'd-'));
}

export function removeProcessTempDirs(): void {
  if (runRoot !== undefined) fs.rmSync(runRoot, { recursive: true, force: true });
  runRoot = undefined;
}
