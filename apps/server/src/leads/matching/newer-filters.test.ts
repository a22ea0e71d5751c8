/**
 * The filters of the v2 ICP's newer reference, as lead provider criteria: what each one keeps
 * and leaves out, on the lead index and on the SQL engine alike, and from a v2 ICP end to end.
 */
import {
  companyRecord,
  type LeadProviderCriterion,
  personRecord,
  type RecommendationIcp,
} from '@icp/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/support/temp-database.js';
import { criteriaOfRecommendationIcp } from '../../recommendations/recommendation-criteria.js';
import { leadEngineOf } from '../index/lead-engine-of.js';
import { saveCompanies, savePeople } from '../lead-records.repository.js';
import { findLeads } from './find-leads.js';
import type { LeadEngine } from './lead-engine.js';
import { readCriteria } from './provider-filters.js';
import { sqlReferenceEngine } from './sql-reference-engine.js';

const companies = [
  {
    ...{ id: 'c-acme', name: 'Acme', domain: 'acme.io', industry: 'Software' },
    ...{ employeeCount: 40, revenue: 3_000_000, foundedYear: 2015 },
  },
  {
    ...{ id: 'c-globex', name: 'Globex', domain: 'globex.com', industry: 'Finance' },
    ...{ employeeCount: 2_500, revenue: 400_000_000, foundedYear: 1989 },
  },
  {
    ...{ id: 'c-gaming', name: 'Pixel Play', domain: 'pixel.gg', industry: 'Gaming' },
    ...{ employeeCount: 300, revenue: 60_000_000, foundedYear: 2004 },
  },
  // Nothing known of it but its name.
  { id: 'c-bare', name: 'Bare Ltd' },
].map((company) => companyRecord.parse(company));

const people = [
  ['p-1', 'Chief Executive Officer', 'Executive', 'c-acme'],
  ['p-2', 'Software Engineer', 'Engineering', 'c-acme'],
  ['p-3', 'Senior Software Engineer', 'Engineering', 'c-globex'],
  ['p-4', 'Account Executive', 'Sales', 'c-globex'],
  ['p-5', 'software engineer', 'Engineering', 'c-gaming'],
  ['p-6', 'Sales Manager', 'Sales', 'c-bare'],
  ['p-7', 'Software Engineer', null, null],
].map(([id, jobTitle, department, companyId]) =>
  personRecord.parse({
    ...{ id, firstName: 'Sam', lastName: id, jobTitle },
    ...(department && { department }),
    ...(companyId && { companyId }),
  }),
);

const NOW = new Date('2026-12-03T09:00:00.000Z');
const person = (filters: Record<string, unknown>): LeadProviderCriterion => ({
  provider: 'baseProvider',
  type: 'person',
  filters,
});

describe('the newer filters, on the lead index and on the SQL engine', () => {
  const temp = useTempDatabase();
  beforeEach(async () => {
    await temp.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, companies);
      await savePeople(tx, people);
    });
  });

  const engines: [string, (db: typeof temp.db) => LeadEngine][] = [
    ['index', leadEngineOf],
    ['sql', sqlReferenceEngine],
  ];

  async function search(engine: LeadEngine, ...leadProviderCriteria: LeadProviderCriterion[]) {
    return findLeads(
      temp.db,
      { leadProviderCriteria, customFilterCriteria: [] },
      { limit: 100, now: NOW, engine },
    );
  }

  describe.each(engines)('%s', (_, engineOf) => {
    const idsOf = async (filters: Record<string, unknown>) =>
      (await search(engineOf(temp.db), person(filters))).leads.map((lead) => lead.person.id);

    it('exact_job_title matches the whole title in any case, never a part of it', async () => {
      expect(await idsOf({ exact_job_title: ['  SOFTWARE engineer '] })).toEqual([
        'p-2',
        'p-5',
        'p-7',
      ]);
      // By words, "Software Engineer" also finds the senior one.
      expect(await idsOf({ job_title: ['Software Engineer'] })).toEqual([
        'p-2',
        'p-3',
        'p-5',
        'p-7',
      ]);
      expect(await idsOf({ exact_job_title: ['Engineer'] })).toEqual([]);
    });

    it('exact titles and titles by words are one list: either matches', async () => {
      expect(
        await idsOf({ job_title: ['Account Executive'], exact_job_title: ['Sales Manager'] }),
      ).toEqual(['p-4', 'p-6']);
    });

    it('exclude_department is an AND NOT: people without a department stay', async () => {
      expect(await idsOf({ job_title: ['Engineer'], exclude_department: ['engineering'] })).toEqual(
        ['p-7'],
      );
      // Alone, it leaves everyone else.
      expect(await idsOf({ exclude_department: ['Sales', 'Executive'] })).toEqual([
        'p-2',
        'p-3',
        'p-5',
        'p-7',
      ]);
    });

    it('company.domain keeps only the people of those companies, in any case', async () => {
      expect(await idsOf({ company: { domain: ['ACME.io', 'pixel.gg'] } })).toEqual([
        'p-1',
        'p-2',
        'p-5',
      ]);
      expect(await idsOf({ company: { domain: ['nobody.example'] } })).toEqual([]);
    });

    it('company.exclude_domain leaves out their people; people without a company stay', async () => {
      expect(
        await idsOf({ job_title: ['Engineer'], company: { exclude_domain: ['acme.io'] } }),
      ).toEqual(['p-3', 'p-5', 'p-7']);
    });

    it('company.exclude_industry leaves out those industries, keeping unknown ones', async () => {
      expect(await idsOf({ company: { exclude_industry: ['Software', 'gaming'] } })).toEqual([
        'p-3',
        'p-4',
        'p-6',
        'p-7',
      ]);
      expect(
        await idsOf({
          company: { industry: ['Software', 'Finance'], exclude_industry: ['Finance'] },
        }),
      ).toEqual(['p-1', 'p-2']);
    });

    it('company.employee_sizes and revenues match a company in any of their ranges', async () => {
      expect(
        await idsOf({ company: { employee_sizes: [{ max: 50 }, { min: 1_000, max: 5_000 }] } }),
      ).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
      expect(
        await idsOf({
          company: { revenues: [{ min: 50_000_000, max: 100_000_000 }, { min: 1_000_000_000 }] },
        }),
      ).toEqual(['p-5']);
    });

    it('company.founded_year bounds are inclusive; an unknown year is left out', async () => {
      expect(await idsOf({ company: { founded_year: { min: 1989, max: 2004 } } })).toEqual([
        'p-3',
        'p-4',
        'p-5',
      ]);
      expect(await idsOf({ company: { founded_year: { max: 1988 } } })).toEqual([]);
    });
  });

  it('says why a lead matched an exact title, a domain, a range list and a founding year', async () => {
    const result = await search(
      leadEngineOf(temp.db),
      person({
        exact_job_title: ['chief executive officer'],
        exclude_department: ['Sales'],
        company: {
          domain: ['acme.io'],
          employee_sizes: [{ min: 10, max: 100 }],
          revenues: [{ max: 5_000_000 }],
          founded_year: { min: 2010 },
        },
      }),
    );
    expect(result.leads.map((lead) => lead.reasons)).toEqual([
      [
        'job title exactly "Chief Executive Officer"',
        'company domain acme.io',
        '40 employees (10-100)',
        'revenue $3,000,000 (at most 5000000)',
        'founded in 2015 (at least 2010)',
      ],
    ]);
  });

  it('a range list without a readable range is reported, never applied as "any company"', () => {
    const { criteria, ignoredFilterKeys } = readCriteria([
      person({ company: { employee_sizes: [{}, { min: 'ten' }], revenues: 'big' } }),
    ]);
    expect(criteria).toEqual([]);
    expect(ignoredFilterKeys).toEqual([
      'leadProviderCriteria[0].filters.company.employee_sizes[0]',
      'leadProviderCriteria[0].filters.company.employee_sizes[1].min',
      'leadProviderCriteria[0].filters.company.employee_sizes[1]',
      'leadProviderCriteria[0].filters.company.revenues',
    ]);
  });

  describe('a v2 ICP', () => {
    const icpOf = (icp: Omit<RecommendationIcp, 'id'>): RecommendationIcp => ({
      id: '00000000-0000-4000-8000-000000000000',
      ...icp,
    });
    const idsOf = async (icp: Omit<RecommendationIcp, 'id'>) =>
      (
        await findLeads(
          temp.db,
          {
            leadProviderCriteria: criteriaOfRecommendationIcp(icpOf(icp)),
            customFilterCriteria: [],
          },
          { limit: 100, now: NOW },
        )
      ).leads.map((lead) => lead.person.id);

    it('takes employeeCount and employeeCounts as one filter: the union of their ranges', async () => {
      expect(
        await idsOf({
          companies: {
            employeeCount: { from: 1, to: 50 },
            employeeCounts: [{ from: 200, to: 400 }],
          },
        }),
      ).toEqual(['p-1', 'p-2', 'p-5']);
      expect(await idsOf({ companies: { employeeCount: { from: 1, to: 50 } } })).toEqual([
        'p-1',
        'p-2',
      ]);
      expect(
        await idsOf({
          companies: { revenue: { from: 0, to: 5_000_000 }, revenues: [{ from: 1e8, to: 1e9 }] },
        }),
      ).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    });

    it('applies includes and exclusions of companies and people together', async () => {
      expect(
        await idsOf({
          companies: {
            includeDomains: ['acme.io', 'globex.com'],
            excludeIndustries: ['Finance'],
            yearFounded: { from: 2000, to: 2030 },
          },
          people: { excludeDepartments: ['Executive'] },
        }),
      ).toEqual(['p-2']);
      expect(
        await idsOf({
          companies: { excludeDomains: ['acme.io'] },
          people: { exactJobTitles: ['Software Engineer'] },
        }),
      ).toEqual(['p-5', 'p-7']);
    });
  });
});
