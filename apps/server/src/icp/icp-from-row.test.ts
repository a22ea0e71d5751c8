import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IcpRow } from '../db/database.js';
import { icpFromRow } from './icp-from-row.js';
import { icpJson } from './icp-json.js';

const text = fc.string({ unit: 'binary' });
const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });

/** Rows as the repository writes them: every JSON column is JSON.stringify's output. */
const storedRow: fc.Arbitrary<IcpRow> = fc.record({
  id: fc.uuid(),
  name: text,
  description: nullable(text),
  created_at: text,
  updated_at: text,
  lead_provider_criteria: fc.array(fc.jsonValue()).map((value) => JSON.stringify(value)),
  custom_filter_criteria: fc.array(fc.jsonValue()).map((value) => JSON.stringify(value)),
  crm_filters: nullable(fc.jsonValue().map((value) => JSON.stringify(value))),
  user_ids: fc.array(text).map((value) => JSON.stringify(value)),
  leads_per_list: fc.integer({ min: 1, max: 1_000_000 }),
  active_until: nullable(text),
});

/** What reading a row meant before: every column parsed, keys in documented order. */
const parsedRow = (row: IcpRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  leadProviderCriteria: JSON.parse(row.lead_provider_criteria),
  customFilterCriteria: JSON.parse(row.custom_filter_criteria),
  crmFilters: row.crm_filters === null ? null : JSON.parse(row.crm_filters),
  userIds: JSON.parse(row.user_ids),
  leadsPerList: row.leads_per_list,
  activeUntil: row.active_until,
});

describe('icpFromRow', () => {
  it('answers the JSON text that serializing the parsed row gives, byte for byte', () => {
    fc.assert(
      fc.property(storedRow, (row) => {
        expect(icpJson(icpFromRow(row))).toBe(JSON.stringify(parsedRow(row)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads every field as the parsed row holds it, keys in the same order', () => {
    fc.assert(
      fc.property(storedRow, (row) => {
        const icp = icpFromRow(row);
        expect(Object.keys(icp)).toEqual(Object.keys(parsedRow(row)));
        expect({ ...icp }).toEqual(parsedRow(row));
        expect(JSON.stringify(icp)).toBe(JSON.stringify(parsedRow(row)));
      }),
      { numRuns: 200 },
    );
  });

  it('parses a JSON column once, and takes a new value like a plain property', () => {
    const row = fc.sample(storedRow, { numRuns: 1, seed: 7 })[0] as IcpRow;
    const icp = icpFromRow({ ...row, lead_provider_criteria: '[{"provider":"baseProvider"}]' });
    expect(icp.leadProviderCriteria).toBe(icp.leadProviderCriteria);
    expect(icp.leadProviderCriteria).toEqual([{ provider: 'baseProvider' }]);
    icp.customFilterCriteria = [];
    expect(icp.customFilterCriteria).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(icp, 'customFilterCriteria')?.writable).toBe(true);
  });

  it('serializes an ICP whose JSON value was replaced from its values, not from the row', () => {
    const row = fc.sample(storedRow, { numRuns: 1, seed: 11 })[0] as IcpRow;
    const icp = icpFromRow(row);
    expect(icpJson(icp)).toBe(JSON.stringify(parsedRow(row)));
    icp.crmFilters = { filters: [] } as unknown as typeof icp.crmFilters;
    expect(JSON.parse(icpJson(icp)).crmFilters).toEqual({ filters: [] });
    expect(JSON.parse(icpJson(icp)).leadProviderCriteria).toEqual(
      JSON.parse(row.lead_provider_criteria),
    );
  });
});
