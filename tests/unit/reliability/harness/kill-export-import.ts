import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseIdentityFile } from '../../../../main/services/crypto/age.js';
import { createIomService } from '../../../../main/services/import/iom-service.js';
import { readPackage } from '../../../../main/services/package/read-package.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner, type MadePackage } from '../../import/package-kit.js';
import { fixtureSource, QUESTIONNAIRES_DIR, startChild } from './child-script.js';

const identity = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export type ExportKill = 'no file' | 'complete package' | 'partial file';

/** Writes one package in a child (the real writer, a large attachment), SIGKILLs it `delayMs` after it starts, and says what is at the target path. */
export async function killDuringExport(dir: string, delayMs: number, attachmentMiB = 12): Promise<ExportKill> {
  const child = startChild(fixtureSource('export-writer'), [dir, 'sub.iscm', String(attachmentMiB)]);
  await child.waitForLine((l) => l === 'start');
  await sleep(delayMs);
  child.process.kill('SIGKILL');
  await child.exited;
  const target = path.join(dir, 'sub.iscm');
  if (!fs.existsSync(target)) return 'no file';
  // readPackage checks everything (decryption, ZIP, every hash, the signature) and throws on any fault.
  return readPackage(target, { identity }).then(
    () => 'complete package' as const,
    () => 'partial file' as const,
  );
}

/** A batch of real packages (one mechanism each, one attachment each) in `dir`, and nothing else there. */
export async function makeBatch(dir: string, count: number, attachmentKiB: number): Promise<MadePackage[]> {
  const signer = makeSigner();
  const made: MadePackage[] = [];
  for (let i = 0; i < count; i++) made.push(await makePackage({ dir, signer, mechanismIndex: i, attachments: [randomBytes(attachmentKiB * 1024)] }));
  for (const f of fs.readdirSync(dir).filter((f) => !f.endsWith('.iscm'))) fs.rmSync(path.join(dir, f));
  return made;
}

export interface ImportKill {
  /** Submissions in iom.db after the kill. */
  readonly importedBeforeKill: number;
  readonly integrity: string;
  /** Imported submissions whose attachments are missing or wrong (must be none). */
  readonly halfImported: string[];
  /** Outcomes of running the same batch again. */
  readonly rerunKinds: string[];
  /** Submission ids in iom.db after the re-run, sorted. */
  readonly finalIds: string[];
  readonly quarantined: number;
}

/**
 * Runs `iscm import <batch>` in a child, SIGKILLs it after `afterFiles` files were
 * reported (+ `delayMs`), checks what the kill left, then runs the batch again in-process.
 */
export async function killDuringImport(batch: string, dbFile: string, afterFiles: number, delayMs: number): Promise<ImportKill> {
  const child = startChild(fixtureSource('import-runner'), ['import', batch, '--db', dbFile, '--identity', DEV_IDENTITY_FILE, '--questionnaires', QUESTIONNAIRES_DIR]);
  await child.waitForLine(() => child.lines.length >= afterFiles);
  await sleep(delayMs);
  child.process.kill('SIGKILL');
  const { signal } = await child.exited;
  if (signal !== 'SIGKILL') throw new Error('the batch finished before the kill: make it longer');
  const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity, actor: 'test' });
  try {
    const db = service.db;
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const media = path.join(path.dirname(dbFile), 'iom-media');
    const imported = db.prepare<[], string>('SELECT submission_id FROM submissions').pluck().all();
    const halfImported = imported.filter((id) => {
      const atts = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM submission_attachments WHERE submission_id = ?').all(id);
      return atts.length !== 1 || atts.some((a) => !fs.existsSync(path.join(media, a.sha256)) || sha256(path.join(media, a.sha256)) !== a.sha256);
    });
    const summary = await service.importPaths([batch]);
    return {
      importedBeforeKill: imported.length,
      integrity,
      halfImported,
      rerunKinds: summary.outcomes.map((o) => o.kind),
      finalIds: db.prepare<[], string>('SELECT submission_id FROM submissions ORDER BY submission_id').pluck().all(),
      quarantined: db.prepare<[], number>('SELECT COUNT(*) FROM quarantine').pluck().get() ?? 0,
    };
  } finally {
    service.close();
  }
}
