/**
 * What an `ai` filter's model is shown of a lead: a compact JSON object built from an allowlist
 * of fields, so that nothing else a lead carries (emails above all, and ids) ever leaves the
 * service. Empty fields are left out to keep requests small.
 */
import type { EvaluatedCompany, EvaluatedPerson } from './lead-evaluator.js';

type Description = Record<string, unknown>;

function compact(fields: Description): Description {
  const kept: Description = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    kept[key] = value;
  }
  return kept;
}

/** A company as the model sees it. */
export function companyDescription(company: EvaluatedCompany): Description {
  return compact({
    name: company.name,
    domain: company.domain,
    industry: company.industry,
    keywords: company.keywords,
    employeeCount: company.employeeCount,
    revenueUsd: company.revenue,
    country: company.country,
    state: company.state,
    city: company.city,
    foundedYear: company.foundedYear,
  });
}

/** A person as the model sees them, with a short summary of their company for context. */
export function personDescription(
  person: EvaluatedPerson,
  company: EvaluatedCompany | null,
): Description {
  return compact({
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle,
    seniority: person.seniority,
    department: person.department,
    skills: person.skills,
    country: person.country,
    state: person.state,
    city: person.city,
    company:
      company === null
        ? undefined
        : compact({
            name: company.name,
            industry: company.industry,
            employeeCount: company.employeeCount,
            country: company.country,
          }),
  });
}
