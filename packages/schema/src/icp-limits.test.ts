import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  icpCreateInput,
  icpPatchInput,
  icpSizeIssue,
  jobTitleWords,
  leadProviderCriteria,
  MAX_ICP_JSON_BYTES,
  recommendationIcpInput,
  utf8Length,
} from './index.js';
import { issuesToDetails } from './validation-messages.js';

const list = <T>(count: number, value: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => value(index));
const criterion = (filters: Record<string, unknown>) => ({ provider: 'baseProvider', filters });
const icpWith = (criteria: unknown[]) => ({
  name: 'Limits',
  leadProviderCriteria: criteria,
  customFilterCriteria: [],
  userIds: [],
});

function detailsOf(input: unknown, schema: z.ZodType = icpCreateInput) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return issuesToDetails(result.error.issues);
}

describe('what one ICP may hold', () => {
  it('994 job titles (an expression tree too deep for SQLite) are refused, naming the list', () => {
    expect(detailsOf(icpWith([criterion({ job_title: list(994, (i) => `Title ${i}`) })]))).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'job_title'],
        message: 'Too big: expected array to have <=100 items',
      },
    ]);
  });

  it('33,000 cities (too many SQL variables) are refused, naming the list', () => {
    const criteria = [criterion({ location: { city: list(33_000, (i) => `City ${i}`) } })];
    expect(detailsOf(icpWith(criteria))).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'location', 'city'],
        message: 'Too big: expected array to have <=1000 items',
      },
    ]);
  });

  it('every value the engine searches holds at most 200 characters', () => {
    const [detail] = detailsOf(icpWith([criterion({ skills: ['x'.repeat(201)] })]));
    expect(detail?.path).toEqual(['leadProviderCriteria', 0, 'filters', 'skills', 0]);
  });

  it('a job title holds at most 16 words as the engine reads them (CTO is three)', () => {
    const sixteen =
      'Chief Technology Officer Senior Vice President Data Product Sales One Two Three Four Five Six Seven';
    expect(jobTitleWords(sixteen)).toHaveLength(16);
    expect(icpCreateInput.safeParse(icpWith([criterion({ job_title: [sixteen] })])).success).toBe(
      true,
    );
    const [detail] = detailsOf(icpWith([criterion({ job_title: [`${sixteen} Eight`] })]));
    expect(detail).toEqual({
      path: ['leadProviderCriteria', 0, 'filters', 'job_title', 0],
      message: expect.stringContaining('at most 16 words'),
    });
  });

  it('words such as "constructor" are words like any other', () => {
    expect(jobTitleWords('constructor toString VP')).toEqual([
      'constructor',
      'tostring',
      'vice',
      'president',
    ]);
  });

  it('job titles over all criteria: at most 100, reported at the list that goes past', () => {
    const criteria = list(60, () => criterion({ job_title: ['CTO', 'VP Sales'] }));
    expect(detailsOf(icpWith(criteria))).toEqual([
      {
        path: ['leadProviderCriteria', 50, 'filters', 'job_title'],
        message: 'An ICP may search at most 100 job titles in all its criteria; these hold 120',
      },
    ]);
  });

  it('search terms over all criteria: a world region counts the countries it covers', () => {
    const emea = list(74, () => criterion({ location: { country: ['W-EMEA'] } }));
    expect(leadProviderCriteria.safeParse(emea).success).toBe(true);
    const [detail, ...others] = detailsOf(
      [...emea, criterion({ location: { country: ['W-EMEA'] } })],
      leadProviderCriteria,
    );
    expect(others).toEqual([]);
    expect(detail?.path).toEqual([74, 'filters', 'location', 'country']);
    expect(detail?.message).toMatch(/at most 10000 search terms.*these hold 10125/);
  });

  it('legacy keys the engine reads are type-checked in the forms it reads, and kept as sent', () => {
    const legacy = {
      job_titles: 'CTO',
      company_size: ['501-1000', '5001+'],
      department: null,
      company: { location: { city: 'Berlin' } },
    };
    const parsed = icpCreateInput.parse(icpWith([criterion(legacy)]));
    expect(parsed.leadProviderCriteria[0]?.filters).toEqual(legacy);
    expect(detailsOf(icpWith([criterion({ job_titles: 5 })]))).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'job_titles'],
        message: 'Expected a list of strings, or one string',
      },
    ]);
    expect(detailsOf(icpWith([criterion({ company_size: list(51, () => '1-10') })]))).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'company_size'],
        message: 'Too big: expected array to have <=50 items',
      },
    ]);
  });

  it("a provider's own keys: each at most 16 KiB of JSON, at most 32 per criterion", () => {
    const [tooLarge] = detailsOf(icpWith([criterion({ blob: 'x'.repeat(16 * 1024) })]));
    expect(tooLarge).toEqual({
      path: ['leadProviderCriteria', 0, 'filters', 'blob'],
      message: expect.stringContaining('at most 16 KiB of JSON'),
    });
    const many = Object.fromEntries(list(33, (i) => `own_${i}`).map((key) => [key, 1]));
    expect(
      icpCreateInput.safeParse(
        icpWith([criterion(Object.fromEntries(Object.entries(many).slice(0, 32)))]),
      ).success,
    ).toBe(true);
    expect(detailsOf(icpWith([criterion({ location: { region: 'x' }, ...many })]))).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'own_32'],
        message: 'Filters may hold at most 32 keys besides the typed ones; these hold 34',
      },
    ]);
  });

  it('the whole ICP: at most 256 KiB of JSON, the detail naming its largest field', () => {
    const criteria = list(20, () => criterion({ own: 'x'.repeat(15_000) }));
    expect(detailsOf(icpWith(criteria))).toEqual([
      {
        path: ['leadProviderCriteria'],
        message:
          'An ICP may hold at most 256 KiB of JSON; this one would hold 295 KiB, 294 KiB of it in leadProviderCriteria',
      },
    ]);
    const [patched] = detailsOf({ leadProviderCriteria: criteria }, icpPatchInput);
    expect(patched?.path).toEqual(['leadProviderCriteria']);
    expect(icpSizeIssue({ name: 'x'.repeat(MAX_ICP_JSON_BYTES - 20) })).toBeNull();
  });

  it('sizes are UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('the v2 ICP has the same bounds', () => {
    expect(
      detailsOf({ people: { jobTitles: list(101, (i) => `T ${i}`) } }, recommendationIcpInput),
    ).toEqual([
      { path: ['people', 'jobTitles'], message: 'Too big: expected array to have <=100 items' },
    ]);
    const [regions] = detailsOf(
      {
        people: { countries: list(40, () => 'W-EMEA') },
        companies: { primaryLocations: list(40, () => 'W-EMEA') },
      },
      recommendationIcpInput,
    );
    expect(regions?.path).toEqual(['companies', 'primaryLocations']);
  });
});
