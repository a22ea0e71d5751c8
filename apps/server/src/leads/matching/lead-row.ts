import type { Lead } from '@icp/schema';
import type { MatchedPersonRow } from './criteria-query.js';

/** A JSON list column as stored by the lead records repository; anything else reads as empty. */
function stringListColumn(json: string | null): string[] {
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
export function leadOfRow(row: MatchedPersonRow): Lead {
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
