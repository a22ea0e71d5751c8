import { countriesOfLocation } from './catalog/index.js';
import { MAX_ICP_JOB_TITLES, MAX_ICP_SEARCH_TERMS } from './icp-limits.js';
import { jobTitleWords } from './job-title-words.js';

type Path = (string | number)[];

/** How the lead engine searches the values of a list. */
export type SearchedValueKind = 'jobTitle' | 'country' | 'companySize' | 'range' | 'other';

/** A list of filter values the lead engine searches, where it is in the request. */
export interface SearchedList {
  path: Path;
  kind: SearchedValueKind;
  values: readonly string[];
}

/**
 * The search terms (SQL variables) one value stands for: a job title one per word plus one, a
 * world region one per country it covers (a country name or code: one), a `company_size` band
 * or a range (of employee counts, revenues) its two bounds, any other value one.
 */
export function searchTermsOf(kind: SearchedValueKind, value: string): number {
  switch (kind) {
    case 'jobTitle':
      return jobTitleWords(value).length + 1;
    case 'country':
      return Math.max(1, countriesOfLocation(value.trim()).length);
    case 'companySize':
    case 'range':
      return 2;
    case 'other':
      return 1;
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list as the engine reads it: a lone string is a list of one; anything else is not read. */
function valuesOf(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return null;
}

const TOP_LEVEL_LISTS: Record<string, SearchedValueKind> = {
  job_title: 'jobTitle',
  job_titles: 'jobTitle',
  exact_job_title: 'other',
  seniority: 'other',
  department: 'other',
  exclude_department: 'other',
  skills: 'other',
  company_size: 'companySize',
};
const LOCATION_LISTS: Record<string, SearchedValueKind> = {
  country: 'country',
  state: 'other',
  city: 'other',
};
const COMPANY_LISTS: Record<string, SearchedValueKind> = {
  industry: 'other',
  exclude_industry: 'other',
  keywords: 'other',
  domain: 'other',
  exclude_domain: 'other',
};
/** Lists of `{min, max}` ranges of a company. */
const COMPANY_RANGE_LISTS = ['employee_sizes', 'revenues'];

function listsIn(object: unknown, kinds: Record<string, SearchedValueKind>, path: Path) {
  if (!isObject(object)) return [];
  return Object.entries(kinds).flatMap(([key, kind]): SearchedList[] => {
    const values = valuesOf(object[key]);
    return values === null ? [] : [{ path: [...path, key], kind, values }];
  });
}

/** The lists of one criterion's `filters` that the lead engine searches (see provider-filters.ts). */
export function searchedListsOfFilters(filters: unknown, path: Path = []): SearchedList[] {
  if (!isObject(filters)) return [];
  const company = filters.company;
  return [
    ...listsIn(filters, TOP_LEVEL_LISTS, path),
    ...listsIn(filters.location, LOCATION_LISTS, [...path, 'location']),
    ...listsIn(company, COMPANY_LISTS, [...path, 'company']),
    ...(isObject(company)
      ? listsIn(company.location, LOCATION_LISTS, [...path, 'company', 'location'])
      : []),
    ...(isObject(company) ? rangeListsIn(company, [...path, 'company']) : []),
  ];
}

/** Lists of ranges, each range standing for its two bounds (only lists are read). */
function rangeListsIn(company: Json, path: Path): SearchedList[] {
  return COMPANY_RANGE_LISTS.flatMap((key): SearchedList[] => {
    const ranges = company[key];
    if (!Array.isArray(ranges)) return [];
    return [{ path: [...path, key], kind: 'range', values: ranges.map(() => 'range') }];
  });
}

/**
 * Where searched lists go past the bounds of one ICP: job titles in all, and search terms in
 * all. Each is reported at the list that crosses the bound.
 */
export function searchLimitIssues(
  lists: readonly SearchedList[],
): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  const titles = lists.filter((list) => list.kind === 'jobTitle');
  const titleCount = titles.reduce((sum, list) => sum + list.values.length, 0);
  if (titleCount > MAX_ICP_JOB_TITLES) {
    let seen = 0;
    const crossing = titles.find((list) => {
      seen += list.values.length;
      return seen > MAX_ICP_JOB_TITLES;
    }) as SearchedList;
    issues.push({
      path: crossing.path,
      message: `An ICP may search at most ${MAX_ICP_JOB_TITLES} job titles in all its criteria; these hold ${titleCount}`,
    });
  }
  let terms = 0;
  let crossing: SearchedList | undefined;
  for (const list of lists) {
    for (const value of list.values) terms += searchTermsOf(list.kind, value);
    if (terms > MAX_ICP_SEARCH_TERMS) crossing ??= list;
  }
  if (crossing !== undefined) {
    issues.push({
      path: crossing.path,
      message: `An ICP's criteria may hold at most ${MAX_ICP_SEARCH_TERMS} search terms in all (a job title counts its words plus one, a world region the countries it covers); these hold ${terms}`,
    });
  }
  return issues;
}
