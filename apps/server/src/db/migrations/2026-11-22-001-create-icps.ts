import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('icps')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    // Criteria are stored as the JSON text they were validated into, so key order survives.
    .addColumn('lead_provider_criteria', 'text', (col) => col.notNull())
    .addColumn('custom_filter_criteria', 'text', (col) => col.notNull())
    .addColumn('crm_filters', 'text')
    .addColumn('user_ids', 'text', (col) => col.notNull())
    .addColumn('leads_per_list', 'integer', (col) => col.notNull())
    .addColumn('active_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // The access index: one row per (user, ICP), ordered as the list endpoint returns them.
  await db.schema
    .createTable('icp_members')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('icp_created_at', 'text', (col) => col.notNull())
    .addColumn('icp_id', 'text', (col) => col.notNull().references('icps.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('icp_members_pk', ['user_id', 'icp_created_at', 'icp_id'])
    .execute();
  await db.schema
    .createIndex('icp_members_icp_id_idx')
    .on('icp_members')
    .column('icp_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('icp_members').execute();
  await db.schema.dropTable('icps').execute();
}
