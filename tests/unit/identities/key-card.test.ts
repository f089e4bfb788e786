import { describe, expect, it } from 'vitest';
import { parseKeyCard, serializeKeyCard, type KeyCard } from '../../../core/identity/card.js';

const card: KeyCard = {
  name: 'Amina Diallo',
  title: '',
  organisation: 'Bali Process RSO',
  mechanism: '',
  email: '',
  publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl Amina Diallo',
  fingerprint: 'SHA256:Xq5Vk3sWdq6A1z0fTQ0y2bI8qkbG4jM7lC9sQ4wz3nE',
};

describe('public key card format', () => {
  it('leaves empty fields out and reads them back as empty', () => {
    const text = serializeKeyCard(card);
    expect(text).toBe(
      [
        'ISCM public key card',
        'Format: iscm-key-card/1',
        'Name: Amina Diallo',
        'Organisation: Bali Process RSO',
        `Public key: ${card.publicKey}`,
        `Fingerprint: ${card.fingerprint}`,
        '',
      ].join('\n'),
    );
    expect(parseKeyCard(text)).toEqual({ ok: true, card });
  });

  it('keeps every value on one line', () => {
    const text = serializeKeyCard({ ...card, organisation: 'Two\nlines' });
    expect(text).toContain('Organisation: Two lines\n');
  });

  it('accepts greetings and other case, refuses a card without a key or of another format', () => {
    const text = `Hello IOM,\r\n${serializeKeyCard(card).replace('Name:', 'NAME:')}\r\nRegards`;
    expect(parseKeyCard(text).ok).toBe(true);
    const noKey = parseKeyCard(serializeKeyCard(card).replace(/Public key: .*\n/, ''));
    expect(noKey.ok).toBe(false);
    const other = parseKeyCard(serializeKeyCard(card).replace('iscm-key-card/1', 'iscm-key-card/9'));
    expect(other).toEqual({ ok: false, errors: ['format: "iscm-key-card/9" is not iscm-key-card/1'] });
  });
});
