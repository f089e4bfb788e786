import { z } from 'zod';

/**
 * The public key card: a small UTF-8 text file a secretariat sends to IOM ahead of time
 * so IOM can pin its signing key (`iscm keys import-card` reads it with this parser, through
 * main/services/import/key-card.ts, which adds the checks that need crypto). One `Field: value` per line; a field left empty is left out.
 *
 *   ISCM public key card
 *   Format: iscm-key-card/1
 *   Name: Amina Diallo
 *   Title: Head of Secretariat
 *   Organisation: Bali Process Regional Support Office
 *   Mechanism: bali_process
 *   Email: amina@example.org
 *   Public key: ssh-ed25519 AAAAC3Nza… Amina Diallo
 *   Fingerprint: SHA256:…
 *
 * `Mechanism` is the questionnaire's choice value. Field names are case-insensitive and
 * other lines are ignored (a card may carry a greeting). This module is pure (core): it
 * checks the shape; that the fingerprint belongs to the key needs SHA-256 and is checked by
 * the importer (`fingerprintOf` in main/services/crypto).
 */

export const KEY_CARD_FORMAT = 'iscm-key-card/1';
export const KEY_CARD_HEADING = 'ISCM public key card';

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\r\n]*$/, 'one line');

export const keyCardSchema = z
  .object({
    name: oneLine(200).min(1),
    title: oneLine(200),
    organisation: oneLine(300),
    /** Empty when the identity is not tied to one mechanism. */
    mechanism: z.string().regex(/^([a-z0-9_-]{1,64})?$/, 'a mechanism choice value'),
    email: oneLine(320),
    publicKey: z
      .string()
      .max(1000)
      .regex(/^ssh-ed25519 [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/, 'one OpenSSH ssh-ed25519 line'),
    fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'SHA256:<43 base64 characters>'),
  })
  .strict();
export type KeyCard = z.infer<typeof keyCardSchema>;

const LABELS: readonly (readonly [keyof KeyCard, string])[] = [
  ['name', 'Name'],
  ['title', 'Title'],
  ['organisation', 'Organisation'],
  ['mechanism', 'Mechanism'],
  ['email', 'Email'],
  ['publicKey', 'Public key'],
  ['fingerprint', 'Fingerprint'],
];

const flatten = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

export function serializeKeyCard(card: KeyCard): string {
  const flat = Object.fromEntries(Object.entries(card).map(([k, v]) => [k, typeof v === 'string' ? flatten(v) : v]));
  const parsed = keyCardSchema.parse(flat);
  const lines = LABELS.filter(([key]) => parsed[key] !== '').map(([key, label]) => `${label}: ${parsed[key]}`);
  return [KEY_CARD_HEADING, `Format: ${KEY_CARD_FORMAT}`, ...lines, ''].join('\n');
}

export type ParseKeyCardResult = { ok: true; card: KeyCard } | { ok: false; errors: string[] };

/** Reads a card; every problem is reported at once, each naming its field. */
export function parseKeyCard(text: string): ParseKeyCardResult {
  if (text.length > 16 * 1024) return { ok: false, errors: ['the card is larger than 16 KiB'] };
  const fields = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z ]{2,30}):\s*(.*?)\s*$/.exec(raw);
    const key = match?.[1]?.trim().toLowerCase();
    if (key !== undefined && !fields.has(key)) fields.set(key, match?.[2] ?? '');
  }
  const format = fields.get('format');
  if (format !== undefined && format !== KEY_CARD_FORMAT)
    return { ok: false, errors: [`format: "${format}" is not ${KEY_CARD_FORMAT}`] };
  const value = (label: string): string => fields.get(label.toLowerCase()) ?? '';
  const parsed = keyCardSchema.safeParse(Object.fromEntries(LABELS.map(([key, label]) => [key, value(label)])));
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, card: parsed.data };
}
