import type { Kysely } from 'kysely';

/**
 * Generated lead lists. Each member keeps a snapshot of the lead as it was delivered (people
 * change later), and the (icp, person, time) index answers "used within the last N days?".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lead_lists')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('icp_id', 'text', (col) => col.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('requested_size', 'integer', (col) => col.notNull())
    .addColumn('lead_count', 'integer', (col) => col.notNull())
    .addColumn('matched_count', 'integer', (col) => col.notNull())
    // JSON: the filters that could not be applied, and the provider keys that were ignored.
    .addColumn('not_applied', 'text', (col) => col.notNull())
    .addColumn('ignored_filter_keys', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('lead_lists_icp_idx')
    .on('lead_lists')
    .columns(['icp_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('lead_list_members')
    .addColumn('lead_list_id', 'text', (col) =>
      col.notNull().references('lead_lists.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('icp_id', 'text', (col) => col.notNull())
    .addColumn('person_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('lead', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_list_members_pk', ['lead_list_id', 'position'])
    .execute();
  await db.schema
    .createIndex('lead_list_members_reuse_idx')
    .on('lead_list_members')
    .columns(['icp_id', 'person_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_list_members').execute();
  await db.schema.dropTable('lead_lists').execute();
}
