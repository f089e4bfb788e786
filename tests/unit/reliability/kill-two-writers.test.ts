import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from './harness/child-script.js';
import { killTwoWritersManyTimes, lostValues } from './harness/kill-two-writers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
let script = '';
beforeAll(async () => {
  script = await bundleFixture('two-writers');
});

describe('promise 11: two windows on one draft, killed while both write, lose no acknowledged add or remove', () => {
  it('the checker finds a lost tick or row (so a pass means something)', () => {
    const sent = [
      { writer: 'A', seq: 0, path: 'working_languages', op: 'add' as const, value: 'english', acked: true },
      { writer: 'B', seq: 0, path: 'achievements', op: 'add' as const, value: 'B-0', acked: true },
      { writer: 'B', seq: 1, path: 'achievements', op: 'remove' as const, value: 'B-0', acked: false },
    ];
    expect(lostValues(sent, { choices: ['english'], rows: ['B-0'] })).toEqual([]);
    // The in-flight removal may have committed before the kill: either state is right.
    expect(lostValues(sent, { choices: ['english'], rows: [] })).toEqual([]);
    // A tick overwritten by the other writer's stale array is lost.
    expect(lostValues(sent, { choices: [], rows: ['B-0'] })).toEqual(['working_languages english (last acknowledged: add)']);
  });

  it('20 times: SIGKILL 50–300 ms into two writers ticking and adding rows on one draft; every acknowledged change is there', async () => {
    const runs = await killTwoWritersManyTimes(script, tempDir(), { iterations: 20, parallel: 2, minMs: 50, maxMs: 300 });
    expect(runs).toHaveLength(20);
    for (const run of runs) {
      expect(run.integrity, `kill after ${run.delayMs} ms`).toBe('ok');
      expect(run.lost, `kill after ${run.delayMs} ms`).toEqual([]);
    }
    expect(runs.every((r) => r.acked > 0)).toBe(true);
  }, 300_000);
});
