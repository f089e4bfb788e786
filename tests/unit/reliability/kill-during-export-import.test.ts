import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { killDuringExport, killDuringImport, makeBatch, type ExportKill } from './harness/kill-export-import.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const random = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));

describe('promise 2: a kill during export or import leaves nothing half-done', () => {
  it('export: killed at random moments, the target path holds either nothing or a complete, verifiable package', async () => {
    const seen: ExportKill[] = [];
    for (let i = 0; i < 4; i++) seen.push(await killDuringExport(tempDir(), random(0, 1200)));
    expect(seen).not.toContain('partial file');
  });

  it('import: killed mid-batch, each package is fully imported or not at all; the batch run again finishes it with no duplicate', async () => {
    const batch = tempDir();
    const made = await makeBatch(batch, 8, 512);
    const allIds = made.map((m) => m.submissionId).sort();
    for (let round = 0; round < 2; round++) {
      const run = await killDuringImport(batch, path.join(tempDir(), 'iom.db'), random(1, made.length - 3), random(0, 20));
      expect(run.integrity).toBe('ok');
      expect(run.importedBeforeKill, 'killed mid-batch').toBeLessThan(made.length);
      expect(run.halfImported).toEqual([]);
      expect(run.rerunKinds.filter((k) => k === 'duplicate')).toHaveLength(run.importedBeforeKill);
      expect(run.rerunKinds.filter((k) => k === 'imported')).toHaveLength(made.length - run.importedBeforeKill);
      expect(run.finalIds).toEqual(allIds);
      expect(run.quarantined).toBe(0);
    }
  });
});
