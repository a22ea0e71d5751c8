import {
  type CompanyRecordInput,
  companyRecord,
  type LeadProviderCriterion,
  type PersonRecordInput,
  personRecord,
  UNKNOWN_COMPANY_PROFILE,
} from '@icp/schema';
import { CompiledQuery } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import { testDatabase } from '../../../test/support/test-database.js';
import type { Db } from '../../db/connect.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { matchingPeoplePageQuery } from './criteria-query.js';
import { countMatches, findLeads } from './find-leads.js';
import { readCriteria } from './provider-filters.js';

const companies: CompanyRecordInput[] = [
  {
    id: 'c-acme',
    name: 'Acme GmbH',
    industry: 'Software',
    keywords: ['SaaS', 'B2B'],
    employeeCount: 420,
    country: 'de',
    state: 'Bavaria',
    city: 'Munich',
  },
  {
    id: 'c-globex',
    name: 'Globex Inc',
    industry: 'Finance',
    keywords: ['Payments'],
    employeeCount: 6_000,
    country: 'us',
    state: 'California',
    city: 'San Francisco',
  },
  {
    id: 'c-initech',
    name: 'Initech AG',
    industry: 'Software',
    keywords: ['ERP'],
    employeeCount: 80,
    country: 'ch',
    city: 'Zurich',
  },
  {
    id: 'c-labs',
    name: 'Test Labs Ltd',
    industry: 'Technology',
    keywords: ['QA'],
    employeeCount: 1_500,
    country: 'gb',
    city: 'London',
  },
  { id: 'c-umbrella', name: 'Umbrella SA', industry: 'Healthcare', country: 'fr' },
];

const people: PersonRecordInput[] = [
  {
    id: 'p-01',
    firstName: 'Ana',
    lastName: 'Schmidt',
    jobTitle: 'Vice President of Engineering',
    seniority: 'VP',
    skills: ['Kubernetes', 'Go'],
    country: 'de',
    state: 'Bavaria',
    city: 'Munich',
    companyId: 'c-acme',
  },
  {
    id: 'p-02',
    firstName: 'Ben',
    lastName: 'Weber',
    jobTitle: 'CTO & Co-Founder',
    seniority: 'C-Level',
    skills: ['Python'],
    country: 'de',
    state: 'Berlin',
    city: 'Berlin',
    companyId: 'c-acme',
  },
  {
    id: 'p-03',
    firstName: 'Cara',
    lastName: 'Jones',
    jobTitle: 'Chief Technology Officer',
    seniority: 'C-Level',
    skills: ['Go'],
    country: 'us',
    state: 'California',
    city: 'San Francisco',
    companyId: 'c-globex',
  },
  {
    id: 'p-04',
    firstName: 'Dan',
    lastName: 'Smith',
    jobTitle: 'Senior Software Engineer',
    seniority: 'Senior',
    skills: ['go', 'Rust'],
    // Works remotely for a US company.
    country: 'ca',
    city: 'Toronto',
    companyId: 'c-globex',
  },
  {
    id: 'p-05',
    firstName: 'Eva',
    lastName: 'Keller',
    jobTitle: 'Head of Technology',
    seniority: 'Head',
    country: 'ch',
    city: 'Zurich',
    companyId: 'c-initech',
  },
  {
    id: 'p-06',
    firstName: 'Finn',
    lastName: 'Brown',
    jobTitle: 'Engineering Manager',
    seniority: 'Manager',
    skills: ['Kubernetes'],
    country: 'gb',
    city: 'London',
    companyId: 'c-labs',
  },
  {
    id: 'p-07',
    firstName: 'Gia',
    lastName: 'Rossi',
    jobTitle: 'VP Sales',
    seniority: 'VP',
    country: 'fr',
    city: 'Paris',
    companyId: 'c-umbrella',
  },
  {
    id: 'p-08',
    firstName: 'Hal',
    lastName: 'Costa',
    jobTitle: 'CTO',
    seniority: 'C-Level',
    country: 'br',
  },
];

async function store(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await saveCompanies(
      tx,
      companies.map((company) => companyRecord.parse(company)),
    );
    await savePeople(
      tx,
      people.map((person) => personRecord.parse(person)),
    );
  });
}

const person = (filters: Record<string, unknown>): LeadProviderCriterion => ({
  provider: 'baseProvider',
  type: 'person',
  filters,
});
const company = (filters: Record<string, unknown>): LeadProviderCriterion => ({
  provider: 'baseProvider',
  type: 'company',
  filters,
});

const NOW = new Date('2026-11-23T09:00:00.000Z');

describe('lead provider criteria', () => {
  const temp = useTempDatabase();
  beforeEach(() => store(temp.db));

  const search = (...leadProviderCriteria: LeadProviderCriterion[]) =>
    findLeads(
      temp.db,
      { leadProviderCriteria, customFilterCriteria: [] },
      { limit: 100, now: NOW },
    );
  const idsOf = async (...criteria: LeadProviderCriterion[]) =>
    (await search(...criteria)).leads.map((lead) => lead.person.id);

  it('job_title matches a person whose title holds every word of any listed title', async () => {
    expect(await idsOf(person({ job_title: ['VP Engineering'] }))).toEqual(['p-01']);
    expect(await idsOf(person({ job_title: ['CTO'] }))).toEqual(['p-02', 'p-03', 'p-08']);
    expect(await idsOf(person({ job_title: ['Head of Technology', 'VP Sales'] }))).toEqual([
      'p-05',
      'p-07',
    ]);
    // Words match whole: "Engineer" is not "Engineering".
    expect(await idsOf(person({ job_title: ['Engineer'] }))).toEqual(['p-04']);
  });

  it('legacy job_titles searches like job_title, and both lists together match any title', async () => {
    expect(await idsOf(person({ job_titles: ['Engineering Manager'] }))).toEqual(['p-06']);
    expect(
      await idsOf(person({ job_title: ['VP Engineering'], job_titles: ['Head of Technology'] })),
    ).toEqual(['p-01', 'p-05']);
  });

  it('seniority matches catalog levels in any case', async () => {
    expect(await idsOf(person({ seniority: ['c-level', 'HEAD'] }))).toEqual([
      'p-02',
      'p-03',
      'p-05',
      'p-08',
    ]);
    expect(await idsOf(person({ seniority: ['Wizard'] }))).toEqual([]);
  });

  it('skills matches people with any listed skill, in any case', async () => {
    expect(await idsOf(person({ skills: ['GO'] }))).toEqual(['p-01', 'p-03', 'p-04']);
    expect(await idsOf(person({ skills: ['rust', 'python'] }))).toEqual(['p-02', 'p-04']);
  });

  it('location.country takes country codes and English names in any case', async () => {
    expect(await idsOf(person({ location: { country: ['Germany', 'CH'] } }))).toEqual([
      'p-01',
      'p-02',
      'p-05',
    ]);
    expect(await idsOf(person({ location: { country: ['united states'] } }))).toEqual(['p-03']);
    expect(await idsOf(person({ location: { country: ['USA', 'UK'] } }))).toEqual(['p-03', 'p-06']);
    expect(await idsOf(person({ location: { country: ['Atlantis'] } }))).toEqual([]);
  });

  it('location.country expands a world region such as W-EMEA to its countries', async () => {
    expect(await idsOf(person({ location: { country: ['W-EMEA'] } }))).toEqual([
      'p-01',
      'p-02',
      'p-05',
      'p-06',
      'p-07',
    ]);
    expect(await idsOf(person({ location: { country: ['w-na'] } }))).toEqual(['p-03', 'p-04']);
  });

  it('location.state and location.city compare without case', async () => {
    expect(await idsOf(person({ location: { state: ['bavaria', 'CALIFORNIA'] } }))).toEqual([
      'p-01',
      'p-03',
    ]);
    expect(await idsOf(person({ location: { city: ['zurich'] } }))).toEqual(['p-05']);
  });

  it('company.industry matches catalog industries in any case', async () => {
    expect(await idsOf(person({ company: { industry: ['software', 'Healthcare'] } }))).toEqual([
      'p-01',
      'p-02',
      'p-05',
      'p-07',
    ]);
  });

  it('company.keywords matches people at companies with any listed keyword', async () => {
    expect(await idsOf(person({ company: { keywords: ['saas', 'PAYMENTS'] } }))).toEqual([
      'p-01',
      'p-02',
      'p-03',
      'p-04',
    ]);
  });

  it('company.employee_size bounds are inclusive, and a company of unknown size is left out', async () => {
    expect(await idsOf(person({ company: { employee_size: { min: 420, max: 1_500 } } }))).toEqual([
      'p-01',
      'p-02',
      'p-06',
    ]);
    expect(await idsOf(person({ company: { employee_size: { min: 5_000 } } }))).toEqual([
      'p-03',
      'p-04',
    ]);
    expect(await idsOf(person({ company: { employee_size: { max: 80 } } }))).toEqual(['p-05']);
  });

  it('legacy company_size bands match a company in any of them, open bands included', async () => {
    expect(await idsOf(person({ company_size: ['51-200', '5001+'] }))).toEqual([
      'p-03',
      'p-04',
      'p-05',
    ]);
    expect(await idsOf(person({ company_size: ['1,001 - 5,000'] }))).toEqual(['p-06']);
  });

  describe('keys beyond the documented ones, as the v2 API needs them', () => {
    beforeEach(async () => {
      await temp.db.transaction().execute(async (tx) => {
        await saveCompanies(tx, [
          companyRecord.parse({
            id: 'c-rich',
            name: 'Rich Corp',
            revenue: 90_000_000,
            country: 'fr',
          }),
          companyRecord.parse({
            id: 'c-small',
            name: 'Small Corp',
            revenue: 2_000_000,
            country: 'de',
          }),
        ]);
        await savePeople(tx, [
          personRecord.parse({
            ...{ id: 'p-91', firstName: 'Eva', lastName: 'Roux', jobTitle: 'Data Engineer' },
            ...{ department: 'Engineering', country: 'de', companyId: 'c-rich' },
          }),
          personRecord.parse({
            ...{ id: 'p-92', firstName: 'Tom', lastName: 'Kern', jobTitle: 'Brand Lead' },
            ...{ department: 'Marketing', country: 'fr', companyId: 'c-small' },
          }),
        ]);
      });
    });

    it('department matches catalog departments in any case', async () => {
      expect(await idsOf(person({ department: ['engineering'] }))).toEqual(['p-91']);
      expect((await search(person({ department: ['Engineering'] }))).leads[0]?.reasons).toEqual([
        'department Engineering',
      ]);
    });

    it('company.location checks where the company is, even in a person search', async () => {
      expect(await idsOf(person({ company: { location: { country: ['fr'] } } }))).toEqual([
        'p-07',
        'p-91',
      ]);
      expect(await idsOf(person({ location: { country: ['fr'] } }))).toEqual(['p-07', 'p-92']);
    });

    it('company.revenue bounds are inclusive; a company of unknown revenue is left out', async () => {
      expect(
        await idsOf(person({ company: { revenue: { min: 2_000_000, max: 2_000_000 } } })),
      ).toEqual(['p-92']);
      expect(await idsOf(person({ company: { revenue: { min: 50_000_000 } } }))).toEqual(['p-91']);
    });
  });

  it('the filters of one criterion must all hold', async () => {
    expect(
      await idsOf(
        person({
          job_title: ['CTO', 'VP Engineering', 'Head of Technology'],
          location: { country: ['Germany', 'Austria', 'Switzerland'] },
          company: { employee_size: { min: 100, max: 5_000 } },
        }),
      ),
    ).toEqual(['p-01', 'p-02']);
  });

  it('several criteria match anyone matching one of them, each person once', async () => {
    const result = await search(
      person({ job_title: ['CTO'], location: { country: ['de'] } }),
      person({ seniority: ['Head'] }),
      person({ company: { industry: ['Software'] } }),
    );

    expect(result.leads.map((lead) => lead.person.id)).toEqual(['p-01', 'p-02', 'p-05']);
    expect(result.total).toBe(3);
  });

  it('a company search finds the people at matching companies, located by the company', async () => {
    // Dan lives in Canada but works for a US company.
    expect(await idsOf(company({ location: { country: ['us'] } }))).toEqual(['p-03', 'p-04']);
    expect(await idsOf(person({ location: { country: ['us'] } }))).toEqual(['p-03']);
    expect(await idsOf(company({ company: { industry: ['Software'] } }))).toEqual([
      'p-01',
      'p-02',
      'p-05',
    ]);
  });

  it('a company search narrows the people by the person keys it also gives', async () => {
    expect(
      await idsOf(company({ company: { industry: ['Software'] }, job_title: ['CTO'] })),
    ).toEqual(['p-02']);
    // Hal has no company, so no company search finds him.
    expect(await idsOf(company({ job_title: ['CTO'] }))).toEqual(['p-02', 'p-03']);
  });

  it('a criterion without type is a person search', async () => {
    expect(
      await idsOf({ provider: 'baseProvider', filters: { location: { country: ['us'] } } }),
    ).toEqual(['p-03']);
  });

  it('an empty list asks for nothing, so it does not narrow the search', async () => {
    expect(await idsOf(person({ job_title: [], skills: ['Python'] }))).toEqual(['p-02']);
  });

  it('no criteria, or none the engine can apply, match no one', async () => {
    expect(await search()).toEqual({ total: 0, leads: [], notApplied: [], ignoredFilterKeys: [] });
    expect(await search(person({}))).toMatchObject({ total: 0, leads: [] });
    expect(await search(person({ revenue: { min: 1_000_000 } }))).toEqual({
      total: 0,
      leads: [],
      notApplied: [],
      ignoredFilterKeys: ['leadProviderCriteria[0].filters.revenue'],
    });
  });

  it('reports the keys it does not apply, and applies the others', async () => {
    const result = await search(
      person({
        job_title: ['CTO'],
        languages: ['German'],
        location: { country: ['de'], region: ['Bavaria'] },
      }),
      person({ company_size: ['501-1000', 'huge'], company: { funding: { min: 1 } } }),
    );

    expect(result.ignoredFilterKeys).toEqual([
      'leadProviderCriteria[0].filters.languages',
      'leadProviderCriteria[0].filters.location.region',
      'leadProviderCriteria[1].filters.company_size[1]',
      'leadProviderCriteria[1].filters.company.funding',
    ]);
    expect(result.leads.map((lead) => lead.person.id)).toEqual(['p-02']);
  });

  it('says why each lead matched', async () => {
    const result = await search(
      person({
        job_title: ['CTO', 'VP Engineering'],
        location: { country: ['Germany'], city: ['munich'] },
        company: { employee_size: { min: 100, max: 5_000 }, industry: ['Software'] },
        skills: ['go', 'kubernetes'],
      }),
      company({ company: { keywords: ['saas'] }, company_size: ['201-500'], seniority: ['VP'] }),
    );

    expect(result.leads).toHaveLength(1);
    expect(result.leads[0]?.reasons).toEqual([
      'job title "VP Engineering" matches "Vice President of Engineering"',
      'located in Germany',
      'located in Munich',
      '420 employees (100-5000)',
      'industry Software',
      'skills Kubernetes, Go',
      'company keyword SaaS',
      '420 employees (band 201-500)',
      'seniority VP',
    ]);
  });

  it('gives each lead its person and company as stored', async () => {
    const result = await search(person({ job_title: ['Head of Technology'] }));

    expect(result.leads).toEqual([
      {
        person: {
          id: 'p-05',
          firstName: 'Eva',
          lastName: 'Keller',
          jobTitle: 'Head of Technology',
          seniority: 'Head',
          department: null,
          skills: [],
          country: 'ch',
          state: null,
          city: 'Zurich',
          email: null,
          source: 'provider',
          linkedInUrl: null,
          location: null,
          summary: null,
        },
        company: {
          id: 'c-initech',
          name: 'Initech AG',
          domain: null,
          industry: 'Software',
          keywords: ['ERP'],
          employeeCount: 80,
          revenue: null,
          country: 'ch',
          state: null,
          city: 'Zurich',
          foundedYear: null,
          ...UNKNOWN_COMPANY_PROFILE,
        },
        reasons: ['job title "Head of Technology" matches "Head of Technology"'],
      },
    ]);
    expect((await search(person({ job_title: ['CTO'] }))).leads.at(-1)?.company).toBeNull();
  });

  it('total and countMatches count the people matching the provider criteria', async () => {
    const criteria = [person({ location: { country: ['W-EMEA'] } })];
    const result = await findLeads(
      temp.db,
      { leadProviderCriteria: criteria, customFilterCriteria: [] },
      { limit: 2, now: NOW },
    );

    expect(result.total).toBe(5);
    expect(result.leads).toHaveLength(2);
    expect(await countMatches(temp.db, criteria)).toBe(5);
    expect(await countMatches(temp.db, [])).toBe(0);
  });

  it('returns leads in person-id order, so pages follow one another without gaps', async () => {
    const criteria = [person({ location: { country: ['W-EMEA', 'W-NA', 'br'] } })];
    const page = async (offset: number, limit: number) =>
      (
        await findLeads(
          temp.db,
          { leadProviderCriteria: criteria, customFilterCriteria: [] },
          { limit, offset, now: NOW, pageSize: 2 },
        )
      ).leads.map((lead) => lead.person.id);

    const all = await page(0, 100);
    expect(all).toEqual(['p-01', 'p-02', 'p-03', 'p-04', 'p-05', 'p-06', 'p-07', 'p-08']);
    expect([...(await page(0, 3)), ...(await page(3, 3)), ...(await page(6, 3))]).toEqual(all);
    expect(await page(0, 3)).toEqual(await page(0, 3));
    expect(await page(8, 3)).toEqual([]);
  });

  it('refuses a negative or fractional limit or offset', async () => {
    const input = { leadProviderCriteria: [], customFilterCriteria: [] };
    await expect(findLeads(temp.db, input, { limit: -1, now: NOW })).rejects.toThrow(RangeError);
    await expect(findLeads(temp.db, input, { limit: 1, offset: 0.5, now: NOW })).rejects.toThrow(
      RangeError,
    );
  });

  // The plan is SQLite's; PostgreSQL plans by its statistics.
  it.skipIf(testDatabase === 'postgres')(
    'looks job titles up through the title-word index rather than scanning people',
    async () => {
      const { criteria } = readCriteria([person({ job_title: ['CTO', 'VP Engineering'] })]);
      for (const after of [null, 'p-01']) {
        const query = matchingPeoplePageQuery(temp.db, criteria, { after, limit: 10 }).compile();
        const plan = await temp.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
        );
        const steps = plan.rows.map((row) => row.detail);

        expect(steps).toContainEqual(
          expect.stringMatching(/SEARCH person_title_words USING .*INDEX .*\(word=\?\)/),
        );
        expect(steps).toContainEqual(expect.stringMatching(/SEARCH people USING .*\(id=\?\)/));
        expect(steps.filter((step) => /^SCAN people\b/.test(step))).toEqual([]);
      }
    },
  );
});
