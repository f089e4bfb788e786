// Package export: a realistic small submission (~100 answers, no attachments) and one with 50 MB of
// attachments, against `sha256sum` + `gzip -1` of the same files measured in the same run.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePackage, type PackageAttachment } from '../main/services/package/write-package.js';
import { generateSigningKeyPair } from '../main/services/crypto/ssh-key.js';
import { DEV_RECIPIENT, sampleFields, sampleResponses } from '../tests/unit/package/fixtures.js';
import { median, percentile, type BenchResult } from './result.js';

const SMALL_RUNS = 30;
const LARGE_RUNS = 5;
const MB = 1024 * 1024;

/** Five 10 MB files: four incompressible (like PDFs and photos), one of text. */
function makeAttachments(dir: string): PackageAttachment[] {
  const out: PackageAttachment[] = [];
  for (let i = 0; i < 5; i++) {
    const bytes =
      i < 4
        ? randomBytes(10 * MB)
        : Buffer.from(
            Array.from(
              { length: 200_000 },
              (_, n) => `Row ${n}; mechanism ${n % 37}; meeting notes and actions agreed.\n`,
            ).join(''),
          ).subarray(0, 10 * MB);
    const filePath = path.join(dir, `attachment-${i}.bin`);
    fs.writeFileSync(filePath, bytes);
    out.push({ sha256: createHash('sha256').update(bytes).digest('hex'), filePath });
  }
  return out;
}

async function timeExport(
  dir: string,
  attachments: PackageAttachment[],
  runs: number,
): Promise<{ ms: number[]; size: number }> {
  const signer = generateSigningKeyPair('Bench Signer');
  const ms: number[] = [];
  let size = 0;
  for (let i = 0; i < runs + 1; i++) {
    const outPath = path.join(dir, `bench-${i}.iscm`);
    const started = performance.now();
    const written = await writePackage({
      manifestFields: sampleFields(signer),
      responses: sampleResponses(100),
      attachments,
      signer: { privateKey: signer.privateKeyPkcs8 },
      recipients: [DEV_RECIPIENT],
      outPath,
    });
    if (i > 0) ms.push(performance.now() - started); // the first run warms up
    size = written.size;
    fs.rmSync(outPath);
  }
  return { ms, size };
}

function timeBaseline(files: readonly string[], runs: number): number[] {
  const script = 'sha256sum "$@" > /dev/null && gzip -1 -c "$@" > /dev/null';
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync('sh', ['-c', script, 'baseline', ...files]);
    ms.push(performance.now() - started);
  }
  return ms;
}

export async function runPackageBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-bench-'));
  try {
    const small = await timeExport(dir, [], SMALL_RUNS);
    const attachments = makeAttachments(dir);
    const large = await timeExport(dir, attachments, LARGE_RUNS);
    const baseline = timeBaseline(
      attachments.map((a) => a.filePath),
      LARGE_RUNS,
    );
    const baselineMedian = median(baseline);
    const largeMedian = median(large.ms);
    return [
      {
        name: 'export, ~100 answers, no attachments: time',
        unit: 'ms',
        median: median(small.ms),
        p95: percentile(small.ms, 95),
        runs: SMALL_RUNS,
        target: 200,
      },
      {
        name: 'export, ~100 answers, no attachments: size',
        unit: 'bytes',
        median: small.size,
        runs: SMALL_RUNS,
        target: 32 * 1024,
      },
      {
        name: 'export, 50 MB of attachments: time',
        unit: 'ms',
        median: largeMedian,
        p95: percentile(large.ms, 95),
        runs: LARGE_RUNS,
        target: 2 * baselineMedian,
        baseline: { name: 'sha256sum + gzip -1', median: baselineMedian },
      },
      {
        name: 'export, 50 MB of attachments: throughput',
        unit: 'MB/s',
        median: 50 / (largeMedian / 1000),
        runs: LARGE_RUNS,
        higherIsBetter: true,
      },
      { name: 'export, 50 MB of attachments: size', unit: 'bytes', median: large.size, runs: LARGE_RUNS },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
