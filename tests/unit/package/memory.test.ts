import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';

/**
 * A memory bound, not a timing: exporting a 200 MB attachment must grow the exporting process's
 * peak RSS by less than 100 MB; reading the package back is held to the same bound. Each step
 * runs in a fresh child process so the test runner's own heap does not blur the figure.
 */

interface Figures {
  readonly sampledGrowth: number;
  readonly hwmGrowth: number;
  readonly size: number;
}

const LIMIT = 100 * 1024 * 1024;
const child = path.join(import.meta.dirname, 'memory-child.ts');

function runChild(args: string[]): Figures {
  const output = execFileSync(process.execPath, ['--import', 'tsx', child, ...args], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Figures;
}

const mb = (n: number): string => (n / 1e6).toFixed(1);

describe('package memory', () => {
  it('exports, then reads back, a 200 MB attachment with peak RSS growth under 100 MB each', () => {
    const dir = tempDir();
    try {
      const exported = runChild(['export', dir, '200']);
      const read = runChild(['read', dir]);
      console.log(
        `peak RSS growth, 200 MB attachment: export ${mb(exported.sampledGrowth)} MB (VmHWM ${mb(exported.hwmGrowth)}), read ${mb(read.sampledGrowth)} MB (VmHWM ${mb(read.hwmGrowth)})`,
      );
      expect(exported.size).toBeGreaterThan(200 * 1024 * 1024);
      expect(read.size).toBe(200 * 1024 * 1024);
      for (const figure of [exported.sampledGrowth, exported.hwmGrowth, read.sampledGrowth, read.hwmGrowth]) {
        expect(figure).toBeLessThan(LIMIT);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
