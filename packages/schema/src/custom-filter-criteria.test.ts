import { describe, expect, it } from 'vitest';
import {
  customFilterCriteria,
  MAX_REGEX_FILTERS,
  MAX_REGEX_LENGTH,
  MAX_TOTAL_REGEX_LENGTH,
} from './index.js';
import { issuesToDetails } from './validation-messages.js';

const regexFilter = (regex: string) => ({ type: 'matchFieldWithRegex', field: 'jobTitle', regex });
const regexFilters = (count: number, length = 10) =>
  Array.from({ length: count }, () => regexFilter('a'.repeat(length)));
const quota = { type: 'maxPeoplePerCompany', value: 2 };

function detailsOf(input: unknown) {
  const result = customFilterCriteria.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return issuesToDetails(result.error.issues);
}

describe('customFilterCriteria', () => {
  it('caps the number and the total length of pattern filters so that every ICP can run', () => {
    expect(MAX_REGEX_FILTERS).toBe(10);
    expect(MAX_TOTAL_REGEX_LENGTH).toBe(2_000);
    expect(MAX_REGEX_LENGTH).toBe(500);
  });

  it(`accepts ${MAX_REGEX_FILTERS} pattern filters among other filters`, () => {
    expect(customFilterCriteria.safeParse([quota, ...regexFilters(10), quota]).success).toBe(true);
  });

  it('names the first pattern filter over the count', () => {
    expect(detailsOf([quota, ...regexFilters(12)])).toEqual([
      { path: [11], message: 'At most 10 matchFieldWithRegex filters per ICP' },
    ]);
  });

  it('accepts patterns of 2,000 characters in all, and names the regex that goes beyond', () => {
    const atCap = [...regexFilters(3, 500), quota, regexFilter('a'.repeat(499)), regexFilter('b')];

    expect(customFilterCriteria.safeParse(atCap).success).toBe(true);
    expect(detailsOf([...atCap, regexFilter('c'), regexFilter('d')])).toEqual([
      {
        path: [6, 'regex'],
        message:
          'The matchFieldWithRegex filters of an ICP may hold at most 2,000 regex characters in all; this one brings them to 2,001',
      },
    ]);
  });

  it('reports a cap next to the problems of single filters', () => {
    expect(detailsOf([...regexFilters(10), regexFilter('(')])).toEqual([
      { path: [10, 'regex'], message: expect.stringContaining('Invalid regular expression') },
      { path: [10], message: 'At most 10 matchFieldWithRegex filters per ICP' },
    ]);
  });
});
