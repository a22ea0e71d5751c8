import type { Kysely } from 'kysely';

/**
 * The daily quota of recommended companies (v2 fetch), counted in unique companies per user and
 * UTC day (`YYYY-MM-DD`): how many each user has fetched, and which, so that fetching one again
 * the same day is free. Only the current day is kept of either.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommended_companies_per_day')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('companies', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('recommended_companies_per_day_pk', ['user_id', 'day'])
    .execute();

  await db.schema
    .createTable('recommended_companies_fetched')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('recommended_companies_fetched_pk', ['user_id', 'day', 'company_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommended_companies_fetched').execute();
  await db.schema.dropTable('recommended_companies_per_day').execute();
}
