import type { Kysely } from 'kysely';

/** What a list's CRM filters brought in (JSON); lists made before CRM sourcing had none asked. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('lead_lists')
    .addColumn('crm_sourcing', 'text', (col) =>
      col.notNull().defaultTo('{"status":"not-requested","contacts":0}'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lead_lists').dropColumn('crm_sourcing').execute();
}
