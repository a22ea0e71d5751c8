import { z } from 'zod';

/** `Idempotency-Key`: 1-255 printable ASCII characters. */
export const idempotencyKey = z
  .string()
  .regex(/^[\x20-\x7E]{1,255}$/, 'Idempotency-Key must be 1-255 printable ASCII characters');

/** `If-Match`: one or more entity tags, or `*`. */
export const ifMatch = z.string().min(1).max(1_000);

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ICP id a path names, lower-cased, or null when it cannot be an ICP id. */
export function normalizeIcpId(value: unknown): string | null {
  return typeof value === 'string' && UUID_SHAPE.test(value) ? value.toLowerCase() : null;
}
