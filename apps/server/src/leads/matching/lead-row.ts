import type { Lead, LeadCompany } from '@icp/schema';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';

/** People left-joined to their company, with every column a lead shows. */
export function leadRowsQuery(db: Db) {
  return db
    .selectFrom('people')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .select([
      'people.id as person_id',
      'people.first_name',
      'people.last_name',
      'people.job_title',
      'people.seniority',
      'people.department',
      'people.skills',
      'people.country as person_country',
      'people.state as person_state',
      'people.city as person_city',
      'people.email',
      'people.source',
      'people.linkedin_url as person_linkedin_url',
      'people.location',
      'people.summary',
      ...LEAD_COMPANY_COLUMNS,
    ]);
}

/** A company's columns as a lead shows them, named as in a row of `leadRowsQuery`. */
export const LEAD_COMPANY_COLUMNS = [
  'companies.id as company_id',
  'companies.name as company_name',
  'companies.domain',
  'companies.industry',
  'companies.keywords',
  'companies.employee_count',
  'companies.revenue',
  'companies.country as company_country',
  'companies.state as company_state',
  'companies.city as company_city',
  'companies.founded_year',
  'companies.description',
  'companies.linkedin_url as company_linkedin_url',
  'companies.logo_url',
  'companies.hq_street_address',
  'companies.hq_postal_code',
  'companies.hq_locality',
  'companies.hq_region',
  'companies.latitude',
  'companies.longitude',
] as const;

type RowOf<Query> = Query extends SelectQueryBuilder<infer _DB, infer _TB, infer Row> ? Row : never;

/** One row of `leadRowsQuery`. */
export type LeadRow = RowOf<ReturnType<typeof leadRowsQuery>>;

/** A company's columns as `leadRowsQuery` reads them (left-joined: null where there is none). */
function leadCompanyColumnsQuery(db: Db) {
  return db
    .selectFrom('people')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .select(LEAD_COMPANY_COLUMNS);
}

type LeadCompanyColumns = RowOf<ReturnType<typeof leadCompanyColumnsQuery>>;

/** The rows of these people, in the order of `ids`; people no longer stored are left out. */
export async function leadRowsOf(db: Db, ids: readonly string[]): Promise<LeadRow[]> {
  if (ids.length === 0) return [];
  const rows = await leadRowsQuery(db).where('people.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.person_id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [row];
  });
}

/** A JSON list column as stored by the lead records repository; anything else reads as empty. */
export function stringListColumn(json: string | null): string[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    // Lists are written as lists of strings: copied only when one is not.
    return value.every((item) => typeof item === 'string')
      ? (value as string[])
      : value.filter((item) => typeof item === 'string');
  } catch {
    return [];
  }
}

// Postgres returns `bigint` columns as strings; SQLite as numbers.
const numberColumn = (value: number | string | null) => (value === null ? null : Number(value));

/** The lead a row of the matching query describes, with no reasons yet. */
export function leadOfRow(row: LeadRow): Lead {
  return {
    person: {
      id: row.person_id,
      firstName: row.first_name,
      lastName: row.last_name,
      jobTitle: row.job_title,
      seniority: row.seniority,
      department: row.department,
      skills: stringListColumn(row.skills),
      country: row.person_country,
      state: row.person_state,
      city: row.person_city,
      email: row.email,
      source: row.source,
      linkedInUrl: row.person_linkedin_url,
      location: row.location,
      summary: row.summary,
    },
    company: leadCompanyOf(row),
    reasons: [],
  };
}

/** A company's columns (see LEAD_COMPANY_COLUMNS) as a lead's company; null when there is none. */
export function leadCompanyOf(row: LeadCompanyColumns): LeadCompany | null {
  if (row.company_id === null || row.company_name === null) return null;
  return {
    id: row.company_id,
    name: row.company_name,
    domain: row.domain,
    industry: row.industry,
    keywords: stringListColumn(row.keywords),
    employeeCount: numberColumn(row.employee_count),
    revenue: numberColumn(row.revenue),
    country: row.company_country,
    state: row.company_state,
    city: row.company_city,
    foundedYear: numberColumn(row.founded_year),
    description: row.description,
    linkedInUrl: row.company_linkedin_url,
    logoUrl: row.logo_url,
    hqStreetAddress: row.hq_street_address,
    hqPostalCode: row.hq_postal_code,
    hqLocality: row.hq_locality,
    hqRegion: row.hq_region,
    latitude: numberColumn(row.latitude),
    longitude: numberColumn(row.longitude),
  };
}
