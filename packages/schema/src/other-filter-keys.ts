import {
  jsonSize,
  kib,
  MAX_OTHER_FILTER_KEYS,
  MAX_OTHER_FILTER_VALUE_BYTES,
} from './icp-limits.js';

type Path = (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys the schema types at each level of `filters`; every other key is kept as sent. */
const TYPED_KEYS = {
  filters: new Set([
    'job_title',
    'job_titles',
    'location',
    'company',
    'skills',
    'seniority',
    'department',
    'company_size',
    'exact_job_title',
    'exclude_department',
  ]),
  location: new Set(['country', 'state', 'city']),
  company: new Set([
    'employee_size',
    'employee_sizes',
    'revenues',
    'founded_year',
    'industry',
    'exclude_industry',
    'keywords',
    'domain',
    'exclude_domain',
    'location',
  ]),
  range: new Set(['min', 'max']),
};

/** The keys of `filters` the schema does not type (a provider's own, say), with their paths. */
function otherKeys(filters: Json): { path: Path; value: unknown }[] {
  const found: { path: Path; value: unknown }[] = [];
  const collect = (object: unknown, typed: Set<string>, path: Path) => {
    if (!isObject(object)) return;
    for (const [key, value] of Object.entries(object)) {
      if (!typed.has(key)) found.push({ path: [...path, key], value });
    }
  };
  collect(filters, TYPED_KEYS.filters, []);
  collect(filters.location, TYPED_KEYS.location, ['location']);
  const { company } = filters;
  collect(company, TYPED_KEYS.company, ['company']);
  if (isObject(company)) {
    collect(company.employee_size, TYPED_KEYS.range, ['company', 'employee_size']);
    collect(company.founded_year, TYPED_KEYS.range, ['company', 'founded_year']);
    collect(company.location, TYPED_KEYS.location, ['company', 'location']);
  }
  return found;
}

/**
 * Bounds on what `filters` keeps as sent: at most a number of keys the schema does not type, each
 * holding at most so much JSON. Issues have paths relative to `filters`.
 */
export function otherFilterKeyIssues(filters: Json): { path: Path; message: string }[] {
  const others = otherKeys(filters);
  const issues = others.flatMap(({ path, value }) => {
    const size = jsonSize(value);
    return size <= MAX_OTHER_FILTER_VALUE_BYTES
      ? []
      : [
          {
            path,
            message: `A filter key the schema does not type may hold at most ${kib(MAX_OTHER_FILTER_VALUE_BYTES)} of JSON; this one holds ${kib(size)}`,
          },
        ];
  });
  const firstTooMany = others[MAX_OTHER_FILTER_KEYS];
  if (firstTooMany !== undefined) {
    issues.push({
      path: firstTooMany.path,
      message: `Filters may hold at most ${MAX_OTHER_FILTER_KEYS} keys besides the typed ones; these hold ${others.length}`,
    });
  }
  return issues;
}
