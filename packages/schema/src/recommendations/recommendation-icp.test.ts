import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  FILTER_CATALOG_PATH,
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_RANGES,
  MAX_ICP_SEARCH_TERMS,
  recommendationIcpInput,
} from '../index.js';
import { issuesToDetails } from '../validation-messages.js';

const list = <T>(count: number, value: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => value(index));

function detailsOf(input: unknown, schema: z.ZodType = recommendationIcpInput) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return issuesToDetails(result.error.issues);
}

const parse = (input: unknown) => recommendationIcpInput.parse(input);

describe('the newer filters of the v2 ICP', () => {
  it('accepts every one of them, and keeps them as sent (domains normalized)', () => {
    const body = {
      companies: {
        employeeCounts: [
          { from: 1, to: 50 },
          { from: 1_001, to: 5_000 },
        ],
        excludeDomains: [' Competitor.COM '],
        excludeIndustries: ['Gaming'],
        includeDomains: ['acme.io', 'Beta.Example.org'],
        revenues: [{ from: 0, to: 1_000_000 }],
        yearFounded: { from: 1990, to: 2020 },
      },
      people: {
        exactJobTitles: ['  Chief Executive Officer '],
        excludeDepartments: ['Sales', 'HR'],
      },
    };
    expect(parse(body)).toEqual({
      companies: {
        ...body.companies,
        excludeDomains: ['competitor.com'],
        includeDomains: ['acme.io', 'beta.example.org'],
      },
      people: { exactJobTitles: ['Chief Executive Officer'], excludeDepartments: ['Sales', 'HR'] },
    });
  });

  it('refuses a domain with a scheme, a path or no dot, naming it', () => {
    expect(
      detailsOf({ companies: { includeDomains: ['https://acme.io', 'acme.io/about', 'acme'] } }),
    ).toEqual(
      [0, 1, 2].map((index) => ({
        path: ['companies', 'includeDomains', index],
        message: 'Must be a domain such as "acme.io" (no scheme, no path)',
      })),
    );
    expect(detailsOf({ companies: { excludeDomains: [''] } })[0]?.path).toEqual([
      'companies',
      'excludeDomains',
      0,
    ]);
  });

  it('checks excluded industries and departments against the catalog', () => {
    const [industry] = detailsOf({ companies: { excludeIndustries: ['Softwear'] } });
    expect(industry?.path).toEqual(['companies', 'excludeIndustries', 0]);
    expect(industry?.message).toContain('"Softwear"');
    expect(industry?.message).toContain(FILTER_CATALOG_PATH);
    const [department] = detailsOf({ people: { excludeDepartments: ['engineering'] } });
    expect(department?.path).toEqual(['people', 'excludeDepartments', 0]);
    expect(department?.message).toContain('did you mean "Engineering"?');
  });

  it('refuses ranges whose from exceeds to, negative or fractional bounds, and other keys', () => {
    expect(
      detailsOf({
        companies: {
          employeeCounts: [
            { from: 1, to: 10 },
            { from: 9, to: 2 },
          ],
        },
      }),
    ).toEqual([
      {
        path: ['companies', 'employeeCounts', 1, 'from'],
        message: 'from must be less than or equal to to',
      },
    ]);
    expect(detailsOf({ companies: { revenues: [{ from: -1, to: 2 }] } })[0]?.path).toEqual([
      'companies',
      'revenues',
      0,
      'from',
    ]);
    expect(detailsOf({ companies: { yearFounded: { from: 1990.5, to: 2000 } } })[0]?.path).toEqual([
      'companies',
      'yearFounded',
      'from',
    ]);
    expect(detailsOf({ companies: { yearFounded: { from: 2000, to: 1990 } } })).toEqual([
      {
        path: ['companies', 'yearFounded', 'from'],
        message: 'from must be less than or equal to to',
      },
    ]);
    expect(
      detailsOf({ companies: { employeeCounts: [{ from: 1, to: 2, label: 'x' }] } })[0]?.path,
    ).toEqual(['companies', 'employeeCounts', 0, 'label']);
  });

  it('bounds the founding year by what the lead database stores', () => {
    expect(parse({ companies: { yearFounded: { from: 0, to: 9_999 } } })).toBeTruthy();
    expect(detailsOf({ companies: { yearFounded: { from: 0, to: 10_000 } } })[0]?.path).toEqual([
      'companies',
      'yearFounded',
      'to',
    ]);
  });

  it('bounds each list: ranges, domains, exact titles', () => {
    const ranges = (count: number) => list(count, (i) => ({ from: i, to: i + 1 }));
    expect(parse({ companies: { employeeCounts: ranges(MAX_FILTER_RANGES) } })).toBeTruthy();
    expect(detailsOf({ companies: { revenues: ranges(MAX_FILTER_RANGES + 1) } })).toEqual([
      {
        path: ['companies', 'revenues'],
        message: `Too big: expected array to have <=${MAX_FILTER_RANGES} items`,
      },
    ]);
    const domains = (count: number) => list(count, (i) => `d${i}.example`);
    expect(parse({ companies: { includeDomains: domains(MAX_FILTER_LIST_VALUES) } })).toBeTruthy();
    expect(
      detailsOf({ companies: { excludeDomains: domains(MAX_FILTER_LIST_VALUES + 1) } })[0]?.path,
    ).toEqual(['companies', 'excludeDomains']);
    const titles = (count: number) => list(count, (i) => `Title ${i}`);
    expect(parse({ people: { exactJobTitles: titles(MAX_FILTER_LIST_VALUES) } })).toBeTruthy();
    expect(
      detailsOf({ people: { exactJobTitles: titles(MAX_FILTER_LIST_VALUES + 1) } })[0]?.path,
    ).toEqual(['people', 'exactJobTitles']);
  });

  it('refuses a blank or over-long exact title', () => {
    expect(detailsOf({ people: { exactJobTitles: ['   '] } })[0]?.path).toEqual([
      'people',
      'exactJobTitles',
      0,
    ]);
    expect(detailsOf({ people: { exactJobTitles: ['x'.repeat(201)] } })[0]?.path).toEqual([
      'people',
      'exactJobTitles',
      0,
    ]);
  });

  it('counts the new lists among the search terms of the ICP', () => {
    const [issue] = detailsOf({
      people: {
        countries: list(70, () => 'W-EMEA'),
        exactJobTitles: list(MAX_FILTER_LIST_VALUES, (i) => `Title ${i}`),
      },
    });
    expect(issue?.path).toEqual(['people', 'exactJobTitles']);
    expect(issue?.message).toContain(`at most ${MAX_ICP_SEARCH_TERMS} search terms`);
  });
});
