import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentRef } from '../../../core/answers/value.js';
import type { ManifestFields } from '../../../core/package/manifest.js';
import { generateSigningKeyPair, type SigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { writePackage, type WrittenPackage } from '../../../main/services/package/write-package.js';
import { FORM_ID, FORM_VERSION, institutionOf, makeResponses, mechanismAt } from './response-kit.js';

/** Real packages (writePackage, real questionnaire answers, real crypto) for the import tests and the benchmark. */

const KEYS = path.join(import.meta.dirname, '..', '..', 'fixtures', 'keys');
export const DEV_IDENTITY_FILE = path.join(KEYS, 'iom-dev-identity.txt');
export const DEV_RECIPIENT = fs.readFileSync(path.join(KEYS, 'iom-dev-recipient.txt'), 'utf8').trim();

export const makeSigner = (name = 'Amina Diallo'): SigningKeyPair => generateSigningKeyPair(name);

export interface PackageSpec {
  readonly dir: string;
  readonly signer: SigningKeyPair;
  readonly mechanismIndex?: number;
  /** An "Other" mechanism, by its written name (instead of `mechanismIndex`). */
  readonly otherMechanism?: string;
  readonly respondentKind?: 'secretariat' | 'state' | 'organisation';
  /** The State of a State respondent (default Ghana). */
  readonly stateName?: string;
  /** The organisation (`respondent_institution`); by default one per kind. */
  readonly institution?: string;
  /** 1: a package as an application before format 2 wrote it (no `respondent.state`). */
  readonly formatVersion?: 1 | 2;
  readonly signerName?: string;
  readonly submissionId?: string;
  readonly rootId?: string;
  readonly supersedes?: string | null;
  readonly revision?: number;
  readonly note?: string;
  /** Contents of files attached to the `latest_report` question. */
  readonly attachments?: readonly Buffer[];
  /** The names the answers give those files (default `report-<i>.pdf`). */
  readonly attachmentNames?: readonly string[];
  readonly fileName?: string;
  readonly questionnaireVersion?: string;
  readonly responses?: unknown;
  readonly recipients?: readonly string[];
}

export interface MadePackage extends WrittenPackage {
  readonly submissionId: string;
  readonly rootId: string;
}

export async function makePackage(spec: PackageSpec): Promise<MadePackage> {
  const submissionId = spec.submissionId ?? randomUUID();
  const revision = spec.revision ?? 1;
  const rootId = spec.rootId ?? submissionId;
  const mechanism =
    spec.otherMechanism === undefined ? mechanismAt(spec.mechanismIndex ?? 0) : { value: 'other', label: spec.otherMechanism, kind: 'rcp' };
  const kind = spec.respondentKind ?? 'secretariat';
  const stateName = spec.stateName ?? 'Ghana';
  const institution = institutionOf({ respondentKind: kind, institution: spec.institution });
  const signerName = spec.signerName ?? 'Amina Diallo';
  const files = (spec.attachments ?? []).map((bytes, i) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const filePath = path.join(spec.dir, `att-${sha256.slice(0, 16)}-${i}.pdf`);
    fs.writeFileSync(filePath, bytes);
    const ref: AttachmentRef = { sha256, name: spec.attachmentNames?.[i] ?? `report-${i}.pdf`, size: bytes.length, mediaType: 'application/pdf' };
    return { ref, file: { sha256, filePath } };
  });
  const responses =
    spec.responses ??
    makeResponses({
      mechanism: mechanism.value,
      ...(spec.otherMechanism === undefined ? {} : { mechanismOther: spec.otherMechanism }),
      respondentKind: kind,
      stateName,
      institution,
      attachments: files.map((f) => f.ref),
      note: spec.note ?? `r${revision}`,
    });
  const fields: ManifestFields = {
    questionnaire: { id: FORM_ID, version: spec.questionnaireVersion ?? FORM_VERSION },
    submissionId,
    rootId,
    supersedes: spec.supersedes ?? null,
    revision,
    mechanism: { value: mechanism.value, label: mechanism.label, kind: mechanism.kind },
    respondent: {
      kind,
      name: signerName,
      role: 'Coordinator',
      organisation: institution,
      email: 'amina.diallo@example.org',
      ...(spec.formatVersion === 1 ? {} : { state: kind === 'state' ? stateName : '' }),
    },
    signer: {
      name: signerName,
      title: 'Coordinator',
      organisation: institution,
      email: 'amina.diallo@example.org',
      publicKey: spec.signer.publicKey,
      fingerprint: spec.signer.fingerprint,
    },
    recipients: [...(spec.recipients ?? [DEV_RECIPIENT])],
    app: { name: 'ISCM Assessment', version: '0.1.0' },
    finalizedAt: `2026-11-${String(10 + revision).padStart(2, '0')}T10:00:00.000Z`,
  };
  const written = await writePackage({
    manifestFields: fields,
    responses,
    attachments: files.map((f) => f.file),
    signer: { privateKey: spec.signer.privateKeyPkcs8 },
    recipients: fields.recipients,
    outPath: path.join(spec.dir, spec.fileName ?? `${mechanism.value}-r${revision}-${submissionId.slice(0, 8)}.iscm`),
  });
  return { ...written, submissionId, rootId };
}

/** Revision 1 and its amendment (revision 2) of one submission. */
export async function makeRevisions(dir: string, signer: SigningKeyPair, mechanismIndex = 0): Promise<[MadePackage, MadePackage]> {
  const r1 = await makePackage({ dir, signer, mechanismIndex, note: 'first' });
  const r2 = await makePackage({ dir, signer, mechanismIndex, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'amended' });
  return [r1, r2];
}
