import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../../..');
export const QUESTIONNAIRES_DIR = path.join(PROJECT_ROOT, 'questionnaires');
const FIXTURES = path.join(PROJECT_ROOT, 'tests/unit/reliability/fixtures');
/** Inside node_modules so the bundle resolves better-sqlite3 (a native module, left out of the bundle). */
const CACHE = path.join(PROJECT_ROOT, 'node_modules/.cache/iscm-reliability');

/**
 * Bundles a fixture script to one .mjs so each child starts in ~0.1 s instead of
 * ~0.5 s through tsx: the crash tests start hundreds of children. Written to a temp
 * name and renamed, since several test files may bundle at once.
 */
export async function bundleFixture(name: string): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const out = path.join(CACHE, `${name}.mjs`);
  const temp = `${out}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({
    entryPoints: [path.join(FIXTURES, `${name}.ts`)],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'electron'],
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  fs.renameSync(temp, out);
  return out;
}

export interface RunningChild {
  readonly process: ChildProcessWithoutNullStreams;
  /** Complete lines printed so far (a line cut by a kill is not in here). */
  readonly lines: string[];
  readonly stderr: () => string;
  /** Resolves with the first line matching `test`, or rejects when the child exits first. */
  readonly waitForLine: (test: (line: string) => boolean) => Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A fixture run from source through tsx (for fixtures whose imports use `import.meta.dirname`, which a bundle would move). */
export const fixtureSource = (name: string): string => path.join(FIXTURES, `${name}.ts`);

/** Starts `node <script> ...args` (a `.ts` script through tsx), optionally under `prlimit` options (e.g. `--fsize=…`). */
export function startChild(script: string, args: readonly string[], prlimit: readonly string[] = []): RunningChild {
  const node = [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, ...args];
  const command = prlimit.length > 0 ? 'prlimit' : process.execPath;
  const argv = prlimit.length > 0 ? [...prlimit, process.execPath, ...node] : node;
  const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], cwd: PROJECT_ROOT });
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${String(code ?? signal)}) before the line; stderr: ${stderr}`));
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine: (test) => {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`child already exited; stderr: ${stderr}`));
      return new Promise((resolve, reject) => waiters.push({ test, resolve, reject }));
    },
  };
}
