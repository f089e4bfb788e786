import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeSigner, type MadePackage } from './package-kit.js';

/** Any single bit flipped anywhere in a valid package is rejected by the whole pipeline and writes nothing. */
const DATA_TABLES = ['submissions', 'submission_attachments', 'signers', 'chains', 'respondents', 'held_packages', 'key_events'];
let iom: TestIom;
let pkg: MadePackage;
let original: Buffer;
let dir: string;

beforeAll(async () => {
  iom = testIom();
  dir = tempDir();
  pkg = await makePackage({ dir, signer: makeSigner(), attachments: [Buffer.from('%PDF-1.4 small attachment\n')] });
  original = fs.readFileSync(pkg.path);
});
afterAll(() => iom.service.close());

async function importFlipped(bit: number) {
  const flipped = Buffer.from(original);
  const byte = Math.floor(bit / 8);
  flipped[byte] = (flipped[byte] ?? 0) ^ (1 << bit % 8);
  const file = path.join(dir, `flip-${bit}.iscm`);
  fs.writeFileSync(file, flipped);
  const summary = await iom.service.importPaths([file]);
  fs.rmSync(file);
  return summary.outcomes[0];
}

function expectNothingWritten(): void {
  for (const table of DATA_TABLES) expect(iom.count(table)).toBe(0);
  expect(filesUnder(iom.service.dirs.temp)).toEqual([]);
  expect(filesUnder(iom.service.dirs.media)).toEqual([]);
}

describe('bit flips through the whole pipeline', () => {
  it('the untouched package would import (checked in a separate database)', async () => {
    const other = testIom();
    const summary = await other.service.importPaths([pkg.path]);
    expect(summary.outcomes[0]?.code).toBe('IMPORTED');
    other.service.close();
  });

  it('in each region: age header, header MAC, first payload chunk, last byte', async () => {
    const headerEnd = original.indexOf('\n---') + 1;
    const regions = [8, headerEnd + 10, headerEnd + 60, original.length - 1];
    for (const byte of regions) {
      const outcome = await importFlipped(byte * 8 + 3);
      expect(outcome, `byte ${byte}`).toMatchObject({ kind: 'rejected', code: 'DECRYPT_FAILED' });
    }
    expectNothingWritten();
  });

  it('anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length * 8 - 1 }), async (bit) => {
        const outcome = await importFlipped(bit);
        expect(outcome?.kind).toBe('rejected');
        expectNothingWritten();
      }),
      { numRuns: 60 },
    );
  });
});
