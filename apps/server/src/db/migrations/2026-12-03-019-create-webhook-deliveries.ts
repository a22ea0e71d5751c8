import type { Kysely } from 'kysely';

/**
 * The webhook outbox and its record. A message (`webhook_deliveries`) is written in the
 * transaction that commits its lead list, is due at `next_attempt_at`, and is deleted once it
 * was delivered or given up; a sender claims it by moving `next_attempt_at` past the time its
 * attempt can take and writing its `claim_token`. Every attempt is kept in `webhook_attempts`
 * (the last few per schedule).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('schedule_id', 'text', (col) => col.notNull())
    .addColumn('icp_id', 'text', (col) => col.notNull())
    .addColumn('lead_list_id', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('first_attempt_at', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('claim_token', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .columns(['next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_schedule_idx')
    .on('webhook_deliveries')
    .columns(['schedule_id'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('schedule_id', 'text', (col) => col.notNull())
    .addColumn('lead_list_id', 'text', (col) => col.notNull())
    .addColumn('attempted_at', 'text', (col) => col.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addColumn('next_retry_at', 'text')
    .addPrimaryKeyConstraint('webhook_attempts_pk', ['message_id', 'attempt'])
    .execute();
  await db.schema
    .createIndex('webhook_attempts_schedule_idx')
    .on('webhook_attempts')
    .columns(['schedule_id', 'attempted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
}
