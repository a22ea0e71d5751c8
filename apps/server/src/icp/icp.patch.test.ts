import type { Icp } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { applyIcpPatch } from './icp.patch.js';

const current: Icp = {
  id: '0b6f3a52-58c0-4d5a-9f7e-0d3f4b6f1a11',
  name: 'Current',
  description: 'Before',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  leadProviderCriteria: [],
  customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: 2 }],
  crmFilters: { provider: 'bullhorn', textSearch: 'CTO' },
  userIds: ['a', 'b'],
  leadsPerList: 10,
  activeUntil: null,
};
const now = new Date('2025-02-01T00:00:00.000Z');

describe('applyIcpPatch', () => {
  it('returns the same object when nothing changes, so updatedAt stays', () => {
    expect(applyIcpPatch(current, {}, now)).toBe(current);
    expect(applyIcpPatch(current, { name: 'Current', leadsPerList: 10 }, now)).toBe(current);
  });

  it('changes the sent keys, clears nulls and stamps updatedAt', () => {
    const next = applyIcpPatch(current, { description: null, crmFilters: null, name: 'New' }, now);

    expect(next).toEqual({
      ...current,
      name: 'New',
      description: null,
      crmFilters: null,
      updatedAt: now.toISOString(),
    });
    expect(Object.keys(next)).toEqual(Object.keys(current));
  });

  it('replaces userIds as given, without duplicates', () => {
    expect(applyIcpPatch(current, { userIds: ['c', 'c', 'a'] }, now).userIds).toEqual(['c', 'a']);
  });
});
