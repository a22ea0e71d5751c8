import { z } from 'zod';
import { department, industry, locationCode, seniority } from '../catalog/index.js';
import {
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_RANGES,
  MAX_FILTER_VALUE_LENGTH,
  MAX_ICP_JOB_TITLES,
} from '../icp-limits.js';
import { searchedJobTitle } from '../lead-provider-criteria.js';
import { companyDomain } from '../leads/company.js';
import { NOT_BLANK_PATTERN } from '../not-blank.js';
import { type SearchedList, searchLimitIssues } from '../search-terms.js';

/** Longest `externalUserId` an ICP is saved under. */
export const MAX_ICP_EXTERNAL_USER_ID = 250;

/** The caller's own identifier of one of their users: trimmed, not blank, at most `max`. */
export const externalUserIdOf = (max: number) =>
  z.string().trim().min(1).max(max).meta({ pattern: NOT_BLANK_PATTERN });

/** The caller's own identifier of one of their users, as an ICP is saved under it. */
export const externalUserId = externalUserIdOf(MAX_ICP_EXTERNAL_USER_ID);

/** An inclusive range of whole numbers; `from` may not exceed `to`. */
const range = z
  .strictObject({
    from: z.number().int().min(0),
    to: z.number().int().min(0),
  })
  .refine((value) => value.from <= value.to, {
    message: 'from must be less than or equal to to',
    path: ['from'],
  });

/** Latest year a company may be founded in, as the lead database stores it. */
export const MAX_YEAR_FOUNDED = 9_999;

/** An inclusive range of years. */
const yearRange = z
  .strictObject({
    from: z.number().int().min(0).max(MAX_YEAR_FOUNDED),
    to: z.number().int().min(0).max(MAX_YEAR_FOUNDED),
  })
  .refine((value) => value.from <= value.to, {
    message: 'from must be less than or equal to to',
    path: ['from'],
  });

const list = <T extends z.ZodType>(item: T, max: number = MAX_FILTER_LIST_VALUES) =>
  z.array(item).max(max);

const ranges = list(range, MAX_FILTER_RANGES);

/**
 * The companies an ICP targets (v2 recommendations API). `employeeCount` and `employeeCounts`
 * together are one filter, a company in any of their ranges matching (and so for `revenue` and
 * `revenues`); `includeDomains` keeps only the companies of those domains; the `exclude*` lists
 * leave out what they name (a company without a domain or an industry is not left out).
 */
export const recommendationCompanies = z.strictObject({
  employeeCount: range.optional(),
  employeeCounts: ranges.meta({ description: 'Employee count ranges, OR-ed.' }).optional(),
  excludeDomains: list(companyDomain)
    .meta({ description: 'Companies of these domains are left out.' })
    .optional(),
  excludeIndustries: list(industry)
    .meta({ description: 'Companies in these industries are left out.' })
    .optional(),
  includeDomains: list(companyDomain)
    .meta({ description: 'Only the companies of these domains.' })
    .optional(),
  industries: list(industry).optional(),
  primaryLocations: list(locationCode).optional(),
  /** Annual revenue in US dollars. */
  revenue: range.optional(),
  revenues: ranges.meta({ description: 'Annual revenue ranges (US dollars), OR-ed.' }).optional(),
  yearFounded: yearRange.meta({ description: 'The year the company was founded in.' }).optional(),
});

const titleText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FILTER_VALUE_LENGTH)
  .meta({ pattern: NOT_BLANK_PATTERN });

/** The people an ICP targets (v2 recommendations API). */
export const recommendationPeople = z.strictObject({
  countries: list(locationCode).optional(),
  departments: list(department).optional(),
  exactJobTitles: list(titleText)
    .meta({
      description:
        'Job titles a person holds exactly: the whole title, trimmed, in any case. With jobTitles, a person matching either is kept.',
    })
    .optional(),
  excludeDepartments: list(department)
    .meta({ description: 'People in these departments are left out.' })
    .optional(),
  jobTitles: list(titleText.pipe(searchedJobTitle), MAX_ICP_JOB_TITLES).optional(),
  seniorities: list(seniority).optional(),
});

/** The lists of a v2 ICP as the lead engine searches them (it becomes one criterion). */
function searchedListsOf(body: {
  companies?: z.output<typeof recommendationCompanies> | undefined;
  people?: z.output<typeof recommendationPeople> | undefined;
}): SearchedList[] {
  const { companies = {}, people = {} } = body;
  const lists: (SearchedList | null)[] = [
    people.jobTitles
      ? { path: ['people', 'jobTitles'], kind: 'jobTitle', values: people.jobTitles }
      : null,
    people.countries
      ? { path: ['people', 'countries'], kind: 'country', values: people.countries }
      : null,
    companies.primaryLocations
      ? {
          path: ['companies', 'primaryLocations'],
          kind: 'country',
          values: companies.primaryLocations,
        }
      : null,
    people.seniorities
      ? { path: ['people', 'seniorities'], kind: 'other', values: people.seniorities }
      : null,
    people.departments
      ? { path: ['people', 'departments'], kind: 'other', values: people.departments }
      : null,
    people.exactJobTitles
      ? { path: ['people', 'exactJobTitles'], kind: 'other', values: people.exactJobTitles }
      : null,
    people.excludeDepartments
      ? {
          path: ['people', 'excludeDepartments'],
          kind: 'other',
          values: people.excludeDepartments,
        }
      : null,
    companies.industries
      ? { path: ['companies', 'industries'], kind: 'other', values: companies.industries }
      : null,
    companies.excludeIndustries
      ? {
          path: ['companies', 'excludeIndustries'],
          kind: 'other',
          values: companies.excludeIndustries,
        }
      : null,
    companies.includeDomains
      ? { path: ['companies', 'includeDomains'], kind: 'other', values: companies.includeDomains }
      : null,
    companies.excludeDomains
      ? { path: ['companies', 'excludeDomains'], kind: 'other', values: companies.excludeDomains }
      : null,
    companies.employeeCounts
      ? {
          path: ['companies', 'employeeCounts'],
          kind: 'range',
          values: companies.employeeCounts.map(() => 'range'),
        }
      : null,
    companies.revenues
      ? {
          path: ['companies', 'revenues'],
          kind: 'range',
          values: companies.revenues.map(() => 'range'),
        }
      : null,
  ];
  return lists.filter((searched) => searched !== null);
}

/** Body of `POST /v2/recommendations/icp`: values are checked against the filter catalog. */
export const recommendationIcpInput = z
  .strictObject({
    companies: recommendationCompanies.optional(),
    externalUserId: externalUserId.optional(),
    people: recommendationPeople.optional(),
  })
  .superRefine((body, ctx) => {
    for (const issue of searchLimitIssues(searchedListsOf(body))) {
      ctx.addIssue({ code: 'custom', ...issue, input: body });
    }
  })
  .meta({ id: 'RecommendationIcpInput' });

/** A saved v2 ICP: what was sent (normalized), with its id. */
export const recommendationIcp = z
  .strictObject({
    companies: recommendationCompanies.optional(),
    externalUserId: externalUserId.optional(),
    id: z.uuid(),
    people: recommendationPeople.optional(),
  })
  .meta({ id: 'RecommendationIcp' });

/** Limit of the `pagination` of `GET /v2/recommendations/icp` (one ICP per user fits in it). */
export const RECOMMENDATION_ICP_LIST_LIMIT = 10;

/** One ICP of `GET /v2/recommendations/icp`: the filters as saved, those not set as `{}`. */
export const recommendationIcpFilter = z
  .strictObject({
    id: z.uuid(),
    type: z.literal('DECLARED_ICP'),
    companies: recommendationCompanies,
    people: recommendationPeople,
  })
  .meta({ id: 'RecommendationIcpFilter' });

/** What `GET /v2/recommendations/icp` returns: the saved ICP, or none (an empty list). */
export const recommendationIcpList = z
  .strictObject({
    icpFilters: z.array(recommendationIcpFilter).max(1),
    pagination: z.strictObject({
      hasMore: z.boolean(),
      limit: z.literal(RECOMMENDATION_ICP_LIST_LIMIT),
      totalAmount: z.number().int().min(0).max(1),
    }),
  })
  .meta({ id: 'RecommendationIcpList' });

/** Query of `GET /v2/recommendations/icp`. */
export const recommendationIcpQuery = z.strictObject({
  externalUserId: externalUserId.optional(),
});

export type RecommendationIcpInput = z.input<typeof recommendationIcpInput>;
export type RecommendationIcpBody = z.output<typeof recommendationIcpInput>;
export type RecommendationIcp = z.output<typeof recommendationIcp>;
export type RecommendationIcpList = z.output<typeof recommendationIcpList>;
