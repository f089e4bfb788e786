// `npm run start:web -- --port N --data-dir DIR`: the app in a browser, on this computer only.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../main/services/app-services.js';
import { createAppDispatch } from '../main/services/app-dispatch.js';
import { createEventBus } from '../main/services/event-bus.js';
import { createRotatingLog } from '../main/services/log/rotating-log.js';
import { startWebHost } from './server.js';
import { PROJECT_ROOT, appVersion } from './project-paths.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: path.join(PROJECT_ROOT, '.web-data') },
  },
});
const dataDir = path.resolve(values['data-dir']);
const log = createRotatingLog({ dir: dataDir });
const services = createAppServices({
  dataDir,
  questionnairesDir: path.join(PROJECT_ROOT, 'questionnaires'),
  host: 'web',
  appVersion: appVersion(),
});
const host = await startWebHost({
  dispatch: createAppDispatch(services.handlers, log),
  events: createEventBus(),
  staticDir: path.join(PROJECT_ROOT, 'dist', 'renderer'),
  port: Number(values.port),
});
process.stdout.write(`ISCM Assessment is running at ${host.url}\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`);

const stop = () => {
  void host.close().finally(() => {
    services.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
