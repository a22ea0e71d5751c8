import { z } from 'zod';
import {
  MAX_COMPANY_SIZE_BANDS,
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_RANGES,
  MAX_FILTER_VALUE_LENGTH,
  MAX_ICP_JOB_TITLES,
  MAX_ICP_SEARCH_TERMS,
  MAX_JOB_TITLE_WORDS,
  MAX_OTHER_FILTER_KEYS,
  MAX_OTHER_FILTER_VALUE_BYTES,
} from './icp-limits.js';
import { jobTitleWords } from './job-title-words.js';
import { companyDomain } from './leads/company.js';
import { otherFilterKeyIssues } from './other-filter-keys.js';
import { searchedListsOfFilters, searchLimitIssues } from './search-terms.js';

/** How deep provider filters may nest: ample for any provider, and safe to walk and store. */
export const MAX_FILTER_DEPTH = 16;

/** Whether a JSON value nests deeper than `limit` objects or arrays; never recurses past it. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => nestsDeeperThan(child, limit - 1));
}
const nonNegativeInteger = z.number().int().min(0);

const filterValue = z.string().max(MAX_FILTER_VALUE_LENGTH);
const valueList = z.array(filterValue).max(MAX_FILTER_LIST_VALUES);

/** Domains such as `acme.io`, kept as sent (the engine ignores their case and outer spaces). */
const domainList = z
  .array(
    z.string().refine((value) => companyDomain.safeParse(value).success, {
      message: 'Must be a domain such as "acme.io" (no scheme, no path)',
    }),
  )
  .max(MAX_FILTER_LIST_VALUES);

const minNotAboveMax: [
  (range: { min?: number | undefined; max?: number | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (range) => range.min === undefined || range.max === undefined || range.min <= range.max,
  { message: 'min must be less than or equal to max', path: ['min'] },
];

const minMaxRange = z
  .looseObject({ min: nonNegativeInteger.optional(), max: nonNegativeInteger.optional() })
  .refine(...minNotAboveMax);

/** A list of ranges: a company matches when it falls in any of them. */
const rangeList = z
  .array(
    z
      .strictObject({ min: nonNegativeInteger.optional(), max: nonNegativeInteger.optional() })
      .refine(...minNotAboveMax),
  )
  .max(MAX_FILTER_RANGES);

const titleWordsRule = `at most ${MAX_JOB_TITLE_WORDS} words (an abbreviation counts as the words it stands for: CTO is three)`;

/** A searched job title, bounded by the words the engine searches it by (see `jobTitleWords`). */
export const searchedJobTitle = filterValue
  .refine(
    (title) => jobTitleWords(title).length <= MAX_JOB_TITLE_WORDS,
    `A job title may hold ${titleWordsRule}`,
  )
  .meta({ description: `A job title of ${titleWordsRule}.` });
const jobTitleList = z.array(searchedJobTitle).max(MAX_ICP_JOB_TITLES);

/**
 * A key the engine reads that the docs do not list (legacy `job_titles`, say): a list, or a
 * lone value that the engine reads as a list of one; null reads as absent. Kept as sent.
 */
function engineList<T extends z.ZodType<string>>(item: T, max: number, description: string) {
  return z
    .union([item, z.array(item)], { error: 'Expected a list of strings, or one string' })
    .nullable()
    .superRefine((value, ctx) => {
      if (Array.isArray(value) && value.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `Too big: expected array to have <=${max} items`,
          input: value,
        });
      }
    })
    .meta({ description: `${description} At most ${max} values.` })
    .optional();
}

const engineLocation = z
  .looseObject({
    country: engineList(filterValue, MAX_FILTER_LIST_VALUES, 'Country names or codes.'),
    state: engineList(filterValue, MAX_FILTER_LIST_VALUES, 'States.'),
    city: engineList(filterValue, MAX_FILTER_LIST_VALUES, 'Cities.'),
  })
  .nullable()
  .meta({ description: 'Where the company is, whatever the search type.' })
  .optional();

/**
 * Filters of the built-in `baseProvider`. The documented keys are type-checked, and so are the
 * undocumented ones the engine reads (legacy `job_titles` and `company_size`, `department`,
 * `company.location`); any other key (a provider's newer parameters) passes through untouched,
 * within bounds (see other-filter-keys.ts).
 */
export const baseProviderFilters = z
  .looseObject({
    job_title: jobTitleList.optional(),
    exact_job_title: valueList
      .meta({
        description: 'Job titles a person holds exactly (whole title, trimmed, any case).',
      })
      .optional(),
    location: z
      .looseObject({
        country: valueList.optional(),
        state: valueList.optional(),
        city: valueList.optional(),
      })
      .optional(),
    company: z
      .looseObject({
        employee_size: minMaxRange.optional(),
        employee_sizes: rangeList
          .meta({ description: 'Employee count ranges; the company is in any of them.' })
          .optional(),
        revenues: rangeList
          .meta({ description: 'Annual revenue ranges (US dollars); the company is in any.' })
          .optional(),
        founded_year: minMaxRange.optional(),
        industry: valueList.optional(),
        exclude_industry: valueList
          .meta({ description: 'Industries the company must not be in.' })
          .optional(),
        keywords: valueList.optional(),
        domain: domainList.meta({ description: 'Only the companies of these domains.' }).optional(),
        exclude_domain: domainList
          .meta({ description: 'Companies of these domains are left out.' })
          .optional(),
        location: engineLocation,
      })
      .optional(),
    skills: valueList.optional(),
    seniority: valueList.optional(),
    job_titles: engineList(searchedJobTitle, MAX_ICP_JOB_TITLES, 'Legacy job titles.'),
    company_size: engineList(
      filterValue,
      MAX_COMPANY_SIZE_BANDS,
      'Legacy employee count bands such as "501-1000" or "5001+".',
    ),
    department: engineList(filterValue, MAX_FILTER_LIST_VALUES, 'Departments.'),
    exclude_department: valueList
      .meta({ description: 'Departments the person must not be in.' })
      .optional(),
  })
  .meta({
    description: `Keys besides these are kept as sent: at most ${MAX_OTHER_FILTER_KEYS} per criterion (at any level), each holding at most ${MAX_OTHER_FILTER_VALUE_BYTES / 1024} KiB of JSON.`,
  })
  .superRefine((filters, ctx) => {
    if (nestsDeeperThan(filters, MAX_FILTER_DEPTH)) {
      ctx.addIssue({
        code: 'custom',
        message: `Filters may nest at most ${MAX_FILTER_DEPTH} levels deep`,
        input: filters,
      });
      return;
    }
    for (const issue of otherFilterKeyIssues(filters)) {
      ctx.addIssue({ code: 'custom', ...issue, input: filters });
    }
  });

/** One lead provider search. Without `type` it is a person search (legacy form), kept as sent. */
export const leadProviderCriterion = z
  .strictObject({
    provider: z.literal('baseProvider'),
    type: z.enum(['person', 'company']).optional(),
    filters: baseProviderFilters,
  })
  .meta({ id: 'LeadProviderCriterion' });

/** Lead provider criteria, bounded in all by what one search may hold (see icp-limits.ts). */
export const leadProviderCriteria = z
  .array(leadProviderCriterion)
  .max(100)
  .superRefine((criteria, ctx) => {
    const lists = criteria.flatMap((criterion, index) =>
      searchedListsOfFilters(criterion.filters, [index, 'filters']),
    );
    for (const issue of searchLimitIssues(lists)) {
      ctx.addIssue({ code: 'custom', ...issue, input: criteria });
    }
  })
  .meta({
    description: `At most ${MAX_ICP_JOB_TITLES} job titles and ${MAX_ICP_SEARCH_TERMS} search terms in all (a job title counts its words plus one, a world region the countries it covers, a company_size band two, any other value one).`,
  });

export type BaseProviderFilters = z.infer<typeof baseProviderFilters>;
export type LeadProviderCriterion = z.infer<typeof leadProviderCriterion>;
