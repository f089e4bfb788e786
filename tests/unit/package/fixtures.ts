import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processTempDir } from '../../helpers/temp-dir.js';
import type { ManifestFields } from '../../../core/package/manifest.js';
import { parseIdentityFile } from '../../../main/services/crypto/age.js';
import { generateSigningKeyPair, type SigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import type { PackageAttachment, WrittenPackage } from '../../../main/services/package/write-package.js';
import { writePackage } from '../../../main/services/package/write-package.js';

/** Shared test fixtures: the development age identity, a signer, realistic fields and answers. */

const KEYS = path.join(import.meta.dirname, '..', '..', 'fixtures', 'keys');
export const DEV_IDENTITY_FILE = path.join(KEYS, 'iom-dev-identity.txt');
export const DEV_IDENTITY = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
export const DEV_RECIPIENT = fs.readFileSync(path.join(KEYS, 'iom-dev-recipient.txt'), 'utf8').trim();

/** A fresh folder, removed when the test process ends. */
export const tempDir = processTempDir;

export function makeSigner(comment = 'Amina Diallo'): SigningKeyPair {
  return generateSigningKeyPair(comment);
}

export const SUBMISSION_ID = '0b8f7c1e-4a2d-4c3b-9e5f-1a2b3c4d5e6f';

export function sampleFields(signer: SigningKeyPair, recipients: readonly string[] = [DEV_RECIPIENT]): ManifestFields {
  return {
    questionnaire: { id: 'iscm-assessment', version: '1.0.0' },
    submissionId: SUBMISSION_ID,
    rootId: SUBMISSION_ID,
    supersedes: null,
    revision: 1,
    mechanism: { value: 'mx-rcm', label: 'Regional Conference on Migration', kind: 'rcp' },
    respondent: {
      kind: 'secretariat',
      name: 'Amina Diallo',
      role: 'Coordinator',
      organisation: 'RCM Secretariat',
      email: 'amina@example.org',
      state: '',
    },
    signer: {
      name: 'Amina Diallo',
      title: 'Coordinator',
      organisation: 'RCM Secretariat',
      email: 'amina@example.org',
      publicKey: signer.publicKey,
      fingerprint: signer.fingerprint,
    },
    recipients: [...recipients],
    app: { name: 'ISCM Assessment', version: '0.1.0' },
    finalizedAt: '2026-11-27T10:00:00.000Z',
  };
}

/** About 100 answers of the kinds the questionnaire has: text, numbers, choices, repeat groups. */
export function sampleResponses(count = 100): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const id = `q${String(i).padStart(3, '0')}`;
    if (i % 10 === 0)
      answers[id] = [
        { rowId: `r${i}a`, name: 'Working group on return', year: 2024 },
        { rowId: `r${i}b`, name: 'Data exchange', year: 2025 },
      ];
    else if (i % 3 === 0) answers[id] = ['policy', 'capacity-building', 'data'];
    else if (i % 3 === 1) answers[id] = i * 7;
    else answers[id] = `Réponse détaillée ${i}: the mechanism coordinates with member states on migration governance.`;
  }
  return answers;
}

export function writeAttachment(dir: string, bytes: Buffer, name = 'attachment.bin'): PackageAttachment {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, bytes);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), filePath };
}

export interface SamplePackage extends WrittenPackage {
  readonly signer: SigningKeyPair;
  readonly dir: string;
}

export async function writeSamplePackage(
  options: { attachments?: Buffer[]; signer?: SigningKeyPair; recipients?: string[] } = {},
): Promise<SamplePackage> {
  const dir = tempDir();
  const signer = options.signer ?? makeSigner();
  const recipients = options.recipients ?? [DEV_RECIPIENT];
  const attachments = (options.attachments ?? [Buffer.from('%PDF-1.4 minutes of the plenary\n')]).map((bytes, i) =>
    writeAttachment(dir, bytes, `a${i}.bin`),
  );
  const written = await writePackage({
    manifestFields: sampleFields(signer, recipients),
    responses: sampleResponses(),
    attachments,
    signer: { privateKey: signer.privateKeyPkcs8 },
    recipients,
    outPath: path.join(dir, 'sample.iscm'),
  });
  return { ...written, signer, dir };
}
