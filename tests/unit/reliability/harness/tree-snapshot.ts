import fs from 'node:fs';
import path from 'node:path';

/** Every file and folder under `root` (relative paths, with file sizes), except under the `allowed` sub-folders. */
export function treeSnapshot(root: string, allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (allowed.some((a) => rel === a || rel.startsWith(`${a}${path.sep}`))) continue;
      if (entry.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else out.push(`${rel} ${fs.lstatSync(full).size}`);
    }
  };
  walk(root);
  return out.sort();
}
