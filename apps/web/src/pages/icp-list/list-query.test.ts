import type { Icp } from '@icp/schema';
import { describe, expect, it } from 'vitest';
import { dachTechLeaders } from '../../icp/seed-examples';
import { filterAndSortIcps, nameMatches, parseSort } from './list-query';

const icp = (id: string, name: string, createdAt: string, activeUntil: string | null): Icp => ({
  ...dachTechLeaders,
  id,
  name,
  createdAt,
  updatedAt: createdAt,
  activeUntil,
});

const now = new Date('2025-06-01T00:00:00.000Z');
const icps = [
  icp('1', 'beta buyers', '2025-01-01T00:00:00.000Z', '2025-09-01T00:00:00.000Z'),
  icp('2', 'Alpha leaders', '2025-03-01T00:00:00.000Z', null),
  icp('3', 'Gamma 10', '2025-02-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),
  icp('4', 'Gamma 9', '2025-02-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z'),
];
const names = (sort: Parameters<typeof parseSort>[0], search = '') =>
  filterAndSortIcps(icps, { search, sort: parseSort(sort) }, now).map((item) => item.name);

describe('filterAndSortIcps', () => {
  it('sorts newest first by default, ties broken by id', () => {
    expect(names(null)).toEqual(['Alpha leaders', 'Gamma 9', 'Gamma 10', 'beta buyers']);
  });

  it('sorts oldest first like the server', () => {
    expect(names('oldest')).toEqual(['beta buyers', 'Gamma 10', 'Gamma 9', 'Alpha leaders']);
  });

  it('sorts by name ignoring case, numbers in numeric order', () => {
    expect(names('name-asc')).toEqual(['Alpha leaders', 'beta buyers', 'Gamma 9', 'Gamma 10']);
    expect(names('name-desc')).toEqual(['Gamma 10', 'Gamma 9', 'beta buyers', 'Alpha leaders']);
  });

  it('puts upcoming expiries first, then no expiry, then expired', () => {
    expect(names('expiring')).toEqual(['Gamma 9', 'beta buyers', 'Alpha leaders', 'Gamma 10']);
  });

  it('keeps only names containing the search, case-insensitively', () => {
    expect(names('name-asc', '  GAMMA ')).toEqual(['Gamma 9', 'Gamma 10']);
    expect(names('name-asc', 'zzz')).toEqual([]);
    expect(names('name-asc', '   ')).toHaveLength(4);
  });

  it('does not change the list it was given', () => {
    const before = icps.map((item) => item.id);
    filterAndSortIcps(icps, { search: '', sort: 'name-asc' }, now);
    expect(icps.map((item) => item.id)).toEqual(before);
  });
});

describe('parseSort and nameMatches', () => {
  it('falls back to newest for unknown sorts', () => {
    expect(parseSort('expiring')).toBe('expiring');
    expect(parseSort('random')).toBe('newest');
    expect(parseSort(undefined)).toBe('newest');
  });

  it('matches part of a name', () => {
    expect(nameMatches('DACH Tech Leaders', 'tech')).toBe(true);
    expect(nameMatches('DACH Tech Leaders', 'sales')).toBe(false);
  });
});
