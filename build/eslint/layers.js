// The "may import" column of ../shared/architecture.md §1, as data. The lint rule in
// boundaries-rule.js enforces it; tests/unit/lint/boundaries.test.ts proves it fails on violations.
//
// folders: project folders this layer may import from (by relative path).
// node: may import Node built-ins. electron: may import 'electron'. react: may import react/react-dom.
// packages: other npm packages it may import ('*' = any that is not electron/react/node).

/** @typedef {{ folders: string[], node: boolean, electron: boolean, react: boolean, packages: string[] | '*' }} Layer */

/** @type {Record<string, Layer>} Longest matching key wins. */
export const LAYERS = {
  core: { folders: ['core'], node: false, electron: false, react: false, packages: ['zod'] },
  db: { folders: ['core', 'db'], node: true, electron: false, react: false, packages: ['better-sqlite3', 'zod'] },
  'main/services': {
    folders: ['core', 'db', 'main/services', 'questionnaires'],
    node: true,
    electron: false,
    react: false,
    packages: '*',
  },
  'main/shell': { folders: ['core', 'db', 'main', 'questionnaires'], node: true, electron: true, react: false, packages: '*' },
  preload: { folders: ['core', 'preload'], node: false, electron: true, react: false, packages: ['zod'] },
  renderer: {
    folders: ['core', 'renderer'],
    node: false,
    electron: false,
    react: true,
    packages: ['react-hook-form', '@hookform/resolvers', 'i18next', 'react-i18next', 'zod', '@visx/group', '@visx/pattern', '@visx/scale', '@visx/shape'],
  },
  'web/client': { folders: ['core', 'web/client'], node: false, electron: false, react: false, packages: ['zod'] },
  web: { folders: ['core', 'db', 'main/services', 'web', 'questionnaires'], node: true, electron: false, react: false, packages: '*' },
  cli: { folders: ['core', 'db', 'main/services', 'cli', 'questionnaires'], node: true, electron: false, react: false, packages: '*' },
};
