import type { LeadProviderCriterion, RecommendationIcp } from '@icp/schema';

type Range = { from: number; to: number };

const rangeOf = (range: Range) => ({ min: range.from, max: range.to });

/**
 * A single range and a list of ranges as one filter: a company in any of them matches. With the
 * single range alone it stays the `{min, max}` key it always was.
 */
function rangeKeys(
  single: string,
  many: string,
  range: Range | undefined,
  ranges: readonly Range[] | undefined,
): Record<string, unknown> {
  if (ranges === undefined) return range === undefined ? {} : { [single]: rangeOf(range) };
  return { [many]: [...(range === undefined ? [] : [range]), ...ranges].map(rangeOf) };
}

/**
 * A v2 ICP as lead provider criteria, so the one matching engine serves both APIs: `people.*`
 * checks the person, `companies.*` the company they work at; the `exclude*` lists leave out
 * what they name. An ICP without any filter has nothing to match on, and matches no one.
 */
export function criteriaOfRecommendationIcp(icp: RecommendationIcp): LeadProviderCriterion[] {
  const { people = {}, companies = {} } = icp;
  const company = {
    ...(companies.industries && { industry: companies.industries }),
    ...(companies.excludeIndustries && { exclude_industry: companies.excludeIndustries }),
    ...(companies.includeDomains && { domain: companies.includeDomains }),
    ...(companies.excludeDomains && { exclude_domain: companies.excludeDomains }),
    ...rangeKeys(
      'employee_size',
      'employee_sizes',
      companies.employeeCount,
      companies.employeeCounts,
    ),
    ...rangeKeys('revenue', 'revenues', companies.revenue, companies.revenues),
    ...(companies.yearFounded && { founded_year: rangeOf(companies.yearFounded) }),
    ...(companies.primaryLocations && { location: { country: companies.primaryLocations } }),
  };
  const filters = {
    ...(people.jobTitles && { job_title: people.jobTitles }),
    ...(people.exactJobTitles && { exact_job_title: people.exactJobTitles }),
    ...(people.seniorities && { seniority: people.seniorities }),
    ...(people.departments && { department: people.departments }),
    ...(people.excludeDepartments && { exclude_department: people.excludeDepartments }),
    ...(people.countries && { location: { country: people.countries } }),
    ...(Object.keys(company).length > 0 && { company }),
  };
  return [{ provider: 'baseProvider', type: 'person', filters }];
}
