import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from './harness/child-script.js';
import { killManyTimes } from './harness/kill-autosave.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
let writer = '';
beforeAll(async () => {
  writer = await bundleFixture('autosave-writer');
});

describe('promise 1: a kill during autosave loses no acknowledged answer', () => {
  it('50 times: SIGKILL 50–300 ms into fast autosaving, then every acked answer is there and integrity_check is ok', async () => {
    const runs = await killManyTimes(writer, tempDir(), { iterations: 50, parallel: 3, minMs: 50, maxMs: 300 });
    expect(runs).toHaveLength(50);
    for (const run of runs) {
      expect(run.integrity, `kill after ${run.delayMs} ms`).toBe('ok');
      expect(run.lost, `kill after ${run.delayMs} ms`).toEqual([]);
    }
    // The test means something only if the writer really got answers committed before each kill.
    expect(runs.every((r) => r.acked > 0)).toBe(true);
    // 50 child processes: on a loaded 2-core machine each takes ~3 s to its first save, past the 60 s default.
  }, 300_000);
});
