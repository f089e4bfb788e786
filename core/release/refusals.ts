/**
 * Why a release file is refused, each with its own code and a plain message (English here, for
 * the CLI and the logs; the app shows the words of its `releases` namespace in four languages).
 * A refused file is never installed, and nothing is written.
 */

export const RELEASE_REFUSAL_CODES = [
  'RELEASE_NOT_A_RELEASE',
  'RELEASE_TOO_LARGE',
  'RELEASE_FORMAT_UNSUPPORTED',
  'RELEASE_SIGNATURE_INVALID',
  'RELEASE_PUBLISHER_UNKNOWN',
  'RELEASE_QUESTIONNAIRE_INVALID',
  'RELEASE_DOWNGRADE',
  'RELEASE_VERSION_CONFLICT',
] as const;
export type ReleaseRefusalCode = (typeof RELEASE_REFUSAL_CODES)[number];

export const RELEASE_REFUSAL_MESSAGES: Readonly<Record<ReleaseRefusalCode, string>> = {
  RELEASE_NOT_A_RELEASE: 'This file is not a questionnaire release (.iscmq), or it is damaged.',
  RELEASE_TOO_LARGE: 'This file is larger than a questionnaire release can be, so it was not opened.',
  RELEASE_FORMAT_UNSUPPORTED: 'This release was made for a newer version of the application. Update the application to install it.',
  RELEASE_SIGNATURE_INVALID:
    'The signature of this release is missing or does not match its contents: it was changed after IOM signed it, or it was not signed for a questionnaire release.',
  RELEASE_PUBLISHER_UNKNOWN: 'This release is signed by a key that the application does not trust as an IOM publisher.',
  RELEASE_QUESTIONNAIRE_INVALID: 'The questionnaire inside this release is not valid, so it cannot be used.',
  RELEASE_DOWNGRADE: 'A newer version of this questionnaire is already installed; an older one cannot be installed over it.',
  RELEASE_VERSION_CONFLICT:
    'A different release with the same version number is already installed. Ask IOM which one is right.',
};

/** Thrown by the release reader and the store; `detail` is for developers and logs. */
export class ReleaseRefusal extends Error {
  constructor(
    readonly code: ReleaseRefusalCode,
    readonly detail: string,
  ) {
    super(RELEASE_REFUSAL_MESSAGES[code]);
    this.name = 'ReleaseRefusal';
  }
}

export const isReleaseRefusalCode = (code: string): code is ReleaseRefusalCode =>
  (RELEASE_REFUSAL_CODES as readonly string[]).includes(code);
