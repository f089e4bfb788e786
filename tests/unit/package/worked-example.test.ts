import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySshSig } from '../../../main/services/crypto/sshsig.js';
import { workedExample } from './worked-example.js';

const doc = fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'package-format.md'), 'utf8');

describe('docs/package-format.md worked example', () => {
  const example = workedExample();
  it('shows exactly the bytes the code produces', () => {
    expect(doc).toContain(`\`\`\`json\n${example.responses}\`\`\``);
    expect(doc).toContain(`\`\`\`json\n${example.manifest}\`\`\``);
    expect(doc).toContain(`\`\`\`text\n${example.signature}\`\`\``);
    expect(doc).toContain(example.fingerprint);
  });
  it('has a signature that verifies', () => {
    expect(() => verifySshSig(Buffer.from(example.manifest), example.signature, example.publicKey)).not.toThrow();
  });
  it('states format version 2', () => {
    expect(doc).toMatch(/^# .*format 2$/m);
    expect(doc).toContain('"formatVersion": 2');
  });
});
