import { type Kysely, sql } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

/**
 * On PostgreSQL every request takes from its caller's bucket, so each request was also a
 * commit waiting for the write-ahead log to reach the disk. Buckets need not survive a crash
 * (after one, every caller starts with a full bucket), so they skip the log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db as Db)) await sql`alter table rate_limit_buckets set unlogged`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db as Db)) await sql`alter table rate_limit_buckets set logged`.execute(db);
}
