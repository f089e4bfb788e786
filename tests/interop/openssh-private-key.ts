import { formatOpenSshPrivateKey } from '../../main/services/crypto/openssh-private-key.js';
import { parsePublicKeyLine, publicKeyLineFromPrivate } from '../../main/services/crypto/ssh-key.js';

/**
 * Our Ed25519 key in OpenSSH's unencrypted private-key format (PROTOCOL.key, "openssh-key-v1")
 * so that `ssh-keygen -Y sign` can sign with it: the writer the release publisher key uses.
 */
export function toOpenSshPrivateKey(privateKeyPkcs8: Uint8Array, publicKeyLine: string, comment: string): string {
  const derived = parsePublicKeyLine(publicKeyLineFromPrivate(privateKeyPkcs8, ''));
  if (!derived.blob.equals(parsePublicKeyLine(publicKeyLine).blob)) throw new Error('the public key is not that of the private key');
  return formatOpenSshPrivateKey(privateKeyPkcs8, comment);
}
