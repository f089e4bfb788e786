import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../core/contract/dispatch.js';
import type { AppInfo } from '../../core/contract/channels/app.js';
import { openDatabase, type Db } from '../../db/open.js';
import { appMigrations } from '../../db/migrations/app/index.js';
import { systemClock, type Clock } from './clock.js';
import { createDraftService } from './drafts/draft-service.js';
import { latestQuestionnaire } from './questionnaires/catalog.js';

export interface AppServicesOptions {
  /** The user-data folder: the database and attachment store live here. */
  readonly dataDir: string;
  /** Where the questionnaire files are (`<dir>/<id>/<version>.json`). */
  readonly questionnairesDir: string;
  readonly host: AppInfo['host'];
  readonly appVersion: string;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
}

export interface AppServices {
  readonly handlers: Handlers;
  readonly db: Db;
  readonly close: () => void;
}

export const APP_DB_FILE = 'iscm.db';

/**
 * Everything behind the contract for the secretariat app, built once per start
 * and shared by the Electron shell and the web host: they differ only in how a
 * call arrives.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const db = openDatabase(path.join(options.dataDir, APP_DB_FILE), {
    migrations: appMigrations,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const drafts = createDraftService({ db, clock, currentQuestionnaire: () => latestQuestionnaire(options.questionnairesDir) });

  const handlers: Handlers = {
    app: {
      info: () => ({ name: 'ISCM Assessment', version: options.appVersion, host: options.host, dataDir: options.dataDir }),
    },
    drafts: {
      list: () => drafts.list(),
      create: (input) => drafts.create(input),
      get: ({ id }) => drafts.get(id),
      delete: ({ id }) => drafts.moveToTrash(id),
    },
    answers: {
      save: (input) => drafts.save(input),
    },
  };
  return { handlers, db, close: () => db.close() };
}
