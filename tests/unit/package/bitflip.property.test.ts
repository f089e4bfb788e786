import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { readPackage } from '../../../main/services/package/read-package.js';
import { DEV_IDENTITY, makeSigner, tempDir } from './fixtures.js';
import { seal, validParts, zipParts } from './hostile-kit.js';

/**
 * Any single bit flipped anywhere in a valid package is rejected: age authenticates every byte
 * of the file (header MAC, then each payload chunk), so a flip can never reach the ZIP parser.
 */

const signer = makeSigner();
const workParent = tempDir();

type Read = { ok: true; fingerprint: string } | { ok: false; code: string };

async function read(file: string): Promise<Read> {
  try {
    const r = await readPackage(file, { identity: DEV_IDENTITY, tempDir: workParent });
    const hash = createHash('sha256').update(r.manifestBytes).update(r.responsesBytes);
    for (const a of r.attachments) hash.update(fs.readFileSync(a.path));
    await r.cleanup();
    return { ok: true, fingerprint: hash.digest('hex') };
  } catch (error) {
    if (error instanceof PackageVerifyError) return { ok: false, code: error.code };
    throw error;
  }
}

function flipped(bytes: Buffer, bit: number): string {
  const copy = Buffer.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  const file = path.join(tempDir(), 'flipped.iscm');
  fs.writeFileSync(file, copy);
  return file;
}

describe('bit flips', () => {
  it('rejects a package with any single bit flipped (200 random bits)', async () => {
    const original = fs.readFileSync(await seal(await zipParts(validParts(signer))));
    const untouched = path.join(tempDir(), 'untouched.iscm');
    fs.writeFileSync(untouched, original);
    expect((await read(untouched)).ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: original.length * 8 - 1 }), async (bit) => {
        const result = await read(flipped(original, bit));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(fs.readdirSync(workParent)).toEqual([]);
  });

  it('rejects a flip of the two low bits of every byte of the age header (base64 padding bits included)', async () => {
    const original = fs.readFileSync(await seal(await zipParts(validParts(signer))));
    const headerEnd = original.indexOf('\n---') + 1;
    const macLineEnd = original.indexOf('\n', headerEnd) + 1;
    for (let byte = 0; byte < macLineEnd + 16; byte++) {
      for (const bit of [byte * 8, byte * 8 + 1]) {
        const result = await read(flipped(original, bit));
        if (result.ok) throw new Error(`bit ${bit} flipped was accepted`);
      }
    }
  });

  it('inside the ZIP, a flip is rejected or changes nothing that is read (200 random bits)', async () => {
    const zip = await zipParts(validParts(signer));
    const baseline = await read(await seal(zip));
    if (!baseline.ok) throw new Error('baseline rejected');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: zip.length * 8 - 1 }), async (bit) => {
        const copy = Buffer.from(zip);
        copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        const result = await read(await seal(copy));
        // Bytes nobody reads (timestamps, "version made by") may change; content never may.
        if (result.ok) expect(result.fingerprint).toBe(baseline.fingerprint);
      }),
      { numRuns: 200 },
    );
  });
});
