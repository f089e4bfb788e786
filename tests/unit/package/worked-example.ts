import { createHash } from 'node:crypto';
import { canonicalJsonText } from '../../../core/package/canonical-json.js';
import { buildManifest, type ManifestFields } from '../../../core/package/manifest.js';
import { publicKeyLineFromPrivate, fingerprintOf } from '../../../main/services/crypto/ssh-key.js';
import { signSshSig } from '../../../main/services/crypto/sshsig.js';

/**
 * The worked example of docs/package-format.md, from fixed inputs: a key derived from a fixed
 * seed (Ed25519 signatures are deterministic), fixed answers and one attachment. A test checks
 * that the document shows exactly these bytes.
 */

// PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const seed = createHash('sha256').update('iscm worked example').digest();
export const EXAMPLE_PRIVATE_KEY = new Uint8Array(Buffer.concat([PKCS8_PREFIX, seed]));
export const EXAMPLE_RECIPIENT = 'age15jm5x0cd3z9xhxu3g63ttvt5pgq9z6veyuj2g85sev8t595lw93sctvwqs';
export const EXAMPLE_ATTACHMENT = Buffer.from('Minutes of the 2026 plenary\n');
export const EXAMPLE_RESPONSES = {
  mechanism_name: 'Regional Conference on Migration',
  established_year: 1996,
  thematic_areas: ['labour-migration', 'return'],
  working_groups: [{ rowId: 'r1', name: 'Consular protection', meets_per_year: 2 }],
  minutes: `sha256:${createHash('sha256').update(EXAMPLE_ATTACHMENT).digest('hex')}`,
};

export function workedExample(): {
  manifest: string;
  signature: string;
  responses: string;
  publicKey: string;
  fingerprint: string;
} {
  const publicKey = publicKeyLineFromPrivate(EXAMPLE_PRIVATE_KEY, 'Amina Diallo');
  const fingerprint = fingerprintOf(publicKey);
  const fields: ManifestFields = {
    questionnaire: { id: 'iscm-assessment', version: '1.0.0' },
    submissionId: '6f1c2b9e-8a47-4d2e-9b1a-3c5d7e9f0a12',
    rootId: '6f1c2b9e-8a47-4d2e-9b1a-3c5d7e9f0a12',
    supersedes: null,
    revision: 1,
    mechanism: { value: 'rcm', label: 'Regional Conference on Migration', kind: 'rcp' },
    respondent: {
      kind: 'secretariat',
      name: 'Amina Diallo',
      role: 'Coordinator',
      organisation: 'RCM Technical Secretariat',
      email: 'amina@example.org',
      state: '',
    },
    signer: {
      name: 'Amina Diallo',
      title: 'Coordinator',
      organisation: 'RCM Technical Secretariat',
      email: 'amina@example.org',
      publicKey,
      fingerprint,
    },
    recipients: [EXAMPLE_RECIPIENT],
    app: { name: 'ISCM Assessment', version: '0.1.0' },
    finalizedAt: '2026-11-27T10:00:00.000Z',
  };
  const responses = canonicalJsonText(EXAMPLE_RESPONSES);
  const responsesBytes = Buffer.from(responses, 'utf8');
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
  const manifest = canonicalJsonText(
    buildManifest(fields, [
      { path: 'responses.json', size: responsesBytes.length, sha256: sha(responsesBytes) },
      {
        path: `attachments/${sha(EXAMPLE_ATTACHMENT)}`,
        size: EXAMPLE_ATTACHMENT.length,
        sha256: sha(EXAMPLE_ATTACHMENT),
      },
    ]),
  );
  return {
    manifest,
    signature: signSshSig(Buffer.from(manifest, 'utf8'), EXAMPLE_PRIVATE_KEY),
    responses,
    publicKey,
    fingerprint,
  };
}
