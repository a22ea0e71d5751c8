import type { Kysely } from 'kysely';

/**
 * The companies recommended to each v2 ICP, one UTC day (`YYYY-MM-DD`) at a time. A day is
 * generated once: its (icp, day) key is taken by the one transaction that stores it, and every
 * other fetch of that day (of any replica) reads what it stored. A company is recommended to an
 * ICP at most once, on one day, which the (icp, company) key holds. Only the current day's
 * answers are kept whole: an ICP holds at most one day of them, and the ids of the rest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendation_days')
    .addColumn('icp_id', 'text', (col) =>
      col.notNull().references('recommendation_icps.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('generated_at', 'text', (col) => col.notNull())
    .addColumn('company_count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('recommendation_days_pk', ['icp_id', 'day'])
    .execute();

  await db.schema
    .createTable('recommended_companies')
    .addColumn('icp_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) => col.notNull())
    .addColumn('fit_score', 'integer', (col) => col.notNull())
    // JSON: the company as the day's answer shows it; null once the day is over, when only
    // the id is still needed (so that the company never comes back).
    .addColumn('answer', 'text')
    .addPrimaryKeyConstraint('recommended_companies_pk', ['icp_id', 'day', 'position'])
    .addUniqueConstraint('recommended_companies_once_key', ['icp_id', 'company_id'])
    .addForeignKeyConstraint(
      'recommended_companies_day_fk',
      ['icp_id', 'day'],
      'recommendation_days',
      ['icp_id', 'day'],
      (constraint) => constraint.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommended_companies').execute();
  await db.schema.dropTable('recommendation_days').execute();
}
