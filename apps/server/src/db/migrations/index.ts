import type { Migration } from 'kysely';
import * as createIcps from './2026-11-22-001-create-icps.js';
import * as createApiKeys from './2026-11-22-002-create-api-keys.js';
import * as createIdempotencyKeys from './2026-11-22-003-create-idempotency-keys.js';
import * as createLeadDatabase from './2026-11-22-004-create-lead-database.js';

/** Every migration, by name; names sort in the order they must run. Never edit one that shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-001-create-icps': createIcps,
  '2026-11-22-002-create-api-keys': createApiKeys,
  '2026-11-22-003-create-idempotency-keys': createIdempotencyKeys,
  '2026-11-22-004-create-lead-database': createLeadDatabase,
};
