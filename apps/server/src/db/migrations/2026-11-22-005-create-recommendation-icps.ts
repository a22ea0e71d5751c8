import type { Kysely } from 'kysely';

/**
 * The v2 ICPs: one per (account, external user). `external_user_id` is '' for the account's
 * own ICP, so the unique key holds without NULL semantics that differ between databases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendation_icps')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('external_user_id', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('recommendation_icps_owner_key', ['account_id', 'external_user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_icps').execute();
}
