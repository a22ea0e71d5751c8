import type { Kysely } from 'kysely';

/** Leads each user stored in lead lists per UTC day (`YYYY-MM-DD`), for the daily quota. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stored_leads_per_day')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('leads', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('stored_leads_per_day_pk', ['user_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stored_leads_per_day').execute();
}
