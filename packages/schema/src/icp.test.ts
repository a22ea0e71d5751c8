import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { icpCreateInput, icpPatchInput, isIcpActive } from './index.js';
import { issuesToDetails } from './validation-messages.js';

const valid = {
  name: 'Valid',
  leadProviderCriteria: [],
  customFilterCriteria: [],
  userIds: [],
};

function detailsOf(input: unknown, schema: z.ZodType = icpCreateInput) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return issuesToDetails(result.error.issues);
}

describe('icpCreateInput', () => {
  it('a missing required key reads "Required", as the docs show', () => {
    expect(detailsOf({ ...valid, name: undefined })).toEqual([
      { path: ['name'], message: 'Required' },
    ]);
  });

  it('names each unknown key in its own detail, at its own path', () => {
    expect(detailsOf({ ...valid, leadPerList: 5, extra: true })).toEqual([
      { path: ['leadPerList'], message: 'Unrecognized key: "leadPerList"' },
      { path: ['extra'], message: 'Unrecognized key: "extra"' },
    ]);
  });

  it('names an unknown custom filter type and lists the known ones', () => {
    const [detail] = detailsOf({ ...valid, customFilterCriteria: [{ type: 'magic' }] });

    expect(detail?.path).toEqual(['customFilterCriteria', 0, 'type']);
    expect(detail?.message).toContain('matchFieldWithRegex');
  });

  it('reports why a regex does not compile', () => {
    const [detail] = detailsOf({
      ...valid,
      customFilterCriteria: [{ type: 'matchFieldWithRegex', field: 'company.name', regex: '(' }],
    });

    expect(detail).toEqual({
      path: ['customFilterCriteria', 0, 'regex'],
      message: expect.stringContaining('Invalid regular expression'),
    });
  });

  it('refuses an employee size range whose min exceeds its max', () => {
    const criterion = {
      provider: 'baseProvider',
      filters: { company: { employee_size: { min: 500, max: 100 } } },
    };

    expect(detailsOf({ ...valid, leadProviderCriteria: [criterion] })).toEqual([
      {
        path: ['leadProviderCriteria', 0, 'filters', 'company', 'employee_size', 'min'],
        message: 'min must be less than or equal to max',
      },
    ]);
  });

  it('type-checks documented filter keys and lets unknown ones through', () => {
    const criterion = { provider: 'baseProvider', filters: { job_title: 'CTO', legacy: 'kept' } };
    expect(detailsOf({ ...valid, leadProviderCriteria: [criterion] })[0]?.path).toEqual([
      'leadProviderCriteria',
      0,
      'filters',
      'job_title',
    ]);

    const parsed = icpCreateInput.parse({
      ...valid,
      leadProviderCriteria: [{ provider: 'baseProvider', filters: { legacy: { deep: [1] } } }],
    });
    expect(parsed.leadProviderCriteria[0]?.filters).toEqual({ legacy: { deep: [1] } });
  });

  it('an `in` CRM condition needs a non-empty array; `equals` needs a string', () => {
    const crm = (condition: object) => ({
      ...valid,
      crmFilters: { provider: 'bullhorn', filters: [condition] },
    });

    expect(detailsOf(crm({ path: 'a', mode: 'in', value: [] }))[0]?.path).toEqual([
      'crmFilters',
      'filters',
      0,
      'value',
    ]);
    expect(detailsOf(crm({ path: 'a', mode: 'equals', value: ['x'] }))[0]?.path).toEqual([
      'crmFilters',
      'filters',
      0,
      'value',
    ]);
  });

  it('normalizes activeUntil and refuses a date-time without an offset', () => {
    expect(
      icpCreateInput.parse({ ...valid, activeUntil: '2025-01-01T01:00:00+01:00' }).activeUntil,
    ).toBe('2025-01-01T00:00:00.000Z');
    expect(detailsOf({ ...valid, activeUntil: '2025-01-01T00:00:00' })[0]?.path).toEqual([
      'activeUntil',
    ]);
  });
});

describe('icpPatchInput', () => {
  it('applies no defaults, so keys left out stay unchanged', () => {
    expect(icpPatchInput.parse({})).toEqual({});
    expect(icpPatchInput.parse({ description: null })).toEqual({ description: null });
  });

  it('refuses an empty userIds list and a null name', () => {
    expect(detailsOf({ userIds: [] }, icpPatchInput)[0]?.path).toEqual(['userIds']);
    expect(detailsOf({ name: null }, icpPatchInput)[0]?.path).toEqual(['name']);
  });
});

describe('isIcpActive', () => {
  const now = new Date('2025-06-01T00:00:00.000Z');

  it('no expiry or a future one is active; a past one is not', () => {
    expect(isIcpActive({ activeUntil: null }, now)).toBe(true);
    expect(isIcpActive({ activeUntil: '2025-06-02T00:00:00.000Z' }, now)).toBe(true);
    expect(isIcpActive({ activeUntil: '2025-05-31T23:59:59.999Z' }, now)).toBe(false);
  });
});
