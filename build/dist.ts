// `npm run dist [-- --development] [electron-builder options]`: the release check first
// (build/release-build-check.ts), then the bundles, then electron-builder. Nothing is built
// when the check refuses.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runReleaseBuildCheck } from './release-build-check.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

const check = await runReleaseBuildCheck(args, path.join(ROOT, 'questionnaires'), io);
if (check !== 0) process.exit(check);
const run = (cmd: string, cmdArgs: readonly string[]): void => {
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--config', 'build/electron-builder.config.ts', ...args.filter((a) => a !== '--development')]);
