import { randomBytes } from 'node:crypto';

/** Random bytes of a signing secret (Standard Webhooks asks for 24 to 64). */
const SECRET_BYTES = 32;

/** A new Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes. */
export function createWebhookSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}
