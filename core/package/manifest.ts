import { z } from 'zod';
import { ATTACHMENTS_PREFIX, PACKAGE_FORMAT_NAME, RESPONSES_ENTRY, SHA256_HEX_PATTERN } from './format.js';

/**
 * manifest.json of formats 1 and 2 (architecture §5). Objects are strict: an unknown key is an
 * error. Format 2 differs from format 1 by one field, `respondent.state`: present in format 2
 * (the State a State respondent answers for, '' for other kinds), absent in format 1.
 */

const text = (max: number) => z.string().max(max);
const sha256Hex = z.string().regex(SHA256_HEX_PATTERN, 'lower-case hex SHA-256');
const uuid = z.uuid();

export const manifestEntrySchema = z
  .object({
    path: text(200),
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    sha256: sha256Hex,
  })
  .strict();
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

const mechanismSchema = z.object({ value: text(200).min(1), label: text(500), kind: text(100) }).strict();
const respondentSchema = z
  .object({
    kind: text(100),
    name: text(500),
    role: text(500),
    organisation: text(500),
    email: text(320),
    state: text(500).optional(),
  })
  .strict();
const signerSchema = z
  .object({
    name: text(500).min(1),
    title: text(500),
    organisation: text(500),
    email: text(320),
    publicKey: z
      .string()
      .regex(/^ssh-ed25519 [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/, 'one OpenSSH ssh-ed25519 line')
      .max(1000),
    fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'SHA256:<base64 without padding>'),
  })
  .strict();

function checkEntries(entries: readonly ManifestEntry[], ctx: z.RefinementCtx): void {
  const paths = entries.map((e) => e.path);
  for (let i = 1; i < paths.length; i++) {
    const previous = paths[i - 1] ?? '';
    const current = paths[i] ?? '';
    if (!(previous < current))
      ctx.addIssue({
        code: 'custom',
        message: 'entries must be sorted by path, without duplicates',
        path: [i, 'path'],
      });
  }
  if (!paths.includes(RESPONSES_ENTRY))
    ctx.addIssue({ code: 'custom', message: `entries must list ${RESPONSES_ENTRY}` });
  entries.forEach((entry, i) => {
    if (entry.path === RESPONSES_ENTRY) return;
    if (entry.path !== `${ATTACHMENTS_PREFIX}${entry.sha256}`) {
      ctx.addIssue({
        code: 'custom',
        message: `an entry is ${RESPONSES_ENTRY} or ${ATTACHMENTS_PREFIX}<its sha256>`,
        path: [i, 'path'],
      });
    }
  });
}

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT_NAME),
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    questionnaire: z.object({ id: text(200).min(1), version: text(100).min(1) }).strict(),
    submissionId: uuid,
    rootId: uuid,
    supersedes: uuid.nullable(),
    revision: z.number().int().min(1).max(1_000_000),
    mechanism: mechanismSchema,
    respondent: respondentSchema,
    signer: signerSchema,
    recipients: z
      .array(z.string().regex(/^age1[0-9a-z]+$/, 'an age1… recipient'))
      .min(1)
      .max(20),
    app: z.object({ name: text(200).min(1), version: text(100).min(1) }).strict(),
    finalizedAt: z.iso.datetime({ offset: true }),
    entries: z.array(manifestEntrySchema).max(10_000).superRefine(checkEntries),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.revision === 1 && m.supersedes !== null)
      ctx.addIssue({ code: 'custom', message: 'revision 1 supersedes nothing', path: ['supersedes'] });
    if (m.revision > 1 && m.supersedes === null)
      ctx.addIssue({ code: 'custom', message: 'a later revision names the one it supersedes', path: ['supersedes'] });
    if (m.revision === 1 && m.rootId !== m.submissionId)
      ctx.addIssue({ code: 'custom', message: 'revision 1 is its own root', path: ['rootId'] });
    if (m.formatVersion === 1 && m.respondent.state !== undefined)
      ctx.addIssue({ code: 'custom', message: 'format 1 has no respondent.state', path: ['respondent', 'state'] });
    if (m.formatVersion >= 2 && m.respondent.state === undefined)
      ctx.addIssue({ code: 'custom', message: 'format 2 names the respondent\'s state (\'\' when none)', path: ['respondent', 'state'] });
  });
export type Manifest = z.infer<typeof manifestSchema>;

/** Everything in the manifest except what the writer derives itself (format, entries). */
export type ManifestFields = Omit<Manifest, 'format' | 'formatVersion' | 'entries'>;

/**
 * The complete manifest from the revision's fields and the entries; throws (zod) when invalid.
 * The format follows from the fields: a revision frozen with `respondent.state` (every revision
 * finalized since format 2) is format 2; one frozen before is format 1, so that exporting it
 * again gives the very bytes IOM may already have (a re-sent file stays a duplicate).
 */
export function buildManifest(fields: ManifestFields, entries: readonly ManifestEntry[]): Manifest {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return manifestSchema.parse({
    format: PACKAGE_FORMAT_NAME,
    formatVersion: fields.respondent.state === undefined ? 1 : 2,
    ...fields,
    entries: sorted,
  });
}
