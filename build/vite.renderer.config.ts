import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The renderer (React) and the web host's fetch client, built to dist/renderer.
 * Relative base so the same files load from app:// in Electron and from the web host.
 */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Inline scripts are forbidden by the CSP; keep module preload polyfill out.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: path.join(root, 'renderer', 'index.html'),
        'web-client': path.join(root, 'web', 'client', 'entry.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'web-client' ? 'web-client.js' : 'assets/[name]-[hash].js'),
        // React and the other libraries in chunks of their own: no chunk passes Vite's 500 kB warning
        // (printed on every start:web before), and a rebuild of the app's code leaves them unchanged.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
