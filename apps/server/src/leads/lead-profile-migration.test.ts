import { companyRecord, personRecord, UNKNOWN_COMPANY_PROFILE } from '@icp/schema';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import type { Db } from '../db/connect.js';
import { migratorFor } from '../db/migrate.js';
import { saveCompanies, savePeople } from './lead-records.repository.js';
import { leadOfRow, leadRowsOf } from './matching/lead-row.js';

const BEFORE = '2026-12-02-014-track-lead-revisions';
const MIGRATION = '2026-12-03-015-add-lead-profile-fields';

async function migrateTo(db: Db, name: string): Promise<void> {
  const { error, results } = await (await migratorFor(db)).migrateTo(name);
  if (error !== undefined) throw error;
  const failed = results?.find((result) => result.status === 'Error');
  if (failed !== undefined) throw new Error(`${failed.migrationName} failed`);
}

/** The columns of the first row of `table` (in the connection's own schema). */
async function columnsOf(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<object>`select * from ${sql.table(table)}`.execute(db);
  return Object.keys(rows[0] ?? {});
}

describe('the migration that adds profile fields to companies and people', () => {
  const temp = useTempDatabase({ migrated: false });
  let db: Db;
  beforeEach(async () => {
    db = temp.db;
    await migrateTo(db, BEFORE);
  });

  it('leaves the companies and people stored before with null fields, and goes down again', async () => {
    // The columns companies and people had before.
    await sql`insert into companies (id, name, domain, keywords, country, city)
      values ('c-1', 'Acme GmbH', 'acme.de', '["robots"]', 'de', 'Munich')`.execute(db);
    await sql`insert into people (id, first_name, last_name, job_title, skills, company_id, source)
      values ('p-1', 'Ana', 'Schmidt', 'CTO', '[]', 'c-1', 'provider')`.execute(db);

    await migrateTo(db, MIGRATION);

    const [row] = await leadRowsOf(db, ['p-1']);
    const lead = leadOfRow(row as NonNullable<typeof row>);
    expect(lead.person).toMatchObject({
      firstName: 'Ana',
      linkedInUrl: null,
      location: null,
      summary: null,
    });
    expect(lead.company).toMatchObject({
      name: 'Acme GmbH',
      city: 'Munich',
      ...UNKNOWN_COMPANY_PROFILE,
    });

    await migrateTo(db, BEFORE);

    expect(await columnsOf(db, 'companies')).toContain('city');
    expect(await columnsOf(db, 'companies')).not.toContain('latitude');
    expect(await columnsOf(db, 'people')).toContain('first_name');
    expect(await columnsOf(db, 'people')).not.toContain('summary');
  });

  it('keeps coordinates in double precision', async () => {
    await migrateTo(db, MIGRATION);
    const company = companyRecord.parse({
      id: 'c-1',
      name: 'Acme',
      latitude: 48.137154123456,
      longitude: -11.576124987654,
    });
    await db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [company]);
      await savePeople(tx, [
        personRecord.parse({
          id: 'p-1',
          firstName: 'A',
          lastName: 'B',
          jobTitle: 'CTO',
          companyId: 'c-1',
        }),
      ]);
    });

    const [row] = await leadRowsOf(db, ['p-1']);
    expect(leadOfRow(row as NonNullable<typeof row>).company).toMatchObject({
      latitude: 48.137154123456,
      longitude: -11.576124987654,
    });
  });
});
