import { z } from 'zod';
import {
  countries,
  countryCode,
  department,
  departments,
  employeeCountBands,
  industries,
  industry,
  revenueBands,
  seniorities,
  seniority,
  worldRegionCodes,
  worldRegions,
} from '../catalog/index.js';
import {
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_RANGES,
  MAX_FILTER_VALUE_LENGTH,
  MAX_ICP_JOB_TITLES,
} from '../icp-limits.js';
import { MAX_YEAR_FOUNDED } from './recommendation-icp.js';

const band = z.strictObject({
  label: z.string(),
  from: z.number().int().min(0),
  to: z.number().int().min(0).nullable().describe('Inclusive upper bound; null when open above.'),
});

const field = z.string().describe('Where the filter is in the ICP: `companies.industries`...');
const maxItems = z.number().int().min(1).describe('Most values the list may hold.');
const valueLists = z
  .enum(['seniorities', 'departments', 'industries', 'locations'])
  .describe(
    'The list of this body holding the accepted values; `locations`: the codes of `countries` and of `worldRegions`.',
  );
const bandLists = z
  .enum(['employeeCountBands', 'revenueBands'])
  .describe('The bands of this body a picker may offer for the range.');
const bounds = {
  min: z.number().int().min(0).describe('Least value of `from`.'),
  max: z.number().int().min(0).nullable().describe('Greatest value of `to`; null: none.'),
};

/** One filter of the v2 ICP as Get Filters describes it: what it accepts, and how much. */
export const recommendationFilterField = z
  .discriminatedUnion('kind', [
    z.strictObject({
      field,
      kind: z.literal('values').describe('A list of values from a list of this body.'),
      values: valueLists,
      maxItems,
    }),
    z.strictObject({
      field,
      kind: z.literal('text').describe('A list of free text (job titles).'),
      maxItems,
      maxLength: z.number().int().min(1).describe('Most characters of one value.'),
    }),
    z.strictObject({
      field,
      kind: z.literal('domains').describe('A list of domains such as "acme.io".'),
      maxItems,
    }),
    z.strictObject({
      field,
      kind: z.literal('range').describe('One range `{from, to}`, both inclusive.'),
      ...bounds,
      bands: bandLists.optional(),
    }),
    z.strictObject({
      field,
      kind: z.literal('ranges').describe('A list of ranges `{from, to}`; any of them matches.'),
      ...bounds,
      maxItems,
      bands: bandLists,
    }),
  ])
  .meta({ id: 'RecommendationFilterField' });

export type RecommendationFilterField = z.output<typeof recommendationFilterField>;

const listOf = (values: 'seniorities' | 'departments' | 'industries' | 'locations') =>
  ({ kind: 'values', values, maxItems: MAX_FILTER_LIST_VALUES }) as const;
const domains = { kind: 'domains', maxItems: MAX_FILTER_LIST_VALUES } as const;
const amounts = { min: 0, max: null };

/** Every filter of the v2 ICP (`companies.*` and `people.*`), in the order of the schema. */
export const recommendationFilterFields: readonly RecommendationFilterField[] = [
  { field: 'companies.employeeCount', kind: 'range', ...amounts, bands: 'employeeCountBands' },
  {
    field: 'companies.employeeCounts',
    kind: 'ranges',
    ...amounts,
    maxItems: MAX_FILTER_RANGES,
    bands: 'employeeCountBands',
  },
  { field: 'companies.excludeDomains', ...domains },
  { field: 'companies.excludeIndustries', ...listOf('industries') },
  { field: 'companies.includeDomains', ...domains },
  { field: 'companies.industries', ...listOf('industries') },
  { field: 'companies.primaryLocations', ...listOf('locations') },
  { field: 'companies.revenue', kind: 'range', ...amounts, bands: 'revenueBands' },
  {
    field: 'companies.revenues',
    kind: 'ranges',
    ...amounts,
    maxItems: MAX_FILTER_RANGES,
    bands: 'revenueBands',
  },
  { field: 'companies.yearFounded', kind: 'range', min: 0, max: MAX_YEAR_FOUNDED },
  { field: 'people.countries', ...listOf('locations') },
  { field: 'people.departments', ...listOf('departments') },
  {
    field: 'people.exactJobTitles',
    kind: 'text',
    maxItems: MAX_FILTER_LIST_VALUES,
    maxLength: MAX_FILTER_VALUE_LENGTH,
  },
  { field: 'people.excludeDepartments', ...listOf('departments') },
  {
    field: 'people.jobTitles',
    kind: 'text',
    maxItems: MAX_ICP_JOB_TITLES,
    maxLength: MAX_FILTER_VALUE_LENGTH,
  },
  { field: 'people.seniorities', ...listOf('seniorities') },
];

/** Body of `GET /v1/people/search/filters`: every filter of the v2 ICP and the values it accepts. */
export const filterCatalogResponse = z
  .strictObject({
    filters: z.array(recommendationFilterField),
    seniorities: z.array(seniority),
    departments: z.array(department),
    industries: z.array(industry),
    employeeCountBands: z.array(band),
    revenueBands: z.array(band.describe('Annual revenue in US dollars.')),
    countries: z.array(z.strictObject({ code: countryCode, name: z.string() })),
    worldRegions: z.array(
      z.strictObject({
        code: z.enum(worldRegionCodes),
        name: z.string(),
        countries: z.array(countryCode),
      }),
    ),
  })
  .meta({ id: 'FilterCatalog' });

/** The filter catalog as the API returns it. */
export type FilterCatalog = z.output<typeof filterCatalogResponse>;

/** What `GET /v1/people/search/filters` returns, built from the catalog's lists alone. */
export const filterCatalog = {
  filters: recommendationFilterFields,
  seniorities,
  departments,
  industries,
  employeeCountBands,
  revenueBands,
  countries,
  worldRegions,
} as const;
