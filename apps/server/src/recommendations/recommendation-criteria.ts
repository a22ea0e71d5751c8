import type { LeadProviderCriterion, RecommendationIcp } from '@icp/schema';

const rangeOf = (range: { from: number; to: number } | undefined) =>
  range === undefined ? undefined : { min: range.from, max: range.to };

/**
 * A v2 ICP as lead provider criteria, so the one matching engine serves both APIs: `people.*`
 * checks the person, `companies.*` the company they work at. An ICP without any filter has
 * nothing to match on, and matches no one.
 */
export function criteriaOfRecommendationIcp(icp: RecommendationIcp): LeadProviderCriterion[] {
  const { people = {}, companies = {} } = icp;
  const company = {
    ...(companies.industries && { industry: companies.industries }),
    ...(companies.employeeCount && { employee_size: rangeOf(companies.employeeCount) }),
    ...(companies.revenue && { revenue: rangeOf(companies.revenue) }),
    ...(companies.primaryLocations && { location: { country: companies.primaryLocations } }),
  };
  const filters = {
    ...(people.jobTitles && { job_title: people.jobTitles }),
    ...(people.seniorities && { seniority: people.seniorities }),
    ...(people.departments && { department: people.departments }),
    ...(people.countries && { location: { country: people.countries } }),
    ...(Object.keys(company).length > 0 && { company }),
  };
  return [{ provider: 'baseProvider', type: 'person', filters }];
}
