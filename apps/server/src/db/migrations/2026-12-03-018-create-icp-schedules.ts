import type { Kysely } from 'kysely';

/**
 * A delivery schedule per ICP, and the periods it delivered. A period is delivered once: its
 * (icp, period start) key is taken in the transaction that stores its lead list, so a second
 * attempt (another replica, a retried job) fails on the key and stores nothing. Both go with
 * their ICP; the lists delivered stay (a deleted list leaves its period delivered, without one).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('icp_schedules')
    .addColumn('icp_id', 'text', (col) =>
      col.primaryKey().references('icps.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('every', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('webhook_url', 'text')
    // The Standard Webhooks secret (`whsec_...`) the deliveries are signed with.
    .addColumn('webhook_secret', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // Periods starting before this instant (when the rule was last set) are not delivered.
    .addColumn('starts_from', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('icp_deliveries')
    .addColumn('icp_id', 'text', (col) => col.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('period_start', 'text', (col) => col.notNull())
    .addColumn('period_end', 'text', (col) => col.notNull())
    .addColumn('lead_list_id', 'text', (col) =>
      col.references('lead_lists.id').onDelete('set null'),
    )
    .addColumn('delivered_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('icp_deliveries_pk', ['icp_id', 'period_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('icp_deliveries').execute();
  await db.schema.dropTable('icp_schedules').execute();
}
