import { AppError } from '../../../core/contract/errors.js';
import { parseKeyCard as parseCardFields, serializeKeyCard } from '../../../core/identity/card.js';
import { fingerprintOf, parsePublicKeyLine } from '../crypto/ssh-key.js';

/**
 * What the importer pins from a public key card. The card format itself (fields, heading,
 * limits) is defined once, in core/identity/card.ts, where the app that writes cards takes
 * it from too; this module adds the checks that need crypto.
 */
export interface KeyCard {
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly email: string;
  readonly mechanism: string | null;
  readonly publicKey: string;
  readonly fingerprint: string;
}

/** Reads a card and checks that its key is a valid ssh-ed25519 key whose fingerprint is the one stated. */
export function parseKeyCard(text: string): KeyCard {
  const parsed = parseCardFields(text);
  if (!parsed.ok) throw new AppError('BAD_FILE', `This is not a valid public key card: ${parsed.errors.join('; ')}.`);
  const { card } = parsed;
  let actual: string;
  try {
    parsePublicKeyLine(card.publicKey);
    actual = fingerprintOf(card.publicKey);
  } catch (error) {
    throw new AppError(
      'BAD_FILE',
      `The card's public key is not a valid ssh-ed25519 key (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (actual !== card.fingerprint) {
    throw new AppError(
      'BAD_FILE',
      `The card's fingerprint (${card.fingerprint}) is not that of its key (${actual}): the card was damaged or edited.`,
    );
  }
  return {
    name: card.name,
    title: card.title,
    organisation: card.organisation,
    email: card.email,
    mechanism: card.mechanism === '' ? null : card.mechanism,
    publicKey: card.publicKey,
    fingerprint: actual,
  };
}

/** A card for a key, in the one card format (tests and tools that pin keys ahead of time). */
export function formatKeyCard(card: Pick<KeyCard, 'name' | 'mechanism' | 'publicKey' | 'fingerprint'> & Partial<KeyCard>): string {
  return serializeKeyCard({
    name: card.name,
    title: card.title ?? '',
    organisation: card.organisation ?? '',
    mechanism: card.mechanism ?? '',
    email: card.email ?? '',
    publicKey: card.publicKey,
    fingerprint: card.fingerprint,
  });
}
