import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerValue, AttachmentRef } from '../../../core/answers/value.js';
import type { EventPayload } from '../../../core/contract/events.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { openDatabase, type Db } from '../../../db/open.js';
import { systemClock } from '../../../main/services/clock.js';
import type { SigningDeps } from '../../../main/services/identities/deps.js';
import { attachmentFilePath } from '../../../main/services/submissions/revision-fields.js';
import { createQuestionnaireCatalog } from '../../../main/services/questionnaires/catalog.js';
import { createReleaseStore } from '../../../main/services/releases/release-store.js';
import {
  bundledReleasesIn,
  publishersFileIn,
  readTrustedPublishers,
} from '../../../main/services/releases/trusted-publishers.js';
import { processTempDir } from '../../helpers/temp-dir.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const QUESTIONNAIRES_DIR = path.join(ROOT, 'questionnaires');

/** The app's own releases, installed (with every check) once per test file into a folder of their own. */
const releaseStore = createReleaseStore({
  dir: processTempDir(),
  publishers: () => readTrustedPublishers(publishersFileIn(QUESTIONNAIRES_DIR)),
  bundledDir: bundledReleasesIn(QUESTIONNAIRES_DIR),
});
await releaseStore.load();
export const QUESTIONNAIRES = createQuestionnaireCatalog(releaseStore);
export const DEV_IDENTITY_FILE = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
/** Real scrypt, at the cheapest cost the key store accepts, so tests stay quick. */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
export const PASSPHRASE = 'correct horse battery staple';

/** The signer most tests create: a secretariat head with the test passphrase. */
export const AMINA = {
  name: 'Amina Diallo',
  title: 'Head of Office',
  organisation: 'Bali Process RSO',
  mechanism: 'bali_process',
  email: 'amina@example.org',
  passphrase: PASSPHRASE,
} as const;

export interface Harness {
  readonly dataDir: string;
  readonly db: Db;
  readonly deps: SigningDeps;
  readonly progress: EventPayload<'progress'>[];
  /** Called on every progress event, e.g. to cancel mid-export. */
  onProgress?: (payload: EventPayload<'progress'>) => void;
}

export function openHarness(dataDir: string, extra: Partial<SigningDeps> = {}): Harness {
  const db = openDatabase(path.join(dataDir, 'iscm.db'), { migrations: appMigrations });
  const progress: EventPayload<'progress'>[] = [];
  const harness: Harness = {
    dataDir,
    db,
    progress,
    deps: {
      db,
      clock: systemClock,
      dataDir,
      questionnaires: QUESTIONNAIRES,
      host: 'web',
      appVersion: '0.0.0-test',
      scrypt: TEST_SCRYPT,
      events: {
        emit: (event, payload) => {
          if (event !== 'progress') return;
          // The payload of a `progress` event (the generic parameter does not narrow with `event`).
          const p = payload as EventPayload<'progress'>;
          progress.push(p);
          harness.onProgress?.(p);
        },
      },
      ...extra,
    },
  };
  return harness;
}

/** A draft of the real questionnaire with these answers, written as the draft service does. */
export function insertDraft(db: Db, answers: Record<string, AnswerValue>, title = 'Bali Process 2026'): string {
  const id = randomUUID();
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, mechanism, language, created_at, updated_at)
     VALUES (?, ?, 'iscm-assessment', '1.0.0', 'secretariat', 'bali_process', 'en', ?, ?)`,
  ).run(id, title, at, at);
  const put = db.prepare('INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, ?)');
  for (const [p, v] of Object.entries(answers)) put.run(id, p, JSON.stringify(v), at);
  return id;
}

/** Puts a file into the attachment store (file and index row), as the attachment service does. */
export function storeAttachment(h: Harness, name: string, content: Buffer): AttachmentRef {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const file = attachmentFilePath(h.dataDir, sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  h.db
    .prepare(
      'INSERT OR IGNORE INTO attachments (sha256, size, media_type, first_name, added_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(sha256, content.length, 'application/pdf', name, new Date().toISOString());
  return { sha256, name, size: content.length, mediaType: 'application/pdf' };
}

/** Bytes that do not compress (a scan, a photo): deterministic, so failures reproduce. */
export function incompressible(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(String(seed)).digest();
  for (let i = 0; i < size; i += 32) {
    block.copy(out, i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export async function expectAppError(promise: Promise<unknown> | (() => unknown), code: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === code) return;
    throw new Error(`expected AppError ${code}, got ${String(error)}`);
  }
  throw new Error(`expected AppError ${code}, but it succeeded`);
}
