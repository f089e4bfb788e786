// `npm run start:web -- --port N --data-dir DIR`: the app in a browser, on this computer only.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startAppWebHost } from './app-web-host.js';
import { appVersion } from './project-paths.js';
import { defaultWebDataDir } from './default-data-dir.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a number from 0 to 65535 (got "${values.port}").\n`);
  process.exit(2);
}
const dataDir = values['data-dir'] === undefined ? defaultWebDataDir() : path.resolve(values['data-dir']);
const app = await startAppWebHost({ dataDir, port, appVersion: appVersion() }).catch((error: unknown) => {
  // Only a fault that stops the host itself lands here: a refused data file is shown in the page.
  process.stderr.write(`ISCM Assessment could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(`ISCM Assessment is running at ${app.host.url}\nData folder: ${dataDir}${values['data-dir'] === undefined ? ' (the default; choose another with --data-dir DIR)' : ''}\nPress Ctrl+C to stop.\n`);
// The page says it too, in the user's language, with "Try again" and the latest backup.
const startup = app.gate.report();
if (!startup.running) process.stderr.write(`The app could not open its data: ${startup.message}\nOpen the page: it says what to do.\n`);

const stop = () => {
  void app.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
