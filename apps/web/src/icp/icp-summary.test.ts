import type { LeadProviderCriterion } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import {
  describeCrmFilters,
  describeCustomFilter,
  describeLeadCriterion,
  summarizeIcp,
} from './icp-summary';
import {
  aiQualifiedSaasBuyers,
  dachTechLeaders,
  enterpriseTechDecisionMakers,
  everyCustomFilter,
  existingContactsRefresh,
} from './seed-examples';

const search = (filters: LeadProviderCriterion['filters'], type?: 'person' | 'company') =>
  describeLeadCriterion({
    provider: 'baseProvider',
    ...(type === undefined ? {} : { type }),
    filters,
  });

describe('summarizeIcp on the documented examples', () => {
  it('reads the basic person search of seed 002 as one sentence', () => {
    expect(summarizeIcp(dachTechLeaders)).toEqual({
      headline:
        'CTO, VP Engineering or Head of Technology in Germany, Austria or Switzerland at companies of 100-5,000 employees; at most 2 people per company',
      sources: [
        'CTO, VP Engineering or Head of Technology in Germany, Austria or Switzerland at companies of 100-5,000 employees',
      ],
      filters: ['At most 2 people per company'],
      abridged: false,
    });
  });

  it('reads the legacy keys job_titles and company_size of seed 003', () => {
    const summary = summarizeIcp(enterpriseTechDecisionMakers);
    expect(summary.sources).toEqual([
      'CTO, VP Engineering or Head of Technology at companies of 501-1000, 1001-5000 or 5001+ employees',
    ]);
    expect(summary.filters).toEqual([
      'At most 3 people per company',
      'Leads not reused within 180 days',
    ]);
    expect(summary.headline).not.toContain('also filtered on');
  });

  it('reads CRM sourcing with its text search and conditions (seed 002, CRM example)', () => {
    expect(summarizeIcp(existingContactsRefresh)).toEqual({
      headline:
        'Bullhorn contacts whose occupation or title matches “Director OR Manager” where address.countryName is “Germany” or “Austria” and status is “Active”; leads not reused within 90 days',
      sources: [
        'Bullhorn contacts whose occupation or title matches “Director OR Manager” where address.countryName is “Germany” or “Austria” and status is “Active”',
      ],
      filters: ['Leads not reused within 90 days'],
      abridged: false,
    });
  });

  it('shortens AI and website prompts (seed 002, AI example)', () => {
    const summary = summarizeIcp(aiQualifiedSaasBuyers);
    expect(summary.sources).toEqual([
      'IT Manager, Procurement Manager or Operations Director at companies in Technology, Finance or Healthcare',
    ]);
    expect(summary.filters).toEqual([
      'AI check of each company: “Determine if this company is likely to purchase B2B SaaS solutions based on…”',
      'Website check with browserUse: “Check if the company website mentions digital transformation or cloud adoption…”',
      'At most 3 people per company',
    ]);
    // The headline leaves prompts to the list; acronyms keep their case inside it.
    expect(summary.abridged).toBe(true);
    expect(summary.headline).toBe(
      'IT Manager, Procurement Manager or Operations Director at companies in Technology, Finance or Healthcare; AI check of each company; website check with browserUse; at most 3 people per company',
    );
  });

  it('leaves prompts out of the brief form', () => {
    expect(everyCustomFilter.map((filter) => describeCustomFilter(filter, 'brief'))).toEqual([
      'Website check with browserUse',
      'Website scraped with firecrawl',
      'AI check of each person',
      'At most 2 people per company',
      'At most 50% of leads from the CRM',
      'Leads not reused within 180 days',
      'Field company.name must match /^(?!.*Test).*$/',
    ]);
  });

  it('puts every custom filter type of seed 002 into words', () => {
    expect(everyCustomFilter.map((filter) => describeCustomFilter(filter))).toEqual([
      'Website check with browserUse: “Check if company offers B2B SaaS products”',
      'Website scraped with firecrawl to “Extract pricing information”, on pages found by “Find the pricing page”, including “enterprise” or “pricing”, excluding “free trial only”',
      'AI check of each person: “Evaluate if this person has hiring authority”',
      'At most 2 people per company',
      'At most 50% of leads from the CRM',
      'Leads not reused within 180 days',
      'Field company.name must match /^(?!.*Test).*$/',
    ]);
  });
});

describe('summarizeIcp edge cases', () => {
  it('says when there is nothing to source leads from', () => {
    expect(
      summarizeIcp({ leadProviderCriteria: [], customFilterCriteria: [], crmFilters: null }),
    ).toEqual({ headline: 'No lead sources yet', sources: [], filters: [], abridged: false });
  });

  it('joins several searches with "or" and adds CRM sourcing', () => {
    const summary = summarizeIcp({
      leadProviderCriteria: [
        {
          provider: 'baseProvider',
          type: 'company',
          filters: { company: { industry: ['Retail'] } },
        },
        { provider: 'baseProvider', filters: { job_title: ['People Partner'] } },
        { provider: 'baseProvider', filters: { seniority: ['Director'] } },
      ],
      customFilterCriteria: [],
      crmFilters: { provider: 'bullhorn' },
    });
    expect(summary.sources).toEqual([
      'Companies in Retail',
      'People Partner',
      'People at Director seniority',
      'All Bullhorn contacts',
    ]);
    expect(summary.headline).toBe(
      'Companies in Retail; or People Partner; or people at Director seniority; plus all Bullhorn contacts',
    );
  });

  it('keeps the CRM provider name capitalized mid-sentence', () => {
    expect(
      summarizeIcp({
        leadProviderCriteria: [{ provider: 'baseProvider', filters: {} }],
        customFilterCriteria: [],
        crmFilters: { provider: 'bullhorn', textSearch: 'Head*' },
      }).headline,
    ).toBe('Anyone; plus Bullhorn contacts whose occupation or title matches “Head*”');
  });

  it('fills in documented defaults for draft filters without a value', () => {
    expect(describeCustomFilter({ type: 'maxPeoplePerCompany' })).toBe(
      'At most 1 person per company',
    );
    expect(describeCustomFilter({ type: 'maxPercentFromCRM' })).toBe(
      'At most 100% of leads from the CRM',
    );
    expect(describeCustomFilter({ type: 'minDaysUntilReuse' })).toBe(
      'Leads not reused within 365 days',
    );
    expect(describeCustomFilter({ type: 'maxPercentFromCRM', value: 0 })).toBe(
      'No leads from the CRM',
    );
    expect(describeCustomFilter({ type: 'minDaysUntilReuse', value: 0 })).toBe(
      'Leads may be reused right away',
    );
  });

  it('treats a criterion without type as a person search', () => {
    expect(search({ job_title: ['CMO'], location: { city: ['Berlin'] } })).toBe('CMO in Berlin');
    expect(search({})).toBe('Anyone');
    expect(search({}, 'company')).toBe('Any company');
  });

  it('describes company searches, seniority, skills, keywords and open size ranges', () => {
    expect(
      search(
        {
          location: { country: ['France'] },
          company: { employee_size: { min: 50 }, industry: ['Software'], keywords: ['cloud'] },
        },
        'company',
      ),
    ).toBe('Companies in Software with at least 50 employees based in France matching “cloud”');
    expect(
      search({
        seniority: ['C-Level', 'Director'],
        skills: ['Python'],
        company: { employee_size: { max: 200 } },
      }),
    ).toBe(
      'People at C-Level or Director seniority skilled in Python at companies of up to 200 employees',
    );
  });

  it('names filter keys it cannot put into words', () => {
    expect(search({ job_title: ['CTO'], revenue: { min: 1 }, tech_stack: ['React'] })).toBe(
      'CTO (also filtered on revenue and tech_stack)',
    );
  });

  it('cuts long lists short', () => {
    const titles = Array.from({ length: 9 }, (_, index) => `Title ${index + 1}`);
    expect(search({ job_title: titles })).toBe(
      'Title 1, Title 2, Title 3, Title 4, Title 5, Title 6 and 3 more',
    );
  });

  it('words excluded and prefix CRM conditions and the legacy query', () => {
    expect(
      describeCrmFilters({
        provider: 'bullhorn',
        query: 'isDeleted:0',
        filters: [
          { path: 'status', mode: 'equals', value: 'Placed', exclude: true },
          { path: 'address.zip', mode: 'startsWith', value: '80' },
          { path: 'source', mode: 'in', value: ['Web', 'Event'], exclude: true },
        ],
      }),
    ).toBe(
      'Bullhorn contacts matching the query “isDeleted:0” where status is not “Placed” and address.zip starts with “80” and source is none of “Web” and “Event”',
    );
  });
});
