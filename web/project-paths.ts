import fs from 'node:fs';
import path from 'node:path';

/** The repository root (web/ runs from source through tsx). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
