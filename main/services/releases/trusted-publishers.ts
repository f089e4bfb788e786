import fs from 'node:fs';
import path from 'node:path';
import { parseAllowedSigners, type AllowedSigners } from '../crypto/allowed-signers.js';

/** The app's trusted questionnaire publishers: an OpenSSH allowed_signers file it carries. */
export const PUBLISHERS_FILE = 'allowed_signers';
/** The releases the app carries, installed on first start like any other release. */
export const BUNDLED_RELEASES_DIR = 'releases';

/**
 * Reads an allowed_signers file. A missing file trusts nobody (every release is then refused
 * as from an unknown publisher), which is safe; unreadable lines are kept as problems.
 */
export function readTrustedPublishers(file: string): AllowedSigners {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { signers: [], problems: [{ line: 0, message: `${file} cannot be read: no publisher is trusted` }] };
  }
  return parseAllowedSigners(text);
}

/** Where the app finds its publishers and bundled releases: `<questionnairesDir>/allowed_signers`, `<questionnairesDir>/releases/`. */
export const publishersFileIn = (questionnairesDir: string): string => path.join(questionnairesDir, PUBLISHERS_FILE);
export const bundledReleasesIn = (questionnairesDir: string): string =>
  path.join(questionnairesDir, BUNDLED_RELEASES_DIR);
