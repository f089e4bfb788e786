import { z } from 'zod';
import { channel } from '../channel.js';
import { emptyInput } from './app.js';
import { isoTimeSchema } from './drafts.js';

export const identityIdSchema = z.uuid();
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\r\n]*$/, 'one line');

/** A passphrase is only ever sent to main, never stored or returned. */
export const passphraseSchema = z.string().min(1).max(1024);
export const NEW_PASSPHRASE_MIN = 10;

export const identitySchema = z
  .object({
    id: identityIdSchema,
    name: z.string(),
    title: z.string(),
    organisation: z.string(),
    /** The questionnaire's mechanism choice value, when the identity is tied to one. */
    mechanism: z.string().nullable(),
    email: z.string(),
    /** `ssh-ed25519 AAAA… name`, one line. */
    publicKey: z.string(),
    /** `SHA256:…` exactly as `ssh-keygen -lf` prints it. */
    fingerprint: z.string(),
    /** `passphrase`: scrypt + AES-256-GCM; `passphrase+os`: also sealed by the OS key store. */
    protection: z.enum(['passphrase', 'passphrase+os']),
    createdAt: isoTimeSchema,
  })
  .strict();
export type Identity = z.infer<typeof identitySchema>;

export const identityChannels = {
  list: channel(emptyInput, z.array(identitySchema)),
  /**
   * Generates an Ed25519 key in main and stores it encrypted under the passphrase (and the
   * OS key store when it is a real one). `warning` says when the OS store is only `basic_text`.
   */
  create: channel(
    z
      .object({
        name: line(200).min(1),
        title: line(200),
        organisation: line(300).min(1),
        mechanism: z
          .string()
          .regex(/^[a-z0-9_-]{1,64}$/)
          .nullable(),
        email: z.union([z.email().max(320), z.literal('')]),
        passphrase: z.string().min(NEW_PASSPHRASE_MIN, `at least ${NEW_PASSPHRASE_MIN} characters`).max(1024),
      })
      .strict(),
    z.object({ identity: identitySchema, warning: z.string().nullable() }).strict(),
  ),
  /** Checks a passphrase without changing anything (wrong: WRONG_PASSPHRASE). */
  unlockCheck: channel(
    z.object({ id: identityIdSchema, passphrase: passphraseSchema }).strict(),
    z.object({ ok: z.literal(true) }).strict(),
  ),
  /**
   * Writes the public key card (a text file, no secret): the save dialog in the desktop
   * app, `<data folder>/exports/` in the web host. `text` is the card itself.
   */
  exportCard: channel(
    z.object({ id: identityIdSchema }).strict(),
    z.object({ path: z.string(), text: z.string() }).strict(),
  ),
} as const;
