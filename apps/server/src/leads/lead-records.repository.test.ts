import { companyRecord, personRecord } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { countLeadRecords, saveCompanies, savePeople } from './lead-records.repository.js';

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

  it('refuses a person whose company is not stored, and the transaction leaves nothing', async () => {
    const attempt = temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [acme]);
      await savePeople(tx, [{ ...ana, companyId: 'c-missing' }]);
    });

    await expect(attempt).rejects.toThrow(/foreign key/i);
    expect(await countLeadRecords(temp.db)).toEqual({ companies: 0, people: 0 });
  });
});
