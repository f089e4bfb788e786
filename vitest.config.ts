import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/interop/**/*.test.ts'] } },
      {
        // Component tests: React components rendered with Testing Library in a DOM (happy-dom),
        // against the real app services on a temp data folder. Only these files get a DOM.
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.tsx'],
        },
      },
    ],
  },
});
