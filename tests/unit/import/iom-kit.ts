import fs from 'node:fs';
import path from 'node:path';
import { processTempDir } from '../../helpers/temp-dir.js';
import { parseIdentityFile } from '../../../main/services/crypto/age.js';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { DEV_IDENTITY_FILE } from './package-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

export const DEV_IDENTITY = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));

/** A fresh folder, removed when the test process ends. */
export const tempDir = processTempDir;

export interface TestIom {
  readonly service: IomService;
  readonly dir: string;
  readonly dbFile: string;
  /** Rows of a table, for "nothing was written" checks. */
  count(table: string): number;
}

/** A fresh iom.db in a temp folder, with the real questionnaires and the development identity. */
export function testIom(actor = 'tester'): TestIom {
  const dir = tempDir();
  const dbFile = path.join(dir, 'iom.db');
  const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor });
  return {
    service,
    dir,
    dbFile,
    count: (table) => (service.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

/** Every file under a folder, recursively (to prove nothing was left behind). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
