import { canonicalJsonBytes } from '../../../core/package/canonical-json.js';
import { DEVELOPMENT_RECIPIENT } from '../../../core/release/format.js';
import type { ReleaseManifest } from '../../../core/release/manifest.js';
import { generateSigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { signSshSig } from '../../../main/services/crypto/sshsig.js';
import { readTrustedPublishers } from '../../../main/services/releases/trusted-publishers.js';
import { zipRelease, type CreatedRelease } from '../../../main/services/releases/write-release.js';
import { DEVELOPMENT_RECIPIENT_LABEL } from '../../../main/services/releases/default-texts.js';
import {
  APP_PUBLISHERS_FILE,
  DEV_PUBLISHER,
  makeRelease,
  newestBundledQuestionnaire,
  nextPatch,
} from '../../helpers/releases.js';
import { nextVersionOf } from '../../helpers/next-version.js';

/** Releases made for the reader to refuse (or accept), each built from a real, valid one. */

export const PUBLISHERS = readTrustedPublishers(APP_PUBLISHERS_FILE);
export const SOURCE = newestBundledQuestionnaire().json;
export const NEXT = nextVersionOf(SOURCE);
export const NEW_RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const PUBLISHED = '2026-11-27T12:00:00Z';

export const release = (
  json: object,
  recipients = [{ age: DEVELOPMENT_RECIPIENT, label: DEVELOPMENT_RECIPIENT_LABEL }],
): Promise<CreatedRelease> => makeRelease(json, { recipients, publishedAt: PUBLISHED });

/** The three entries of a release, re-zipped after a change to one of them. */
export function rezip(parts: {
  manifest: Uint8Array;
  signature?: string | undefined;
  questionnaire: Uint8Array;
  extra?: [string, Buffer][];
}): Promise<Buffer> {
  const entries: [string, Buffer][] = [['release.json', Buffer.from(parts.manifest)]];
  if (parts.signature !== undefined) entries.push(['release.json.sig', Buffer.from(parts.signature)]);
  entries.push(['questionnaire.json', Buffer.from(parts.questionnaire)], ...(parts.extra ?? []));
  return zipRelease(entries, PUBLISHED);
}

/** A manifest changed and signed again (by the development publisher unless said otherwise). */
export function resigned(
  manifest: ReleaseManifest | Record<string, unknown>,
  options: { key?: Uint8Array; namespace?: string } = {},
): { manifest: Uint8Array; signature: string } {
  const bytes = canonicalJsonBytes(manifest);
  return {
    manifest: bytes,
    signature: signSshSig(
      bytes,
      options.key ?? DEV_PUBLISHER.privateKeyPkcs8,
      options.namespace ?? 'iscm-questionnaire',
    ),
  };
}

export const OTHER_PUBLISHER = generateSigningKeyPair('not trusted');
export { nextPatch };
