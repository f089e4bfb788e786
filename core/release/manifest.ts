import { z } from 'zod';
import { canonicalJsonBytes } from '../package/canonical-json.js';
import { RELEASE_FORMAT_NAME, RELEASE_FORMAT_VERSION, RELEASE_QUESTIONNAIRE_ENTRY } from './format.js';

/**
 * release.json of format 1 (docs/release-format.md §2). Objects are strict: an unknown key is
 * an error. The questionnaire definition travels beside it; the manifest names it by size and
 * SHA-256, so the one signature over these bytes covers both.
 */

/** The languages of the app's interface: every text a respondent reads exists in each. */
export const RELEASE_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type ReleaseLanguage = (typeof RELEASE_LANGUAGES)[number];

const oneText = (max: number) => z.string().trim().min(1).max(max);
const localized = (max: number) =>
  z.object({ en: oneText(max), fr: oneText(max), es: oneText(max), ar: oneText(max) }).strict();
export type ReleaseText = Readonly<Record<ReleaseLanguage, string>>;

export const releaseRecipientSchema = z
  .object({
    age: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'an age X25519 recipient (age1…)'),
    label: localized(200),
  })
  .strict();
export type ReleaseRecipient = z.infer<typeof releaseRecipientSchema>;

export const releaseContactSchema = z
  .object({
    /** Where respondents send their exported file; optional when the sentence says it all. */
    email: z
      .string()
      .max(320)
      .regex(/^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/, 'an email address')
      .optional(),
    /** One sentence per language, e.g. "Send your exported file to …". */
    text: localized(1000),
  })
  .strict();
export type ReleaseContact = z.infer<typeof releaseContactSchema>;

export const releaseManifestSchema = z
  .object({
    format: z.literal(RELEASE_FORMAT_NAME),
    formatVersion: z.literal(RELEASE_FORMAT_VERSION),
    questionnaire: z
      .object({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and -').max(64),
        version: z.string().regex(/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/, 'a version such as 1.0.1'),
        path: z.literal(RELEASE_QUESTIONNAIRE_ENTRY),
        size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
      })
      .strict(),
    recipients: z
      .array(releaseRecipientSchema)
      .min(1)
      .max(20)
      .refine((list) => new Set(list.map((r) => r.age)).size === list.length, 'each recipient once'),
    contact: releaseContactSchema,
    notes: localized(10_000),
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;

/** A manifest's fields without the format name and version, which the builder adds. */
export type ReleaseManifestFields = Omit<ReleaseManifest, 'format' | 'formatVersion'>;

/** The complete manifest; throws (zod) when a field is invalid. */
export function buildReleaseManifest(fields: ReleaseManifestFields): ReleaseManifest {
  return releaseManifestSchema.parse({ format: RELEASE_FORMAT_NAME, formatVersion: RELEASE_FORMAT_VERSION, ...fields });
}

/** The exact bytes of release.json: canonical JSON, so the same release always has the same signature. */
export const releaseManifestBytes = (manifest: ReleaseManifest): Uint8Array => canonicalJsonBytes(manifest);
