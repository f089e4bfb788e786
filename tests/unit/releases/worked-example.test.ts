import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASE_REFUSAL_CODES } from '../../../core/release/refusals.js';
import { parseAllowedSigners } from '../../../main/services/crypto/allowed-signers.js';
import { verifySshSig } from '../../../main/services/crypto/sshsig.js';
import { verifyRelease } from '../../../main/services/releases/verify-release.js';
import { zipRelease } from '../../../main/services/releases/write-release.js';
import { releaseWorkedExample } from './worked-example.js';

const doc = fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'release-format.md'), 'utf8');

describe('docs/release-format.md', () => {
  const example = releaseWorkedExample();
  it('shows exactly the bytes the code produces', () => {
    expect(doc).toContain(`\`\`\`json\n${example.questionnaire}\`\`\``);
    expect(doc).toContain(`\`\`\`json\n${example.manifest}\`\`\``);
    expect(doc).toContain(`\`\`\`text\n${example.signature}\`\`\``);
    expect(doc).toContain(`\`\`\`text\n${example.allowedSigners}\n\`\`\``);
    expect(doc).toContain(example.fingerprint);
    expect(doc).toContain(`SHA-256 \`${example.sha256}\``);
  });

  it('has a signature that verifies, and a release made of these bytes is accepted with that allowed_signers line', async () => {
    expect(() => verifySshSig(Buffer.from(example.manifest), example.signature, example.publicKey, 'iscm-questionnaire')).not.toThrow();
    const bytes = await zipRelease(
      [
        ['release.json', Buffer.from(example.manifest)],
        ['release.json.sig', Buffer.from(example.signature)],
        ['questionnaire.json', Buffer.from(example.questionnaire)],
      ],
      '2027-01-15T09:00:00Z',
    );
    const verified = await verifyRelease(bytes, parseAllowedSigners(example.allowedSigners));
    expect(verified.publisher.principal).toBe('iom-questionnaires');
  });

  it('states format 1 and names every refusal code', () => {
    expect(doc).toMatch(/^# .*format 1$/m);
    expect(doc).toContain('"formatVersion": 1');
    for (const code of RELEASE_REFUSAL_CODES) expect(doc).toContain(code);
  });
});
