import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readPackage } from '../../../main/services/package/read-package.js';
import { writePackage } from '../../../main/services/package/write-package.js';
import { DEV_IDENTITY, DEV_RECIPIENT, makeSigner, sampleFields, sampleResponses } from './fixtures.js';

/**
 * Run in its own process by memory.test.ts. `export DIR MB`: writes an MB-sized attachment and
 * exports it; `read DIR`: reads DIR/large.iscm back. Each warms up first, then prints the peak
 * RSS growth of the measured step, sampled every 5 ms and from the kernel's VmHWM.
 */

const [mode = 'export', dir = '', megabytes = '200'] = process.argv.slice(2);

function vmHwmBytes(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

async function measure(step: () => Promise<number>): Promise<void> {
  const baseline = process.memoryUsage().rss;
  const hwmBefore = vmHwmBytes();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const size = await step();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const hwmGrowth = Math.max(0, vmHwmBytes() - Math.max(hwmBefore, baseline));
  process.stdout.write(`${JSON.stringify({ sampledGrowth: peak - baseline, hwmGrowth, size })}\n`);
}

const signer = makeSigner();
const input = {
  manifestFields: sampleFields(signer),
  responses: sampleResponses(),
  signer: { privateKey: signer.privateKeyPkcs8 },
  recipients: [DEV_RECIPIENT],
};
// Warm-up (module loading, JIT): a small export, and a read of it.
const warm = await writePackage({ ...input, attachments: [], outPath: path.join(dir, `warm-${mode}.iscm`) });
await (await readPackage(warm.path, { identity: DEV_IDENTITY, tempDir: dir })).cleanup();

if (mode === 'export') {
  const attachmentPath = path.join(dir, 'large.bin');
  const hash = createHash('sha256');
  const block = randomBytes(1024 * 1024);
  const fd = fs.openSync(attachmentPath, 'w');
  for (let i = 0; i < Number(megabytes); i++) {
    block[0] = i & 0xff; // every megabyte differs, and none compresses
    fs.writeSync(fd, block);
    hash.update(block);
  }
  fs.closeSync(fd);
  const attachments = [{ sha256: hash.digest('hex'), filePath: attachmentPath }];
  await measure(
    async () => (await writePackage({ ...input, attachments, outPath: path.join(dir, 'large.iscm') })).size,
  );
} else {
  await measure(async () => {
    const read = await readPackage(path.join(dir, 'large.iscm'), { identity: DEV_IDENTITY, tempDir: dir });
    const size = read.attachments[0]?.size ?? 0;
    await read.cleanup();
    return size;
  });
}
