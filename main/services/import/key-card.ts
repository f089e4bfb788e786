import { AppError } from '../../../core/contract/errors.js';
import { fingerprintOf, parsePublicKeyLine } from '../crypto/ssh-key.js';

/**
 * A public key card: the text file a signer sends to IOM ahead of time so that their key is
 * pinned before their first package arrives. One `Field: value` per line; unknown lines are
 * ignored, so a card may carry a greeting or instructions.
 *
 *   ISCM public key card
 *   Name: Amina Diallo
 *   Title: Coordinator
 *   Mechanism: mx-rcm
 *   Public key: ssh-ed25519 AAAAC3Nza… Amina Diallo
 *   Fingerprint: SHA256:…
 *
 * `Mechanism` may be left out when the command names it. `Fingerprint`, when present, must be
 * the key's: a card whose two lines disagree was damaged or edited.
 */
export interface KeyCard {
  readonly name: string;
  readonly mechanism: string | null;
  readonly publicKey: string;
  readonly fingerprint: string;
}

const MAX_CARD_BYTES = 16 * 1024;

export function parseKeyCard(text: string): KeyCard {
  if (text.length > MAX_CARD_BYTES) throw new AppError('BAD_FILE', 'This is not a public key card: it is far too large.');
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z ]{2,30}):\s*(.*?)\s*$/.exec(raw);
    if (match?.[1] && match[2] !== undefined) fields.set(match[1].trim().toLowerCase(), match[2]);
  }
  const keyLine = fields.get('public key') ?? text.split(/\r?\n/).find((l) => l.trim().startsWith('ssh-ed25519 '))?.trim();
  if (!keyLine) throw new AppError('BAD_FILE', 'The card has no "Public key: ssh-ed25519 …" line.');
  let fingerprint: string;
  try {
    parsePublicKeyLine(keyLine);
    fingerprint = fingerprintOf(keyLine);
  } catch (error) {
    throw new AppError('BAD_FILE', `The card's public key is not a valid ssh-ed25519 key (${error instanceof Error ? error.message : String(error)}).`);
  }
  const stated = fields.get('fingerprint');
  if (stated !== undefined && stated !== fingerprint)
    throw new AppError('BAD_FILE', `The card's fingerprint (${stated}) is not that of its key (${fingerprint}): the card was damaged or edited.`);
  const mechanism = fields.get('mechanism') ?? null;
  if (mechanism !== null && !/^[A-Za-z0-9_.-]{1,200}$/.test(mechanism)) throw new AppError('BAD_FILE', 'The card names its mechanism in an unexpected form.');
  return { name: (fields.get('name') ?? '').slice(0, 500), mechanism, publicKey: keyLine, fingerprint };
}

export function formatKeyCard(card: KeyCard & { title?: string }): string {
  return [
    'ISCM public key card',
    `Name: ${card.name}`,
    ...(card.title ? [`Title: ${card.title}`] : []),
    ...(card.mechanism ? [`Mechanism: ${card.mechanism}`] : []),
    `Public key: ${card.publicKey}`,
    `Fingerprint: ${card.fingerprint}`,
    '',
  ].join('\n');
}
