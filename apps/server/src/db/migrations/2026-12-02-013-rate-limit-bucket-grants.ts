import type { Kysely } from 'kysely';

/**
 * A take may ask for several tokens at once (one per call of a tRPC batch), so each bucket
 * remembers how many its last take got. `last_allowed` stays, written as before, so servers of
 * the previous version keep working over the same database during a rolling update.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rate_limit_buckets')
    .addColumn('last_granted', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rate_limit_buckets').dropColumn('last_granted').execute();
}
