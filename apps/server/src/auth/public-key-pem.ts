import { createPrivateKey } from 'node:crypto';

/** AUTH_JWT_PUBLIC_KEY as PEM text: `\n` escapes (a one-line environment value) as line breaks. */
export function pemText(value: string): string {
  return value.replace(/\\n/g, '\n');
}

const PRIVATE_KEY_LABEL = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/**
 * Whether the PEM holds a private key. Node derives the public key from a private one without a
 * word, so a private key given where the public one belongs would work, and sit in the
 * server's configuration where it does not belong.
 */
export function holdsPrivateKey(pem: string): boolean {
  if (PRIVATE_KEY_LABEL.test(pem)) return true;
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}
