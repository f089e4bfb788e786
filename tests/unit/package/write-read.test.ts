import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import { writePackage } from '../../../main/services/package/write-package.js';
import { readPackage } from '../../../main/services/package/read-package.js';
import {
  DEV_IDENTITY,
  DEV_RECIPIENT,
  makeSigner,
  sampleFields,
  sampleResponses,
  tempDir,
  writeAttachment,
  writeSamplePackage,
} from './fixtures.js';

describe('writePackage and readPackage', () => {
  it('round-trips a package with attachments', async () => {
    const big = Buffer.alloc(300_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    const written = await writeSamplePackage({ attachments: [Buffer.from('first'), big] });
    expect(fs.existsSync(written.path)).toBe(true);
    expect(fs.readdirSync(written.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const read = await readPackage(written.path, { identity: DEV_IDENTITY });
    try {
      expect(read.manifest).toEqual(written.manifest);
      expect(Buffer.from(read.manifestBytes)).toEqual(Buffer.from(written.manifestBytes));
      expect(read.responses).toEqual(sampleResponses());
      expect(read.attachments).toHaveLength(2);
      for (const a of read.attachments) expect(path.dirname(a.path)).toBe(read.workDir);
      const bigRead = read.attachments.find((a) => a.size === big.length);
      expect(bigRead && fs.readFileSync(bigRead.path)).toEqual(big);
      expect(read.packageSha256).toBe(written.sha256);
      expect(read.packageSize).toBe(written.size);
    } finally {
      await read.cleanup();
    }
    expect(fs.existsSync(read.workDir)).toBe(false);
  });

  it('round-trips an empty attachment and stores an attachment given twice once', async () => {
    const written = await writeSamplePackage({
      attachments: [Buffer.alloc(0), Buffer.from('same'), Buffer.from('same')],
    });
    expect(written.manifest.entries).toHaveLength(3);
    const read = await readPackage(written.path, { identity: DEV_IDENTITY });
    expect(read.attachments.map((a) => a.size).sort()).toEqual([0, 4]);
    await read.cleanup();
  });

  it('lists entries sorted by path, with the manifest and signature outside the list', async () => {
    const written = await writeSamplePackage({ attachments: [Buffer.from('b'), Buffer.from('a')] });
    const paths = written.manifest.entries.map((e) => e.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('responses.json');
    expect(paths).not.toContain('manifest.json');
    expect(written.manifest.format).toBe('iscm-submission');
    expect(written.manifest.formatVersion).toBe(2);
  });

  it('writes format 2 with respondent.state, and format 1 for a revision frozen before format 2; reads both', async () => {
    const signer = makeSigner();
    const dir = tempDir();
    const current = sampleFields(signer);
    const { state: _dropped, ...olderRespondent } = current.respondent;
    const write = (fields: typeof current, name: string) =>
      writePackage({
        manifestFields: fields,
        responses: sampleResponses(),
        attachments: [],
        signer: { privateKey: signer.privateKeyPkcs8 },
        recipients: [DEV_RECIPIENT],
        outPath: path.join(dir, name),
      });
    const two = await write({ ...current, respondent: { ...current.respondent, kind: 'state', state: 'Côte d’Ivoire' } }, 'two.iscm');
    const one = await write({ ...current, respondent: olderRespondent }, 'one.iscm');
    expect(two.manifest).toMatchObject({ formatVersion: 2, respondent: { state: 'Côte d’Ivoire' } });
    expect(one.manifest.formatVersion).toBe(1);
    expect(one.manifest.respondent).not.toHaveProperty('state');
    for (const written of [one, two]) {
      const read = await readPackage(written.path, { identity: DEV_IDENTITY });
      expect(read.manifest).toEqual(written.manifest);
      await read.cleanup();
    }
  });

  it('makes the same manifest bytes for the same revision', async () => {
    const signer = makeSigner();
    const a = await writeSamplePackage({ signer });
    const b = await writeSamplePackage({ signer });
    expect(Buffer.from(a.manifestBytes)).toEqual(Buffer.from(b.manifestBytes));
    expect(Buffer.from(a.manifestBytes)).toEqual(Buffer.from(canonicalJsonBytes(a.manifest)));
  });

  it('reports progress up to the total', async () => {
    const dir = tempDir();
    const signer = makeSigner();
    const seen: number[] = [];
    await writePackage({
      manifestFields: sampleFields(signer),
      responses: {},
      attachments: [writeAttachment(dir, Buffer.alloc(200_000, 3))],
      signer: { privateKey: signer.privateKeyPkcs8 },
      recipients: [DEV_RECIPIENT],
      outPath: path.join(dir, 'p.iscm'),
      onProgress: (p) => seen.push(p.bytesDone / p.bytesTotal),
    });
    expect(seen.at(-1)).toBe(1);
  });

  it('stores an attachment uncompressed when it compresses beyond the readers’ ratio limit', async () => {
    const written = await writeSamplePackage({ attachments: [Buffer.alloc(5_000_000)] });
    const read = await readPackage(written.path, { identity: DEV_IDENTITY });
    expect(read.attachments[0]?.size).toBe(5_000_000);
    await read.cleanup();
  });

  async function failure(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
      return 'none';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  }

  it('fails without a file when an attachment does not match its hash', async () => {
    const dir = tempDir();
    const signer = makeSigner();
    const attachment = writeAttachment(dir, Buffer.alloc(500_000, 1));
    fs.writeFileSync(attachment.filePath, Buffer.alloc(500_000, 2));
    const outPath = path.join(dir, 'p.iscm');
    const code = await failure(() =>
      writePackage({
        manifestFields: sampleFields(signer),
        responses: {},
        attachments: [attachment],
        signer: { privateKey: signer.privateKeyPkcs8 },
        recipients: [DEV_RECIPIENT],
        outPath,
      }),
    );
    expect(code).toBe('BAD_FILE');
    expect(fs.readdirSync(dir).sort()).toEqual(['attachment.bin']);
  });

  it('is cancelled by its AbortSignal without leaving a file', async () => {
    const dir = tempDir();
    const signer = makeSigner();
    const controller = new AbortController();
    const outPath = path.join(dir, 'p.iscm');
    const code = await failure(() =>
      writePackage({
        manifestFields: sampleFields(signer),
        responses: {},
        attachments: [writeAttachment(dir, Buffer.alloc(20_000_000, 5))],
        signer: { privateKey: signer.privateKeyPkcs8 },
        recipients: [DEV_RECIPIENT],
        outPath,
        onProgress: (p) => {
          if (p.bytesDone > 1_000_000) controller.abort();
        },
        signal: controller.signal,
      }),
    );
    expect(code).toBe('CANCELLED');
    expect(fs.readdirSync(dir)).toEqual(['attachment.bin']);
  });

  it('removes the temp file a killed export of the same target left, and nothing else', async () => {
    const dir = tempDir();
    const signer = makeSigner();
    const outPath = path.join(dir, 'Bali Process 2026 (r1).iscm');
    const leftover = '.Bali Process 2026 (r1).iscm.0a1b2c3d4e5f.tmp';
    const kept = ['.Bali Process 2026 (r1).iscm.notours.tmp', '.Other.iscm.0a1b2c3d4e5f.tmp', 'notes.txt'];
    for (const name of [leftover, ...kept]) fs.writeFileSync(path.join(dir, name), 'partial');
    await writePackage({
      manifestFields: sampleFields(signer),
      responses: sampleResponses(),
      attachments: [],
      signer: { privateKey: signer.privateKeyPkcs8 },
      recipients: [DEV_RECIPIENT],
      outPath,
    });
    expect(fs.readdirSync(dir).sort()).toEqual([...kept, path.basename(outPath)].sort());
  });

  it('refuses a signing key that is not the one the manifest names', async () => {
    const signer = makeSigner();
    const other = makeSigner();
    const dir = tempDir();
    const code = await failure(() =>
      writePackage({
        manifestFields: sampleFields(signer),
        responses: {},
        attachments: [],
        signer: { privateKey: other.privateKeyPkcs8 },
        recipients: [DEV_RECIPIENT],
        outPath: path.join(dir, 'p.iscm'),
      }),
    );
    expect(code).toBe('INVALID_INPUT');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
