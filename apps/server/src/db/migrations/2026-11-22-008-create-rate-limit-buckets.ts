import type { Kysely } from 'kysely';

/** Token buckets shared by every server process over one database (used on PostgreSQL). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_buckets')
    .addColumn('caller_key', 'text', (col) => col.primaryKey())
    .addColumn('tokens', 'double precision', (col) => col.notNull())
    .addColumn('refilled_at_ms', 'bigint', (col) => col.notNull())
    .addColumn('last_allowed', 'boolean', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_buckets').execute();
}
