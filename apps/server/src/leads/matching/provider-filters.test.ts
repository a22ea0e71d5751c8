import type { LeadProviderCriterion } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { readCriteria } from './provider-filters.js';

const criterion = (filters: unknown, type?: 'person' | 'company'): LeadProviderCriterion =>
  ({ provider: 'baseProvider', ...(type ? { type } : {}), filters }) as LeadProviderCriterion;

describe('reading lead provider filters', () => {
  it('reads the documented keys and the legacy ones', () => {
    const { criteria, ignoredFilterKeys } = readCriteria([
      criterion({
        job_titles: 'CTO',
        seniority: ['vp', 'Nobody'],
        location: { country: ['Germany', 'W-EMEA'], city: [' Munich '] },
        company: { industry: ['software'], employee_size: { min: 10 } },
        company_size: ['5001+'],
      }),
    ]);

    expect(ignoredFilterKeys).toEqual([]);
    expect(criteria).toHaveLength(1);
    const filters = criteria[0]?.filters ?? [];
    expect(filters.map((filter) => filter.kind)).toEqual([
      'jobTitle',
      'seniority',
      'country',
      'city',
      'industry',
      'employeeSize',
      'companySize',
    ]);
    expect(filters[0]).toEqual({
      kind: 'jobTitle',
      titles: [{ title: 'CTO', words: ['chief', 'technology', 'officer'] }],
      exact: [],
    });
    expect(filters[1]).toEqual({ kind: 'seniority', values: ['VP'] });
    expect(filters[3]).toEqual({ kind: 'city', owner: 'person', values: ['munich'] });
    expect(filters[6]).toEqual({
      kind: 'companySize',
      bands: [{ from: 5_001, to: null, label: '5001+' }],
    });
  });

  it('checks a company search location against the company', () => {
    const { criteria } = readCriteria([criterion({ location: { state: ['Bavaria'] } }, 'company')]);

    expect(criteria[0]).toEqual({
      index: 0,
      type: 'company',
      filters: [{ kind: 'state', owner: 'company', values: ['bavaria'] }],
    });
  });

  it('reports every key or value it cannot read, by its path', () => {
    const { criteria, ignoredFilterKeys } = readCriteria([
      criterion({
        job_title: [42],
        skills: 'Go',
        location: 'Germany',
        company: { employee_size: { min: -1, max: 'many', median: 3 }, hq: 'Berlin' },
        company_size: { min: 1 },
        revenue: null,
      }),
      criterion('everyone'),
      { provider: 'otherProvider', filters: {} } as unknown as LeadProviderCriterion,
    ]);

    expect(ignoredFilterKeys).toEqual([
      'leadProviderCriteria[0].filters.job_title',
      'leadProviderCriteria[0].filters.location',
      'leadProviderCriteria[0].filters.company.employee_size.min',
      'leadProviderCriteria[0].filters.company.employee_size.max',
      'leadProviderCriteria[0].filters.company.employee_size.median',
      'leadProviderCriteria[0].filters.company.hq',
      'leadProviderCriteria[0].filters.company_size',
      'leadProviderCriteria[1].filters',
      'leadProviderCriteria[2].provider',
    ]);
    // A lone string is a list of one; nothing else of the first criterion could be read.
    expect(criteria).toEqual([
      { index: 0, type: 'person', filters: [{ kind: 'skills', values: ['go'] }] },
    ]);
  });

  it('refuses criteria saved before the limits that one query cannot run, naming the lists', () => {
    const titles = Array.from({ length: 994 }, (_, index) => `Engineer ${index}`);
    const bands = Array.from({ length: 2_000 }, () => '1-10');
    let refusal: unknown;
    try {
      readCriteria([criterion({ job_title: titles }), criterion({ company_size: bands })]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      appCode: 'CONFLICT',
      details: [
        { path: ['leadProviderCriteria', 0, 'filters', 'job_title'] },
        { path: ['leadProviderCriteria', 1, 'filters', 'company_size'] },
      ],
    });
  });
});
