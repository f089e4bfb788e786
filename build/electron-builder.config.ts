// `npm run dist`: installers for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb).
// TypeScript (electron-builder loads it through jiti) so it is type-checked and linted like the rest.
import type { Configuration } from 'electron-builder';
import pkg from '../package.json' with { type: 'json' };

/** Exactly the Electron the project develops and tests with: no range, no "latest". */
export const ELECTRON_VERSION: string = pkg.devDependencies.electron;

const config: Configuration = {
  appId: 'org.iom.iscm-assessment',
  productName: 'ISCM Assessment',
  copyright: 'International Organization for Migration',
  electronVersion: ELECTRON_VERSION,
  directories: { output: 'release', buildResources: 'build/resources' },

  // Only the bundles: Vite has put every dev dependency (React, zod, age, exceljs…)
  // inside them. electron-builder adds the production `dependencies` from
  // node_modules (better-sqlite3 and what it requires) on its own.
  files: [
    'package.json',
    'dist/main/**',
    'dist/preload/**',
    'dist/renderer/**',
    '!dist/renderer/web-client.js',
    '!**/*.map',
    // better-sqlite3 ships its C sources and build intermediates; only lib/ and the .node are needed.
    '!node_modules/better-sqlite3/{deps,src,docs,benchmark}/**',
    '!node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps,test}/**',
    '!node_modules/better-sqlite3/build/Release/{test_extension.node,sqlite3.a}',
    '!node_modules/better-sqlite3/build/{deps,*.mk,Makefile,config.gypi,binding.Makefile}',
  ],
  asar: true,
  // A native module cannot be loaded from inside an asar archive.
  asarUnpack: ['**/*.node'],
  // The trusted publishers and the releases the app installs on first start (docs/release-format.md);
  // the questionnaire sources are not needed: each release carries its own, signed.
  extraResources: [{ from: 'questionnaires', to: 'questionnaires', filter: ['allowed_signers', 'releases/*.iscmq'] }],
  // A double-click on a questionnaire release opens the app on its preview.
  fileAssociations: [
    { ext: 'iscmq', name: 'ISCM questionnaire release', description: 'ISCM Assessment questionnaire release', role: 'Viewer', mimeType: 'application/vnd.iom.iscm-questionnaire' },
  ],

  // electron-builder rebuilds better-sqlite3 against Electron's headers (main gets no nativeBinding when packaged).
  npmRebuild: true,
  buildDependenciesFromSource: false,
  beforeBuild: () => {
    // `npm run dist` passes npm's `nodedir` to the rebuild; pointing at Node's own
    // headers would yield a module for Node's ABI that Electron refuses to load.
    delete process.env.npm_config_nodedir;
    return Promise.resolve(true);
  },

  // Flipped in the packaged binary: no running it as plain Node, no NODE_OPTIONS or
  // --inspect, app code only from the (integrity-checked) app.asar, file:// without
  // extra rights (the app uses app://), cookies encrypted.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },

  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'iscm-assessment',
    // A real contact address belongs here before a .deb is published (none is known yet).
    maintainer: 'IOM ISCM Assessment developers',
    synopsis: 'Fill, sign and export the IOM ISCM assessment offline',
  },
};

export default config;
