import fs from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_RECIPIENT } from '../../core/release/format.js';
import { compareVersions } from '../../main/services/questionnaires/versions.js';
import type { ReleaseContact, ReleaseRecipient, ReleaseText } from '../../core/release/manifest.js';
import { parseOpenSshPrivateKey } from '../../main/services/crypto/openssh-private-key.js';
import {
  DEVELOPMENT_CONTACT,
  DEVELOPMENT_RECIPIENT_LABEL,
  developmentNotes,
} from '../../main/services/releases/default-texts.js';
import { assembleRelease, createRelease, type CreatedRelease } from '../../main/services/releases/write-release.js';

/**
 * Releases for tests, signed with the development publisher (tests/fixtures/keys/) or a key a
 * test gives, through the same writer as `iscm release create`.
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const APP_QUESTIONNAIRES_DIR = path.join(ROOT, 'questionnaires');
export const APP_PUBLISHERS_FILE = path.join(APP_QUESTIONNAIRES_DIR, 'allowed_signers');
export const DEV_PUBLISHER = parseOpenSshPrivateKey(
  fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'keys', 'publisher-dev.key'), 'utf8'),
);

export interface ReleaseOptions {
  readonly recipients?: readonly ReleaseRecipient[];
  readonly contact?: ReleaseContact;
  readonly notes?: ReleaseText;
  readonly publishedAt?: string;
  /** PKCS#8 of the publisher's key; the development publisher by default. */
  readonly key?: Uint8Array;
}

const defaults = (version: string, options: ReleaseOptions) => ({
  recipients: options.recipients ?? [{ age: DEVELOPMENT_RECIPIENT, label: DEVELOPMENT_RECIPIENT_LABEL }],
  contact: options.contact ?? DEVELOPMENT_CONTACT,
  notes: options.notes ?? developmentNotes(version),
  publishedAt: options.publishedAt ?? '2026-11-27T12:00:00Z',
  privateKeyPkcs8: options.key ?? DEV_PUBLISHER.privateKeyPkcs8,
});

const bytesOf = (questionnaire: Buffer | string | object): Buffer =>
  Buffer.isBuffer(questionnaire)
    ? questionnaire
    : typeof questionnaire === 'string'
      ? fs.readFileSync(questionnaire)
      : Buffer.from(`${JSON.stringify(questionnaire, null, 2)}\n`);

const versionOf = (bytes: Buffer): string => {
  try {
    const v = (JSON.parse(bytes.toString('utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : '0.0.0';
  } catch {
    return '0.0.0';
  }
};

/** A release of a questionnaire (a file path, its bytes, or the parsed object). */
export async function makeRelease(
  questionnaire: Buffer | string | object,
  options: ReleaseOptions = {},
): Promise<CreatedRelease> {
  const bytes = bytesOf(questionnaire);
  return createRelease({ questionnaireBytes: bytes, ...defaults(versionOf(bytes), options) });
}

/** A release whose questionnaire is not checked first (to make files the reader must refuse). */
export async function makeUncheckedRelease(
  questionnaire: Buffer | string | object,
  ref: { id: string; version: string },
  options: ReleaseOptions = {},
): Promise<CreatedRelease> {
  return assembleRelease({ questionnaireBytes: bytesOf(questionnaire), ...defaults(ref.version, options), ...ref });
}

/** An app questionnaires folder: the app's trusted publishers and these releases as its bundled ones. */
export function writeAppFolder(dir: string, releases: readonly { name: string; bytes: Buffer }[]): string {
  fs.mkdirSync(path.join(dir, 'releases'), { recursive: true });
  if (!fs.existsSync(path.join(dir, 'allowed_signers')))
    fs.copyFileSync(APP_PUBLISHERS_FILE, path.join(dir, 'allowed_signers'));
  for (const r of releases) fs.writeFileSync(path.join(dir, 'releases', r.name), r.bytes);
  return dir;
}

/** The newest questionnaire the app carries, parsed: tests derive their "next version" from it. */
export function newestBundledQuestionnaire(id = 'iscm-assessment'): {
  file: string;
  json: Record<string, unknown> & { version: string };
} {
  const dir = path.join(APP_QUESTIONNAIRES_DIR, id);
  const versions = fs
    .readdirSync(dir)
    .filter((n) => /^\d+\.\d+\.\d+\.json$/.test(n))
    .map((n) => n.slice(0, -'.json'.length))
    .sort(compareVersions);
  const version = versions.at(-1);
  if (version === undefined) throw new Error(`no questionnaire in ${dir}`);
  const file = path.join(dir, `${version}.json`);
  return { file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { version: string } };
}

/** `1.0.0` → `1.0.1`. */
export const nextPatch = (version: string): string => {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${String(major)}.${String(minor)}.${String((patch ?? 0) + 1)}`;
};
