import type { Lead } from '@icp/schema';
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
    ]);
}

/** One row of `leadRowsQuery`. */
export type LeadRow =
  ReturnType<typeof leadRowsQuery> extends SelectQueryBuilder<infer _DB, infer _TB, infer Row>
    ? Row
    : never;

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
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
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
    },
    company:
      row.company_id === null || row.company_name === null
        ? null
        : {
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
          },
    reasons: [],
  };
}
