import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import type { PackageLimits } from '../../../core/package/format.js';
import { buildManifest, type ManifestEntry } from '../../../core/package/manifest.js';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { encryptBytes } from '../../../main/services/crypto/age.js';
import type { SigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { signSshSig } from '../../../main/services/crypto/sshsig.js';
import { readPackage } from '../../../main/services/package/read-package.js';
import { DEV_IDENTITY, DEV_RECIPIENT, sampleFields, sampleResponses, tempDir } from './fixtures.js';

/** Building blocks for hostile packages: raw ZIP parts, byte patches, sealing, and the outcome. */

export interface Part {
  readonly name: string;
  readonly data: Buffer;
  readonly mode?: number;
  readonly level?: number;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export async function zipParts(parts: readonly Part[], directories: readonly string[] = []): Promise<Buffer> {
  const zip = new ZipFile();
  for (const p of parts)
    zip.addBuffer(p.data, p.name, {
      compressionLevel: p.level ?? 6,
      ...(p.mode === undefined ? {} : { mode: p.mode }),
    });
  for (const d of directories) zip.addEmptyDirectory(d);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const RESPONSES = Buffer.from(canonicalJsonBytes(sampleResponses(5)));
export const ATTACHMENT = Buffer.from('%PDF-1.4 a small attachment\n');
export const ATTACHMENT_NAME = `attachments/${sha256(ATTACHMENT)}`;

export function entryFor(name: string, data: Buffer, size = data.length): ManifestEntry {
  return { path: name, size, sha256: sha256(data) };
}

export interface ManifestOptions {
  readonly entries?: readonly ManifestEntry[];
  /** Edits the canonical manifest text before signing (e.g. to add a hostile key). */
  readonly editText?: (text: string) => string;
  readonly namespace?: string;
  readonly signWith?: SigningKeyPair;
}

/** manifest.json and manifest.json.sig as parts, signed (by default) correctly. */
export function manifestParts(signer: SigningKeyPair, options: ManifestOptions = {}): Part[] {
  const entries = options.entries ?? [entryFor('responses.json', RESPONSES), entryFor(ATTACHMENT_NAME, ATTACHMENT)];
  const manifest = buildManifest(sampleFields(signer), entries);
  let text = new TextDecoder().decode(canonicalJsonBytes(manifest));
  if (options.editText) text = options.editText(text);
  const bytes = Buffer.from(text, 'utf8');
  const signature = signSshSig(
    bytes,
    (options.signWith ?? signer).privateKeyPkcs8,
    options.namespace ?? 'iscm-submission',
  );
  return [
    { name: 'manifest.json', data: bytes },
    { name: 'manifest.json.sig', data: Buffer.from(signature) },
  ];
}

/** The parts of a valid package. */
export function validParts(signer: SigningKeyPair, options: ManifestOptions = {}): Part[] {
  return [
    ...manifestParts(signer, options),
    { name: 'responses.json', data: RESPONSES },
    { name: ATTACHMENT_NAME, data: ATTACHMENT },
  ];
}

export async function seal(zip: Buffer, recipient = DEV_RECIPIENT): Promise<string> {
  const file = path.join(tempDir(), 'hostile.iscm');
  fs.writeFileSync(file, await encryptBytes(zip, [recipient]));
  return file;
}

export interface Outcome {
  readonly code: string;
  readonly reason?: string;
  readonly leftovers: number;
}

/** Reads the package; reports the code, and how many files the reader left in its temp folder. */
export async function outcome(file: string, limits: Partial<PackageLimits> = {}): Promise<Outcome> {
  const workParent = tempDir();
  try {
    const result = await readPackage(file, { identity: DEV_IDENTITY, limits, tempDir: workParent });
    await result.cleanup();
    return { code: 'OK', leftovers: fs.readdirSync(workParent).length };
  } catch (error) {
    if (!(error instanceof PackageVerifyError)) throw error;
    const leftovers = fs.readdirSync(workParent).length;
    return error.reason === undefined
      ? { code: error.code, leftovers }
      : { code: error.code, reason: error.reason, leftovers };
  }
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Offsets of the central-directory record and the local header of `name`. */
export function locate(zip: Buffer, name: string): { central: number; local: number } {
  const wanted = Buffer.from(name, 'utf8');
  for (let i = zip.length - 46; i >= 0; i--) {
    if (zip.readUInt32LE(i) !== CENTRAL) continue;
    const nameLength = zip.readUInt16LE(i + 28);
    if (zip.subarray(i + 46, i + 46 + nameLength).equals(wanted))
      return { central: i, local: zip.readUInt32LE(i + 42) };
  }
  throw new Error(`no entry ${name}`);
}

/** Renames an entry in its local header and central record (same byte length). */
export function rename(zip: Buffer, from: string, to: string, where: 'both' | 'local' = 'both'): Buffer {
  const out = Buffer.from(zip);
  const target = Buffer.from(to, 'utf8');
  if (target.length !== Buffer.byteLength(from)) throw new Error('rename keeps the length');
  const { central, local } = locate(out, from);
  if (out.readUInt32LE(local) !== LOCAL) throw new Error('no local header');
  target.copy(out, local + 30);
  if (where === 'both') target.copy(out, central + 46);
  return out;
}

/** Sets a 32-bit field of an entry's central record: 16 CRC, 20 compressed, 24 uncompressed size, 42 local offset. */
export function patchCentral(zip: Buffer, name: string, field: 16 | 20 | 24 | 42, value: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt32LE(value, locate(out, name).central + field);
  return out;
}
