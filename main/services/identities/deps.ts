import type { AppInfo } from '../../../core/contract/channels/app.js';
import type { EventBus } from '../event-bus.js';
import type { Db } from '../../../db/open.js';
import type { Clock } from '../clock.js';
import type { HostCapabilities } from '../host.js';
import type { ScryptParams } from '../crypto/private-key-store.js';
import type { QuestionnaireCatalog } from '../questionnaires/catalog.js';
import type { SavedFiles } from '../files/saved-files.js';

/**
 * What the signing services (identities, submissions) need. `app-services.ts` passes
 * its options through, so `hostCapabilities` and `events` arrive once the hosts supply them;
 * without `hostCapabilities` the services behave as in the web host (files go to
 * `<dataDir>/exports/`, no OS key store).
 */
export interface SigningDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly dataDir: string;
  /** The installed questionnaire releases: each revision's questionnaire and the recipients it is sealed to. */
  readonly questionnaires: QuestionnaireCatalog;
  readonly host: AppInfo['host'];
  readonly appVersion: string;
  readonly hostCapabilities?: HostCapabilities;
  readonly events?: Pick<EventBus, 'emit'>;
  /** The session's ledger of files saved for the user (key cards, summaries): what Show in folder and the download may name. */
  readonly savedFiles?: SavedFiles;
  /** Tests lower the cost; the default is OWASP's (2^17, 8, 1). */
  readonly scrypt?: ScryptParams;
}

export const APP_NAME = 'ISCM Assessment';
