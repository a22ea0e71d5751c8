import type { Db } from '../db/connect.js';

/** How long an `Idempotency-Key` is remembered. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RememberedCreate {
  requestHash: string;
  responseBody: string;
}

/** The create remembered under this caller's key, if it is younger than the window. */
export async function findRememberedCreate(
  db: Db,
  userId: string,
  key: string,
  now: Date,
): Promise<RememberedCreate | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_body'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('created_at', '>', new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString())
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, responseBody: row.response_body };
}

/** Remembers a successful create, replacing an expired record of the same key. */
export async function rememberCreate(
  db: Db,
  record: { userId: string; key: string; requestHash: string; icpId: string; responseBody: string },
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString())
    .execute();
  await db
    .insertInto('idempotency_keys')
    .values({
      user_id: record.userId,
      key: record.key,
      request_hash: record.requestHash,
      icp_id: record.icpId,
      response_body: record.responseBody,
      created_at: now.toISOString(),
    })
    .execute();
}
