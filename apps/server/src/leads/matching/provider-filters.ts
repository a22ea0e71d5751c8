/**
 * Reads the `filters` of lead provider criteria into the filters the engine applies. Filters are
 * stored as sent (legacy and unknown keys included), so nothing here trusts their shape: a key
 * the engine does not know, or whose value it cannot read, is reported by its path and left out,
 * never guessed at.
 */
import {
  departments,
  employeeRangeOfLegacyBand,
  industries,
  type LeadProviderCriterion,
  MAX_COMPANY_SIZE_BANDS,
  MAX_FILTER_RANGES,
  type NumericRange,
  searchedListsOfFilters,
  searchLimitIssues,
  seniorities,
} from '@icp/schema';
import { AppError } from '../../errors.js';
import { jobTitleWords } from '../job-title.js';
import { countriesNamed } from './country-names.js';

/** Whose location a location filter checks: the person's, or (in a company search) the company's. */
export type LocationOwner = 'person' | 'company';

/** One filter of a criterion, in the form the query and the match reasons both read. */
export type AppliedFilter =
  /**
   * Searched titles that have canonical words, and titles held exactly (trimmed, lower case);
   * a person matches when any one matches.
   */
  | {
      kind: 'jobTitle';
      titles: { title: string; words: readonly string[] }[];
      exact: string[];
    }
  /** Catalog spellings. */
  | { kind: 'seniority' | 'department'; values: string[] }
  /** Catalog spellings: people in these departments are left out. */
  | { kind: 'excludeDepartment'; values: string[] }
  /** Lower case. */
  | { kind: 'skills'; values: string[] }
  | { kind: 'country'; owner: LocationOwner; codes: string[] }
  /** Lower case. */
  | { kind: 'state' | 'city'; owner: LocationOwner; values: string[] }
  /** Catalog spellings; `excludeIndustry` leaves out the companies in them. */
  | { kind: 'industry' | 'excludeIndustry'; values: string[] }
  /** Lower case; `excludeDomain` leaves out the companies of these domains. */
  | { kind: 'domain' | 'excludeDomain'; values: string[] }
  /** Lower case. */
  | { kind: 'keywords'; values: string[] }
  | { kind: 'employeeSize' | 'revenue' | 'foundedYear'; min: number | null; max: number | null }
  /** A company matches when its employee count (or revenue) is in any of the ranges. */
  | { kind: 'employeeSizes' | 'revenues'; ranges: { min: number | null; max: number | null }[] }
  /** Legacy `company_size` bands; a company matches when its size falls in any of them. */
  | { kind: 'companySize'; bands: (NumericRange & { label: string })[] }
  /** Only people at these companies: set by callers that page by company, never read from JSON. */
  | { kind: 'companyIds'; ids: string[] }
  /** These people, found by the ICP's CRM search: set by the caller, never read from JSON. */
  | { kind: 'crmContacts'; ids: string[] };

/** A criterion as the engine applies it: all of its filters must hold. */
export interface ReadCriterion {
  /** Position in the ICP's `leadProviderCriteria`. */
  index: number;
  type: 'person' | 'company';
  filters: AppliedFilter[];
}

/** The criteria of an ICP as the engine applies them. */
export interface ReadCriteria {
  /** Criteria with at least one filter to apply; the others match no one. */
  criteria: ReadCriterion[];
  /** Paths such as `leadProviderCriteria[0].filters.revenue` of keys that were not applied. */
  ignoredFilterKeys: string[];
}

type Json = Record<string, unknown>;

const RANGE_KINDS = {
  employee_size: 'employeeSize',
  revenue: 'revenue',
  founded_year: 'foundedYear',
} as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of strings; a lone string counts as a list of one (legacy data holds both). */
function stringList(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return null;
}

const isNonNegativeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const lowerCase = (values: readonly string[]) =>
  unique(values.map((value) => value.trim().toLowerCase()).filter((value) => value !== ''));

/** Values spelled as the catalog lists them, whatever their case; values not listed are dropped. */
function catalogSpellings(values: readonly string[], catalog: readonly string[]): string[] {
  const byLowerCase = new Map(catalog.map((entry) => [entry.toLowerCase(), entry]));
  return unique(
    values.flatMap((value) => {
      const entry = byLowerCase.get(value.trim().toLowerCase());
      return entry === undefined ? [] : [entry];
    }),
  );
}

/** Collects the filters of one criterion and the paths of what it could not apply. */
class FilterReader {
  readonly filters: AppliedFilter[] = [];
  readonly ignored: string[] = [];
  readonly #path: string;
  readonly #owner: LocationOwner;
  #titles: string[] | null = null;
  #exactTitles: string[] | null = null;

  constructor(path: string, owner: LocationOwner) {
    this.#path = path;
    this.#owner = owner;
  }

  /** Reads the top level of `filters`. */
  read(filters: Json): void {
    for (const [key, value] of Object.entries(filters)) {
      if (value === undefined || value === null) continue;
      const path = `${this.#path}.${key}`;
      switch (key) {
        case 'job_title':
        case 'job_titles':
          this.#list(path, value, (titles) => {
            this.#titles = [...(this.#titles ?? []), ...titles];
          });
          break;
        case 'exact_job_title':
          this.#list(path, value, (titles) => {
            this.#exactTitles = [...(this.#exactTitles ?? []), ...titles];
          });
          break;
        case 'seniority':
          this.#list(path, value, (values) =>
            this.filters.push({ kind: 'seniority', values: catalogSpellings(values, seniorities) }),
          );
          break;
        case 'department':
          this.#list(path, value, (values) =>
            this.filters.push({
              kind: 'department',
              values: catalogSpellings(values, departments),
            }),
          );
          break;
        case 'exclude_department':
          this.#list(path, value, (values) =>
            this.filters.push({
              kind: 'excludeDepartment',
              values: catalogSpellings(values, departments),
            }),
          );
          break;
        case 'skills':
          this.#list(path, value, (values) =>
            this.filters.push({ kind: 'skills', values: lowerCase(values) }),
          );
          break;
        case 'location':
          this.#object(path, value, (location) => this.#location(path, location));
          break;
        case 'company':
          this.#object(path, value, (company) => this.#company(path, company));
          break;
        case 'company_size':
          this.#list(path, value, (labels) => this.#companySize(path, labels));
          break;
        default:
          this.ignored.push(path);
      }
    }
    // `job_title`, legacy `job_titles` and `exact_job_title` together are one list: any of
    // their titles matches.
    if (this.#titles !== null || this.#exactTitles !== null) {
      const titles = unique(this.#titles ?? [])
        .map((title) => ({ title, words: jobTitleWords(title) }))
        .filter((title) => title.words.length > 0);
      this.filters.unshift({ kind: 'jobTitle', titles, exact: lowerCase(this.#exactTitles ?? []) });
    }
  }

  #location(path: string, location: Json, owner: LocationOwner = this.#owner): void {
    for (const [key, value] of Object.entries(location)) {
      if (value === undefined || value === null) continue;
      const keyPath = `${path}.${key}`;
      if (key === 'country') {
        this.#list(keyPath, value, (names) =>
          this.filters.push({
            kind: 'country',
            owner,
            codes: unique(names.flatMap(countriesNamed)),
          }),
        );
      } else if (key === 'state' || key === 'city') {
        this.#list(keyPath, value, (values) =>
          this.filters.push({ kind: key, owner, values: lowerCase(values) }),
        );
      } else {
        this.ignored.push(keyPath);
      }
    }
  }

  #company(path: string, company: Json): void {
    for (const [key, value] of Object.entries(company)) {
      if (value === undefined || value === null) continue;
      const keyPath = `${path}.${key}`;
      if (key === 'industry' || key === 'exclude_industry') {
        const kind = key === 'industry' ? 'industry' : 'excludeIndustry';
        this.#list(keyPath, value, (values) =>
          this.filters.push({ kind, values: catalogSpellings(values, industries) }),
        );
      } else if (key === 'domain' || key === 'exclude_domain') {
        const kind = key === 'domain' ? 'domain' : 'excludeDomain';
        this.#list(keyPath, value, (values) =>
          this.filters.push({ kind, values: lowerCase(values) }),
        );
      } else if (key === 'keywords') {
        this.#list(keyPath, value, (values) =>
          this.filters.push({ kind: 'keywords', values: lowerCase(values) }),
        );
      } else if (key === 'employee_size' || key === 'revenue' || key === 'founded_year') {
        const kind = RANGE_KINDS[key];
        this.#object(keyPath, value, (range) => {
          const bounds = this.#bounds(keyPath, range);
          if (bounds !== null) this.filters.push({ kind, ...bounds });
        });
      } else if (key === 'employee_sizes' || key === 'revenues') {
        this.#ranges(keyPath, key === 'revenues' ? 'revenues' : 'employeeSizes', value);
      } else if (key === 'location') {
        // Where the company is, whatever the search type: `filters.company.location`.
        this.#object(keyPath, value, (location) => this.#location(keyPath, location, 'company'));
      } else {
        this.ignored.push(keyPath);
      }
    }
  }

  /** The bounds of a `{min, max}` range; null when it has neither. */
  #bounds(path: string, range: Json): { min: number | null; max: number | null } | null {
    const bounds: { min: number | null; max: number | null } = { min: null, max: null };
    for (const [key, value] of Object.entries(range)) {
      if (value === undefined || value === null) continue;
      if ((key === 'min' || key === 'max') && isNonNegativeNumber(value)) {
        bounds[key] = value;
      } else {
        this.ignored.push(`${path}.${key}`);
      }
    }
    return bounds.min === null && bounds.max === null ? null : bounds;
  }

  /**
   * A list of ranges, any of which matches. A range without bounds holds every company with a
   * value, as `{}` does not: it is reported and left out, like an unreadable band.
   */
  #ranges(path: string, kind: 'employeeSizes' | 'revenues', value: unknown): void {
    if (!Array.isArray(value)) {
      this.ignored.push(path);
      return;
    }
    const ranges = value.flatMap((range, position) => {
      const rangePath = `${path}[${position}]`;
      const bounds = isObject(range) ? this.#bounds(rangePath, range) : null;
      if (bounds === null) this.ignored.push(rangePath);
      return bounds === null ? [] : [bounds];
    });
    if (ranges.length > 0) this.filters.push({ kind, ranges });
  }

  #companySize(path: string, labels: string[]): void {
    const bands = labels.flatMap((label, position) => {
      const range = employeeRangeOfLegacyBand(label);
      if (range === null) this.ignored.push(`${path}[${position}]`);
      return range === null ? [] : [{ ...range, label }];
    });
    // Each unreadable band is reported; with none readable there is no filter left to apply.
    if (bands.length > 0) this.filters.push({ kind: 'companySize', bands });
  }

  /** Applies a list of strings; an empty list asks for nothing, so nothing is applied. */
  #list(path: string, value: unknown, apply: (values: string[]) => void): void {
    const values = stringList(value);
    if (values === null) this.ignored.push(path);
    else if (values.length > 0) apply(values);
  }

  #object(path: string, value: unknown, apply: (value: Json) => void): void {
    if (isObject(value)) apply(value);
    else this.ignored.push(path);
  }
}

/**
 * Criteria saved before the schema bounded them can hold more than one SQL query runs (too many
 * variables, too deep an expression): such a search is refused as a 409 naming the lists to
 * shorten, rather than failing in the database.
 */
function refuseBeyondSearchLimits(criteria: readonly LeadProviderCriterion[]): void {
  const lists = criteria.flatMap((criterion, index) =>
    searchedListsOfFilters(criterion.filters, ['leadProviderCriteria', index, 'filters']),
  );
  // Bands and ranges are OR-ed in one expression, as deep as they are many.
  const tooManyBands = lists.flatMap((list) => {
    if (list.kind === 'companySize' && list.values.length > MAX_COMPANY_SIZE_BANDS) {
      return [{ path: list.path, message: `At most ${MAX_COMPANY_SIZE_BANDS} bands` }];
    }
    if (list.kind === 'range' && list.values.length > MAX_FILTER_RANGES) {
      return [{ path: list.path, message: `At most ${MAX_FILTER_RANGES} ranges` }];
    }
    return [];
  });
  const issues = [...searchLimitIssues(lists), ...tooManyBands];
  if (issues.length > 0) {
    throw new AppError(
      'CONFLICT',
      'This ICP holds more than one search may (it was saved before the limits); shorten its criteria',
      issues,
    );
  }
}

/**
 * The filters of each criterion, and the keys no criterion could apply. A company search
 * (`type: 'company'`) checks `location` against the company rather than the person.
 */
export function readCriteria(criteria: readonly LeadProviderCriterion[]): ReadCriteria {
  refuseBeyondSearchLimits(criteria);
  const read: ReadCriterion[] = [];
  const ignoredFilterKeys: string[] = [];
  criteria.forEach((criterion, index) => {
    const path = `leadProviderCriteria[${index}]`;
    // The schema admits only `baseProvider`; stored data from elsewhere must not be searched here.
    if ((criterion.provider as string) !== 'baseProvider') {
      ignoredFilterKeys.push(`${path}.provider`);
      return;
    }
    const type = criterion.type === 'company' ? 'company' : 'person';
    const reader = new FilterReader(`${path}.filters`, type);
    if (isObject(criterion.filters)) reader.read(criterion.filters);
    else reader.ignored.push(`${path}.filters`);
    ignoredFilterKeys.push(...reader.ignored);
    if (reader.filters.length > 0) read.push({ index, type, filters: reader.filters });
  });
  return { criteria: read, ignoredFilterKeys };
}
