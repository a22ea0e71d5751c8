/**
 * People and companies as the lead index holds them: only what a search filters on, read from
 * the tables in the form the search compares (lower-cased where the search ignores case).
 */
import type { Db } from '../../db/connect.js';
import { jobTitleWords } from '../job-title.js';
import { stringListColumn } from '../matching/lead-row.js';

export interface IndexedCompany {
  id: string;
  /** Lower case. */
  domain: string | null;
  industry: string | null;
  /** Lower case, each once. */
  keywords: readonly string[];
  employeeCount: number | null;
  revenue: number | null;
  foundedYear: number | null;
  country: string | null;
  /** Lower case. */
  state: string | null;
  /** Lower case. */
  city: string | null;
}

export interface IndexedPerson {
  id: string;
  companyId: string | null;
  /** The canonical words of the job title (see job-title.ts). */
  titleWords: readonly string[];
  /** The whole job title, lower case: what an exact title is compared with. */
  exactTitle: string;
  seniority: string | null;
  department: string | null;
  /** Lower case, each once. */
  skills: readonly string[];
  country: string | null;
  /** Lower case. */
  state: string | null;
  /** Lower case. */
  city: string | null;
  source: string;
  /** Whether a CRM search brought them in (see crm-scope.ts): found only by their ids then. */
  scoped: boolean;
}

const lower = (value: string) => value.toLowerCase();
const lowerOrNull = (value: string | null) => (value === null ? null : value.toLowerCase());

/** Lists up to this long are kept unique by looking through them: cheaper than a Set. */
const SHORT_LIST = 16;

/** A JSON list column as the repository stores it, lower-cased, each once; else empty. */
function lowerCaseList(json: string): string[] {
  const items = stringListColumn(json);
  if (items.length > SHORT_LIST) return [...new Set(items.map(lower))];
  const list: string[] = [];
  for (const item of items) {
    const value = lower(item);
    if (!list.includes(value)) list.push(value);
  }
  return list;
}

// PostgreSQL returns `bigint` and `numeric` columns as strings.
const numeric = (value: number | string | null) => (value === null ? null : Number(value));

export function companiesQuery(db: Db) {
  return db
    .selectFrom('companies')
    .select([
      'id',
      'domain',
      'industry',
      'keywords',
      'employee_count',
      'revenue',
      'founded_year',
      'country',
      'state',
      'city',
    ]);
}

export function peopleQuery(db: Db) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'company_id',
      'job_title',
      'seniority',
      'department',
      'skills',
      'country',
      'state',
      'city',
      'source',
      'crm_scope',
    ]);
}

type CompanyRow = Awaited<ReturnType<ReturnType<typeof companiesQuery>['execute']>>[number];
type PersonRow = Awaited<ReturnType<ReturnType<typeof peopleQuery>['execute']>>[number];

export function indexedCompany(row: CompanyRow): IndexedCompany {
  return {
    id: row.id,
    domain: lowerOrNull(row.domain),
    industry: row.industry,
    keywords: lowerCaseList(row.keywords),
    employeeCount: numeric(row.employee_count),
    revenue: numeric(row.revenue),
    foundedYear: numeric(row.founded_year),
    country: row.country,
    state: lowerOrNull(row.state),
    city: lowerOrNull(row.city),
  };
}

export function indexedPerson(row: PersonRow): IndexedPerson {
  return {
    id: row.id,
    companyId: row.company_id,
    titleWords: jobTitleWords(row.job_title),
    exactTitle: row.job_title.toLowerCase(),
    seniority: row.seniority,
    department: row.department,
    skills: lowerCaseList(row.skills),
    country: row.country,
    state: lowerOrNull(row.state),
    city: lowerOrNull(row.city),
    source: row.source,
    scoped: row.crm_scope !== null,
  };
}
