import { describe, expect, it } from 'vitest';
import { baseProviderFilters, leadProviderCriteria, MAX_FILTER_RANGES } from './index.js';
import { issuesToDetails } from './validation-messages.js';

function detailsOf(filters: unknown) {
  const result = baseProviderFilters.safeParse(filters);
  if (result.success) throw new Error(`expected ${JSON.stringify(filters)} to be refused`);
  return issuesToDetails(result.error.issues);
}

describe('the newer baseProvider keys (the v2 ICP becomes them)', () => {
  it('are kept exactly as sent', () => {
    const filters = {
      exact_job_title: ['Chief Executive Officer'],
      exclude_department: ['Sales'],
      company: {
        domain: [' Acme.io '],
        exclude_domain: ['rival.com'],
        exclude_industry: ['Gaming'],
        employee_sizes: [{ min: 1, max: 10 }, { min: 5_001 }],
        revenues: [{ max: 1_000_000 }],
        founded_year: { min: 1990, max: 2020 },
      },
    };
    expect(baseProviderFilters.parse(filters)).toEqual(filters);
  });

  it('refuse what is not a domain, ranges upside down, and more ranges than one expression holds', () => {
    expect(detailsOf({ company: { domain: ['https://acme.io'] } })).toEqual([
      {
        path: ['company', 'domain', 0],
        message: 'Must be a domain such as "acme.io" (no scheme, no path)',
      },
    ]);
    expect(detailsOf({ company: { founded_year: { min: 2020, max: 1990 } } })).toEqual([
      {
        path: ['company', 'founded_year', 'min'],
        message: 'min must be less than or equal to max',
      },
    ]);
    expect(detailsOf({ company: { employee_sizes: [{ min: 9, max: 1 }] } })[0]?.path).toEqual([
      'company',
      'employee_sizes',
      0,
      'min',
    ]);
    const ranges = Array.from({ length: MAX_FILTER_RANGES + 1 }, (_, i) => ({ min: i }));
    expect(detailsOf({ company: { revenues: ranges } })[0]?.path).toEqual(['company', 'revenues']);
    expect(detailsOf({ exclude_department: 'Sales' })[0]?.path).toEqual(['exclude_department']);
  });

  it('count among the search terms of the criteria (a range its two bounds)', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => `Title ${i}`);
    const criteria = Array.from({ length: 10 }, () => ({
      provider: 'baseProvider',
      filters: { exact_job_title: many },
    }));
    const result = leadProviderCriteria.safeParse([
      ...criteria,
      { provider: 'baseProvider', filters: { company: { employee_sizes: [{ min: 1 }] } } },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([10, 'filters', 'company', 'employee_sizes']);
  });
});
