import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { ApiKeyRow } from '../db/database.js';
import { preparedQuery } from '../db/prepared-query.js';

/** API keys start with this prefix, which tells them apart from JWTs. */
export const API_KEY_PREFIX = 'icp_';

export function isApiKeyFormat(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/**
 * Keys carry 256 random bits, so a single SHA-256 is the right hash: a slow password hash would
 * add cost to every request without adding safety against guessing.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface ApiKeySummary {
  id: string;
  userId: string;
  name: string | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

function summaryOf(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Issues a key for a user; the returned `key` is the only copy there will ever be. */
export async function createApiKey(
  db: Db,
  userId: string,
  name: string | null,
  now = new Date(),
): Promise<{ key: string; summary: ApiKeySummary }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: ApiKeyRow = {
    id: randomUUID(),
    user_id: userId,
    name,
    key_hash: hashApiKey(key),
    key_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { key, summary: summaryOf(row) };
}

export async function listApiKeys(db: Db, userId?: string): Promise<ApiKeySummary[]> {
  let query = db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id');
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return (await query.execute()).map(summaryOf);
}

/** Revokes a key by id; returns false when no such active key exists. */
export async function revokeApiKey(db: Db, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const selectActiveKeyOwner = preparedQuery<{ user_id: string }, [keyHash: string]>(
  1,
  (db, keyHash) =>
    db
      .selectFrom('api_keys')
      .select('user_id')
      .where('key_hash', '=', keyHash as string)
      .where('revoked_at', 'is', null),
);

/** The user an active key belongs to, or undefined for an unknown or revoked key. */
export async function userIdOfApiKey(db: Db, key: string): Promise<string | undefined> {
  const [row] = (await selectActiveKeyOwner(db, hashApiKey(key))).rows;
  return row?.user_id;
}
