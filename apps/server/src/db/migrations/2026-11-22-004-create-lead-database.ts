import type { Kysely } from 'kysely';

/**
 * The built-in lead source (`baseProvider`): companies and people, plus word tables so that
 * searching job titles, skills and company keywords is an indexed lookup, not a scan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('domain', 'text', (col) => col.unique())
    .addColumn('industry', 'text')
    .addColumn('keywords', 'text', (col) => col.notNull())
    .addColumn('employee_count', 'integer')
    .addColumn('revenue', 'bigint')
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('city', 'text')
    .addColumn('founded_year', 'integer')
    .execute();
  for (const column of ['country', 'industry', 'employee_count']) {
    await db.schema.createIndex(`companies_${column}_idx`).on('companies').column(column).execute();
  }
  await db.schema
    .createTable('company_keywords')
    .addColumn('keyword', 'text', (col) => col.notNull())
    .addColumn('company_id', 'text', (col) =>
      col.notNull().references('companies.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('company_keywords_pk', ['keyword', 'company_id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('job_title', 'text', (col) => col.notNull())
    .addColumn('seniority', 'text')
    .addColumn('department', 'text')
    .addColumn('skills', 'text', (col) => col.notNull())
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('city', 'text')
    .addColumn('company_id', 'text', (col) => col.references('companies.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .execute();
  for (const column of ['company_id', 'country', 'seniority', 'department', 'email']) {
    await db.schema.createIndex(`people_${column}_idx`).on('people').column(column).execute();
  }
  // One row per canonical word of a person's job title (see leads/job-title.ts), and per skill.
  for (const [table, column] of [
    ['person_title_words', 'word'],
    ['person_skills', 'skill'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(column, 'text', (col) => col.notNull())
      .addColumn('person_id', 'text', (col) =>
        col.notNull().references('people.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint(`${table}_pk`, [column, 'person_id'])
      .execute();
    await db.schema.createIndex(`${table}_person_idx`).on(table).column('person_id').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'person_skills',
    'person_title_words',
    'people',
    'company_keywords',
    'companies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
