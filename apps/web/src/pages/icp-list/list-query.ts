import type { Icp } from '@icp/schema';

export const SORT_OPTIONS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'name-asc', label: 'Name A-Z' },
  { value: 'name-desc', label: 'Name Z-A' },
  { value: 'expiring', label: 'Expiring soonest' },
] as const;

export type IcpSort = (typeof SORT_OPTIONS)[number]['value'];
export const DEFAULT_SORT: IcpSort = 'newest';

/** The sort named in the URL, or the default for anything else. */
export function parseSort(value: string | null | undefined): IcpSort {
  return SORT_OPTIONS.find((option) => option.value === value)?.value ?? DEFAULT_SORT;
}

export interface ListQuery {
  search: string;
  sort: IcpSort;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byName(a: Icp, b: Icp): number {
  return collator.compare(a.name, b.name);
}

/** Oldest first, then by id: the server's own order, and the tie-breaker of every other sort. */
function byCreated(a: Icp, b: Icp): number {
  return (
    Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Upcoming expiries first (soonest on top), then ICPs without an end date, then expired ones. */
function expiryRank(icp: Icp, now: number): [group: number, key: number] {
  if (icp.activeUntil === null) return [1, 0];
  const end = Date.parse(icp.activeUntil);
  return end > now ? [0, end] : [2, -end];
}

function compareFor(sort: IcpSort, now: number): (a: Icp, b: Icp) => number {
  switch (sort) {
    case 'oldest':
      return byCreated;
    case 'newest':
      return (a, b) => byCreated(b, a);
    case 'name-asc':
      return (a, b) => byName(a, b) || byCreated(a, b);
    case 'name-desc':
      return (a, b) => byName(b, a) || byCreated(a, b);
    case 'expiring':
      return (a, b) => {
        const [groupA, keyA] = expiryRank(a, now);
        const [groupB, keyB] = expiryRank(b, now);
        return groupA - groupB || keyA - keyB || byCreated(a, b);
      };
  }
}

/** Whether `name` contains `search`, ignoring case and surrounding spaces. */
export function nameMatches(name: string, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return needle === '' || name.toLocaleLowerCase().includes(needle);
}

/** The ICPs to show: those whose name matches the search, in the chosen order. */
export function filterAndSortIcps(
  icps: readonly Icp[],
  query: ListQuery,
  now: Date = new Date(),
): Icp[] {
  return icps
    .filter((icp) => nameMatches(icp.name, query.search))
    .sort(compareFor(query.sort, now.getTime()));
}
