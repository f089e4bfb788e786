import fs from 'node:fs';
import path from 'node:path';
import type { PackageLimits } from '../../../core/package/format.js';
import { openDatabase, type Db } from '../../../db/open.js';
import { iomMigrations } from '../../../db/migrations/iom/index.js';
import { chainsRepo, type ChainsRepo } from '../../../db/repos/iom/chains.js';
import { heldRepo, type HeldRepo } from '../../../db/repos/iom/held.js';
import { quarantineRepo, type QuarantineRepo } from '../../../db/repos/iom/quarantine.js';
import { respondentsRepo, type RespondentsRepo } from '../../../db/repos/iom/respondents.js';
import { reviewsRepo, type ReviewsRepo } from '../../../db/repos/iom/reviews.js';
import { searchTextsRepo, type SearchTextsRepo } from '../../../db/repos/iom/search-texts.js';
import { settingsRepo, type SettingsRepo } from '../../../db/repos/iom/settings.js';
import { signersRepo, type SignersRepo } from '../../../db/repos/iom/signers.js';
import { submissionsRepo, type SubmissionsRepo } from '../../../db/repos/iom/submissions.js';
import type { Clock } from '../clock.js';
import type { QuestionnaireRegistry } from './questionnaire-registry.js';

/** The repositories of iom.db. */
export interface IomRepos {
  readonly db: Db;
  readonly submissions: SubmissionsRepo;
  readonly respondents: RespondentsRepo;
  readonly signers: SignersRepo;
  readonly chains: ChainsRepo;
  readonly held: HeldRepo;
  readonly settings: SettingsRepo;
  readonly quarantine: QuarantineRepo;
  readonly reviews: ReviewsRepo;
  readonly searchTexts: SearchTextsRepo;
}

/** Everything one import needs: the database, where files go, the identity, the time. */
export interface ImportContext extends IomRepos {
  readonly registry: QuestionnaireRegistry;
  /** `AGE-SECRET-KEY-1…` */
  readonly identity: string;
  readonly dirs: IomDirs;
  readonly clock: Clock;
  /** Who is importing (recorded with keys registered on first use and with holds). */
  readonly actor: string;
  readonly limits?: Partial<PackageLimits>;
  /** Strict mode for this run (`--require-registered`), whatever the setting in iom.db says. */
  readonly requireRegistered?: boolean;
}

/** The folders beside iom.db. Every file in them is named by a SHA-256, never by input. */
export interface IomDirs {
  /** Attachments of imported submissions, `<sha256>`. */
  readonly media: string;
  /** Copies of packages held for a key review, `<sha256>.iscm`. */
  readonly held: string;
  /** The import's temp area: the package reader's work folders live here and only here. */
  readonly temp: string;
}

export function iomDirsBeside(dbFile: string): IomDirs {
  const base = path.dirname(path.resolve(dbFile));
  const stem = path.basename(dbFile, path.extname(dbFile));
  return {
    media: path.join(base, `${stem}-media`),
    held: path.join(base, `${stem}-held`),
    temp: path.join(base, `${stem}-tmp`),
  };
}

export interface OpenedIom extends IomRepos {
  readonly dirs: IomDirs;
}

/** Owner-only modes: iom.db holds names, e-mails and signed answers. */
export const IOM_FILE_MODE = 0o600;
export const IOM_DIR_MODE = 0o700;

/**
 * Makes iom.db readable by its owner only. A new file is created empty with mode 0600 before
 * SQLite opens it: SQLite then gives its -wal and -shm files the database file's mode. A file
 * (or folder) made by an older version with the default mode is tightened when opened.
 */
function ownerOnly(dbFile: string, dirs: IomDirs | null): void {
  if (!fs.existsSync(dbFile)) fs.closeSync(fs.openSync(dbFile, 'wx', IOM_FILE_MODE));
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    const found = fs.statSync(file, { throwIfNoEntry: false });
    if (found?.isFile() && (found.mode & 0o077) !== 0) fs.chmodSync(file, IOM_FILE_MODE);
  }
  for (const dir of dirs ? [dirs.media, dirs.held, dirs.temp] : []) {
    fs.mkdirSync(dir, { recursive: true, mode: IOM_DIR_MODE });
    if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, IOM_DIR_MODE);
  }
}

/** Opens (creating and migrating) iom.db and makes its folders, all readable by their owner only. */
export function openIom(dbFile: string, nativeBinding?: string): OpenedIom {
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  ownerOnly(dbFile, null);
  const db = openDatabase(dbFile, { migrations: iomMigrations, ...(nativeBinding ? { nativeBinding } : {}) });
  const dirs = iomDirsBeside(dbFile);
  ownerOnly(dbFile, dirs);
  return {
    db,
    submissions: submissionsRepo(db),
    respondents: respondentsRepo(db),
    signers: signersRepo(db),
    chains: chainsRepo(db),
    held: heldRepo(db),
    settings: settingsRepo(db),
    quarantine: quarantineRepo(db),
    reviews: reviewsRepo(db),
    searchTexts: searchTextsRepo(db),
    dirs,
  };
}
