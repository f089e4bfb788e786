import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Left to Node's require at run time: electron itself, the native module, and Node's built-ins. */
const EXTERNAL = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * The main process, bundled to one CommonJS file (dist/main/main.cjs, package.json's
 * "main"). CommonJS rather than ESM because Electron loads an ESM main
 * asynchronously, after which `protocol.registerSchemesAsPrivileged` may come too
 * late for `ready`; and because everything but better-sqlite3 is bundled in, so
 * only runtime dependencies need to ship in node_modules.
 */
export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: path.join(root, 'main', 'shell', 'main.ts'),
    outDir: path.join(root, 'dist', 'main'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: (id) => EXTERNAL.has(id) || EXTERNAL.has(id.split('/')[0] ?? id),
      output: { format: 'cjs', entryFileNames: 'main.cjs' },
    },
  },
});
