/** Constants of the `.iscmq` questionnaire release, format 1 (see docs/release-format.md). */

export const RELEASE_FORMAT_NAME = 'iscm-questionnaire-release';
export const RELEASE_FORMAT_VERSION = 1;
/** The SSHSIG namespace: a submission's signature (or any other) never verifies as a release. */
export const RELEASE_SIGNATURE_NAMESPACE = 'iscm-questionnaire';
export const RELEASE_EXTENSION = '.iscmq';

export const RELEASE_MANIFEST_ENTRY = 'release.json';
export const RELEASE_SIGNATURE_ENTRY = 'release.json.sig';
export const RELEASE_QUESTIONNAIRE_ENTRY = 'questionnaire.json';
/** Every entry a release holds, and nothing else. */
export const RELEASE_ENTRIES = [RELEASE_MANIFEST_ENTRY, RELEASE_SIGNATURE_ENTRY, RELEASE_QUESTIONNAIRE_ENTRY] as const;

const MiB = 1024 * 1024;

/** Limits the reader applies, before and while reading a release file. */
export interface ReleaseLimits {
  /** Size of the `.iscmq` file, checked before a byte is read. */
  readonly maxFileBytes: number;
  /** The questionnaire definition (the 1,000-question benchmark file is 0.4 MB). */
  readonly maxQuestionnaireBytes: number;
  readonly maxManifestBytes: number;
  readonly maxSignatureBytes: number;
  /** Uncompressed size divided by compressed size, per entry. */
  readonly maxCompressionRatio: number;
  readonly maxJsonDepth: number;
}

export const DEFAULT_RELEASE_LIMITS: ReleaseLimits = {
  maxFileBytes: 8 * MiB,
  maxQuestionnaireBytes: 4 * MiB,
  maxManifestBytes: 256 * 1024,
  maxSignatureBytes: 16 * 1024,
  maxCompressionRatio: 100,
  maxJsonDepth: 64,
};

/**
 * The development recipient whose identity is public (tests/fixtures/keys/): packages sealed
 * to it are not real submissions, and a build for release must not carry it.
 */
export const DEVELOPMENT_RECIPIENT = 'age15jm5x0cd3z9xhxu3g63ttvt5pgq9z6veyuj2g85sev8t595lw93sctvwqs';

/** The development publisher's public key (tests/fixtures/keys/publisher-dev.pub): it signs the development releases. */
export const DEVELOPMENT_PUBLISHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIErMwcgW1HA3vnftYirpZIqPEzp71cq3YEJWCUGgDvEQ';
/** The name `questionnaires/allowed_signers` gives it. */
export const DEVELOPMENT_PUBLISHER_PRINCIPAL = 'iscm-development-publisher';
