import type { Kysely } from 'kysely';
import type { Db } from '../connect.js';
import { isPostgres } from '../dialect.js';

const companyTextColumns = [
  'description',
  'linkedin_url',
  'logo_url',
  'hq_street_address',
  'hq_postal_code',
  'hq_locality',
  'hq_region',
];
const personTextColumns = ['linkedin_url', 'location', 'summary'];

/**
 * What a company says of itself (description, LinkedIn page, logo), where its headquarters are
 * (street, postal code, locality, region, latitude and longitude), and a person's LinkedIn
 * profile, location text and summary. All nullable: rows stored before have none of them, and a
 * lead shows null for what is not known. Coordinates are double precision on PostgreSQL (SQLite's
 * `real` is one already).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const coordinate = isPostgres(db as Db) ? 'double precision' : 'real';
  for (const column of companyTextColumns) {
    await db.schema.alterTable('companies').addColumn(column, 'text').execute();
  }
  for (const column of ['latitude', 'longitude']) {
    await db.schema.alterTable('companies').addColumn(column, coordinate).execute();
  }
  for (const column of personTextColumns) {
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...companyTextColumns, 'latitude', 'longitude']) {
    await db.schema.alterTable('companies').dropColumn(column).execute();
  }
  for (const column of personTextColumns) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
