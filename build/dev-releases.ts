// `npm run releases:dev`: the development releases the app carries in this tree
// (questionnaires/releases/<id>-<version>.iscmq), one per questionnaire file, signed with the
// public development publisher key and sealed to the development recipient. The same inputs
// always give the same bytes, so a unit test can check that each is up to date.
// A build for release replaces them with IOM's own (`iscm release create`); `npm run dist`
// refuses to package these (build/release-build-check.ts).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEVELOPMENT_RECIPIENT, RELEASE_EXTENSION } from '../core/release/format.js';
import { parseOpenSshPrivateKey } from '../main/services/crypto/openssh-private-key.js';
import {
  DEVELOPMENT_CONTACT,
  DEVELOPMENT_RECIPIENT_LABEL,
  developmentNotes,
} from '../main/services/releases/default-texts.js';
import { createRelease } from '../main/services/releases/write-release.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const QUESTIONNAIRES_DIR = path.join(ROOT, 'questionnaires');
export const DEV_PUBLISHER_KEY_FILE = path.join(ROOT, 'tests', 'fixtures', 'keys', 'publisher-dev.key');
/** A fixed time, so the bytes do not depend on the day the script runs. */
export const DEV_PUBLISHED_AT = '2026-11-27T12:00:00Z';

/** Every `<id>/<version>.json` in the questionnaires folder. */
export function questionnaireFiles(dir = QUESTIONNAIRES_DIR): { id: string; version: string; file: string }[] {
  const out: { id: string; version: string; file: string }[] = [];
  for (const id of fs
    .readdirSync(dir)
    .filter((n) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(n) && fs.statSync(path.join(dir, n)).isDirectory())) {
    for (const name of fs.readdirSync(path.join(dir, id)).filter((n) => /^\d+\.\d+\.\d+\.json$/.test(n))) {
      out.push({ id, version: name.slice(0, -'.json'.length), file: path.join(dir, id, name) });
    }
  }
  return out;
}

export const devReleaseName = (id: string, version: string): string => `${id}-${version}${RELEASE_EXTENSION}`;

/** The development release of one questionnaire file, as bytes. */
export async function developmentRelease(questionnaireFile: string, version: string): Promise<Buffer> {
  const key = parseOpenSshPrivateKey(fs.readFileSync(DEV_PUBLISHER_KEY_FILE, 'utf8'));
  const created = await createRelease({
    questionnaireBytes: fs.readFileSync(questionnaireFile),
    recipients: [{ age: DEVELOPMENT_RECIPIENT, label: DEVELOPMENT_RECIPIENT_LABEL }],
    contact: DEVELOPMENT_CONTACT,
    notes: developmentNotes(version),
    publishedAt: DEV_PUBLISHED_AT,
    privateKeyPkcs8: key.privateKeyPkcs8,
  });
  return created.bytes;
}

async function main(): Promise<void> {
  const out = path.join(QUESTIONNAIRES_DIR, 'releases');
  fs.mkdirSync(out, { recursive: true });
  for (const { id, version, file } of questionnaireFiles()) {
    const target = path.join(out, devReleaseName(id, version));
    fs.writeFileSync(target, await developmentRelease(file, version));
    process.stdout.write(`${path.relative(ROOT, target)}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await main();
