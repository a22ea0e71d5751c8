import { companyRecord, personRecord, UNKNOWN_COMPANY_PROFILE } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { countLeadRecords, saveCompanies, savePeople } from './lead-records.repository.js';
import { currentLeadRevision } from './lead-revision.js';
import { leadOfRow, leadRowsOf } from './matching/lead-row.js';

const acme = companyRecord.parse({
  id: 'c-acme',
  name: 'Acme GmbH',
  domain: 'acme.de',
  industry: 'Software',
  keywords: ['SaaS', 'saas', 'B2B'],
  employeeCount: 420,
  country: 'DE',
});
const ana = personRecord.parse({
  id: 'p-ana',
  firstName: 'Ana',
  lastName: 'Schmidt',
  jobTitle: 'VP of Engineering',
  seniority: 'VP',
  department: 'Engineering',
  skills: ['Kubernetes', 'Go'],
  country: 'de',
  companyId: 'c-acme',
  email: 'ana@acme.de',
});

describe('the lead records repository', () => {
  const temp = useTempDatabase();

  it('stores a company and a person with their searchable words', async () => {
    await temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [acme]);
      await savePeople(tx, [ana]);
    });

    const words = await temp.db
      .selectFrom('person_title_words')
      .select('word')
      .where('person_id', '=', 'p-ana')
      .orderBy('word')
      .execute();
    const keywords = await temp.db.selectFrom('company_keywords').select('keyword').execute();
    const person = await temp.db.selectFrom('people').selectAll().executeTakeFirstOrThrow();

    expect(words.map((row) => row.word)).toEqual(['engineering', 'president', 'vice']);
    expect(keywords.map((row) => row.keyword).sort()).toEqual(['b2b', 'saas']);
    expect(person).toMatchObject({ country: 'de', company_id: 'c-acme', source: 'provider' });
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 1, people: 1 });
  });

  it('replaces a record stored under the same id, words included', async () => {
    await temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [acme]);
      await savePeople(tx, [ana]);
      await savePeople(tx, [{ ...ana, jobTitle: 'CTO', skills: [] }]);
    });

    const words = await temp.db.selectFrom('person_title_words').select('word').execute();
    const skills = await temp.db.selectFrom('person_skills').select('skill').execute();
    expect(words.map((row) => row.word).sort()).toEqual(['chief', 'officer', 'technology']);
    expect(skills).toEqual([]);
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 1, people: 1 });
  });

  it('stores what a company and a person say of themselves, and leads read it back', async () => {
    const described = companyRecord.parse({
      ...acme,
      description: 'Warehouse robots, made in Munich.',
      linkedInUrl: 'https://www.linkedin.com/company/acme',
      logoUrl: 'https://acme.de/logo.png',
      hqStreetAddress: 'Leopoldstraße 12',
      hqPostalCode: '80802',
      hqLocality: 'Munich',
      hqRegion: 'Bavaria',
      latitude: 48.13513,
      longitude: -11.58198,
    });
    const profiled = personRecord.parse({
      ...ana,
      linkedInUrl: 'https://www.linkedin.com/in/ana-schmidt',
      location: 'Munich, Bavaria, Germany',
      summary: 'Engineering leader, skilled in Kubernetes and Go.',
    });
    await temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [described]);
      await savePeople(tx, [profiled]);
    });

    const [row] = await leadRowsOf(temp.db, ['p-ana']);
    const lead = leadOfRow(row as NonNullable<typeof row>);
    expect(lead.person).toMatchObject({
      linkedInUrl: 'https://www.linkedin.com/in/ana-schmidt',
      location: 'Munich, Bavaria, Germany',
      summary: 'Engineering leader, skilled in Kubernetes and Go.',
    });
    expect(lead.company).toMatchObject({
      description: 'Warehouse robots, made in Munich.',
      linkedInUrl: 'https://www.linkedin.com/company/acme',
      logoUrl: 'https://acme.de/logo.png',
      hqStreetAddress: 'Leopoldstraße 12',
      hqPostalCode: '80802',
      hqLocality: 'Munich',
      hqRegion: 'Bavaria',
      latitude: 48.13513,
      longitude: -11.58198,
    });
    const revisions = await Promise.all(
      (['companies', 'people'] as const).map((table) =>
        temp.db.selectFrom(table).select('revision').executeTakeFirstOrThrow(),
      ),
    );
    expect(revisions.map((stored) => stored.revision)).toEqual([1, 2]);
  });

  it('reads null for what a record does not say, also once a replacement leaves it out', async () => {
    await temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        companyRecord.parse({ ...acme, description: 'Robots.', latitude: 1, longitude: 2 }),
      ]);
      await savePeople(tx, [personRecord.parse({ ...ana, summary: 'Builds things.' })]);
      await saveCompanies(tx, [acme]);
      await savePeople(tx, [ana]);
    });

    const [row] = await leadRowsOf(temp.db, ['p-ana']);
    const lead = leadOfRow(row as NonNullable<typeof row>);
    expect(lead.person).toMatchObject({ linkedInUrl: null, location: null, summary: null });
    expect(lead.company).toMatchObject({
      ...UNKNOWN_COMPANY_PROFILE,
    });
    // The replacements took later revisions, so a lead index reads them again.
    expect(await currentLeadRevision(temp.db)).toBe(4);
    const company = await temp.db.selectFrom('companies').select('revision').executeTakeFirst();
    expect(company?.revision).toBe(3);
  });

  it('refuses a person whose company is not stored, and the transaction leaves nothing', async () => {
    const attempt = temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [acme]);
      await savePeople(tx, [{ ...ana, companyId: 'c-missing' }]);
    });

    await expect(attempt).rejects.toThrow(/foreign key/i);
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 0, people: 0 });
  });
});
