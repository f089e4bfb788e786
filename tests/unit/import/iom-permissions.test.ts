import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iomDirsBeside } from '../../../main/services/import/context.js';
import { createIomService } from '../../../main/services/import/iom-service.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeSigner } from './package-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

const mode = (p: string): number => fs.statSync(p).mode & 0o777;

/** iom.db holds names, e-mails and signed answers: readable by its owner only. */
describe('iom.db permissions', () => {
  it('a new iom.db, its WAL and SHM files are 0600; its media, held and temp folders 0700', async () => {
    const previous = process.umask(0o022);
    try {
      const dbFile = path.join(tempDir(), 'iom.db');
      const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY });
      try {
        const pkg = await makePackage({ dir: tempDir(), signer: makeSigner(), attachments: [Buffer.from('%PDF-1.4 report')] });
        expect((await service.importPaths([pkg.path])).outcomes.map((o) => o.code)).toEqual(['IMPORTED']);
        expect(mode(dbFile)).toBe(0o600);
        expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
        expect(mode(`${dbFile}-wal`)).toBe(0o600);
        expect(mode(`${dbFile}-shm`)).toBe(0o600);
        const dirs = iomDirsBeside(dbFile);
        for (const dir of [dirs.media, dirs.held, dirs.temp]) expect(mode(dir), dir).toBe(0o700);
        expect(fs.readdirSync(dirs.media)).toHaveLength(1);
      } finally {
        service.close();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('an iom.db and folders an older version made world-readable are tightened when opened; nothing in them is lost', () => {
    const dbFile = path.join(tempDir(), 'iom.db');
    createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR }).close();
    const dirs = iomDirsBeside(dbFile);
    fs.chmodSync(dbFile, 0o644);
    fs.writeFileSync(path.join(dirs.media, 'kept'), 'an attachment');
    for (const dir of [dirs.media, dirs.held, dirs.temp]) fs.chmodSync(dir, 0o755);
    const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR });
    try {
      expect(mode(dbFile)).toBe(0o600);
      for (const dir of [dirs.media, dirs.held, dirs.temp]) expect(mode(dir), dir).toBe(0o700);
      expect(fs.readFileSync(path.join(dirs.media, 'kept'), 'utf8')).toBe('an attachment');
      expect(service.db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    } finally {
      service.close();
    }
  });
});
