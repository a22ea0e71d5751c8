import {
  countryCodes,
  type customFilterTypes,
  departments,
  industries,
  jobTitleWords,
  leadProviderCriteria,
  MAX_FILTER_LIST_VALUES,
  MAX_FILTER_VALUE_LENGTH,
  MAX_ICP_JOB_TITLES,
  MAX_JOB_TITLE_WORDS,
  MAX_OTHER_FILTER_KEYS,
  MAX_OTHER_FILTER_VALUE_BYTES,
  seniorities,
  worldRegionCodes,
} from '@icp/schema';
import fc from 'fast-check';

/**
 * Generators of request bodies every endpoint must accept. Their text is anything a user may
 * type, in any script, minus what no field may hold (the NUL character, lone surrogates and the
 * `__proto__` key; see the unstorable-input suite), so each generated body is valid as sent.
 */

export const text = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc.string({ unit: 'binary', maxLength }),
    )
    .map((value) => value.replaceAll('\u0000', ''));

/** Text of 1 to `maxUnits` UTF-16 units with something besides white space in it. */
export const nonBlankText = (maxUnits: number) =>
  text(Math.min(maxUnits, 40)).filter(
    (value) => value.trim().length > 0 && value.length <= maxUnits,
  );

/** The filter keys the schema types: the documented ones and those the engine reads. */
const typedFilterKeys = [
  'job_title',
  'location',
  'company',
  'skills',
  'seniority',
  'job_titles',
  'company_size',
  'department',
  'exact_job_title',
  'exclude_department',
];

/** A key a provider might add to its filters: plain ASCII, never one the schema types. */
const providerKey = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
  .filter((key) => key !== '__proto__' && !typedFilterKeys.includes(key));

const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  text(20),
);

/** Any JSON a provider may put under its own keys, kept as sent. */
const providerValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    jsonLeaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(providerKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const stringList = fc.array(text(30), { maxLength: 4 });
const employeeBound = fc.oneof(fc.nat(100_000), fc.maxSafeNat());

const employeeSize = fc
  .tuple(employeeBound, employeeBound)
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))
  .chain((size) => fc.subarray(['min', 'max'] as const).map((keys) => pick(size, keys)));

const baseProviderFilters = fc
  .tuple(
    fc.record(
      {
        job_title: stringList,
        location: fc.record(
          { country: stringList, state: stringList, city: stringList },
          { requiredKeys: [] },
        ),
        company: fc.record(
          { employee_size: employeeSize, industry: stringList, keywords: stringList },
          { requiredKeys: [] },
        ),
        skills: stringList,
        seniority: stringList,
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(providerKey, providerValue, { maxKeys: 3 }),
  )
  .map(([documented, providerOwn]) => ({ ...providerOwn, ...documented }));

/** Words of the generated lead set's titles, abbreviations among them. */
const titleWord = fc.constantFrom(
  ...['Senior', 'Manager', 'Director', 'Engineer', 'Sales', 'Head', 'of', 'Marketing', 'Software'],
  ...['Product', 'VP', 'CTO', 'Sr.', 'Data', 'Account', 'Executive', 'Operations', 'Chief'],
);

/** A job title of up to 16 words as the engine reads them (so `CTO` counts three). */
const searchedTitle = fc.array(titleWord, { minLength: 1, maxLength: 24 }).map((words) => {
  const kept: string[] = [];
  for (const word of words) {
    if (jobTitleWords([...kept, word].join(' ')).length > MAX_JOB_TITLE_WORDS) break;
    kept.push(word);
  }
  return kept.join(' ');
});

const place = fc.oneof(
  fc.constantFrom(...worldRegionCodes),
  fc.constantFrom(...countryCodes),
  fc.constantFrom('Germany', 'United States', 'Türkiye', 'Nowhere'),
);
/** A list of up to `maxLength` items, often short and sometimes close to the whole length. */
const longList = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.oneof(fc.array(item, { maxLength }), fc.array(item, { maxLength, size: 'large' }));
const manyValues = (maxLength: number) =>
  longList(text(12), maxLength).map((values) => values.map((value, index) => `${value}${index}`));

/** A criterion whose lists may be long, and which may add keys of its own up to their bounds. */
const largeCriterion = fc.record(
  {
    provider: fc.constant('baseProvider'),
    type: fc.constantFrom('person', 'company'),
    filters: fc
      .record(
        {
          job_title: longList(searchedTitle, MAX_ICP_JOB_TITLES),
          job_titles: fc.oneof(searchedTitle, fc.array(searchedTitle, { maxLength: 10 })),
          location: fc.record(
            {
              country: fc.array(place, { maxLength: 40 }),
              city: manyValues(MAX_FILTER_LIST_VALUES),
              state: manyValues(50),
            },
            { requiredKeys: [] },
          ),
          company: fc.record(
            {
              industry: fc.array(fc.constantFrom(...industries), { maxLength: 60 }),
              keywords: manyValues(MAX_FILTER_LIST_VALUES),
              location: fc.record({ country: fc.array(place, { maxLength: 8 }) }),
              employee_size: employeeSize,
            },
            { requiredKeys: [] },
          ),
          skills: manyValues(200),
          seniority: fc.array(fc.constantFrom(...seniorities), { maxLength: 12 }),
          department: fc.array(fc.constantFrom(...departments), { maxLength: 12 }),
          company_size: fc.array(fc.constantFrom('1-10', '11-50', '51-200', '5001+', '7-9'), {
            maxLength: 50,
          }),
          own: fc.dictionary(providerKey, providerValue, { maxKeys: MAX_OTHER_FILTER_KEYS }),
        },
        { requiredKeys: [] },
      )
      .map(({ own, ...typed }) => ({ ...own, ...typed })),
  },
  { requiredKeys: ['provider', 'filters'] },
);

const values = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix} ${index}`);

/**
 * Criteria in every world region (248 countries, person and company: 496 search terms each), the
 * most that fit beside 100 - n small criteria of 8 terms each.
 */
const REGION_CRITERIA = 18;

/** Criteria exactly at the bounds of one ICP: every one of them is accepted. */
const criteriaAtTheCaps = [
  // Job titles: all an ICP may search, each of all the words a title may hold.
  [
    {
      provider: 'baseProvider',
      filters: {
        job_title: Array.from({ length: MAX_ICP_JOB_TITLES }, (_, index) =>
          `Senior Software Engineer Data Product Sales Marketing Head Account Operations VP Manager Director ${index}`.slice(
            0,
            MAX_FILTER_VALUE_LENGTH,
          ),
        ),
      },
    },
  ],
  // Search terms: ten lists of the longest length, all the 10,000 terms an ICP may hold.
  [
    {
      provider: 'baseProvider',
      type: 'company',
      filters: {
        skills: values(MAX_FILTER_LIST_VALUES, 'skill'),
        seniority: values(MAX_FILTER_LIST_VALUES, 'seniority'),
        department: values(MAX_FILTER_LIST_VALUES, 'department'),
        location: {
          country: values(MAX_FILTER_LIST_VALUES, 'country'),
          state: values(MAX_FILTER_LIST_VALUES, 'state'),
          city: values(MAX_FILTER_LIST_VALUES, 'city'),
        },
        company: {
          industry: values(MAX_FILTER_LIST_VALUES, 'industry'),
          keywords: values(MAX_FILTER_LIST_VALUES, 'keyword'),
          location: {
            state: values(MAX_FILTER_LIST_VALUES, 'state'),
            city: values(MAX_FILTER_LIST_VALUES, 'city'),
          },
        },
      },
    },
  ],
  // Criteria: the most an ICP may hold, each in every world region, person and company.
  Array.from({ length: 100 }, (_, index) => ({
    provider: 'baseProvider',
    type: index % 2 === 0 ? 'person' : 'company',
    filters:
      index < REGION_CRITERIA
        ? {
            location: { country: [...worldRegionCodes] },
            company: { location: { country: [...worldRegionCodes] } },
          }
        : { job_title: ['CTO'], company_size: ['1-10', '51-200'] },
  })),
  // Keys of a provider's own: as many as filters may hold, each close to its size bound.
  [
    {
      provider: 'baseProvider',
      filters: Object.fromEntries(
        Array.from({ length: MAX_OTHER_FILTER_KEYS }, (_, index) => [
          `own_${index}`,
          'x'.repeat(index < 12 ? MAX_OTHER_FILTER_VALUE_BYTES - 16 : 10),
        ]),
      ),
    },
  ],
];

/**
 * Lead provider criteria at and near the bounds of one ICP: long lists, many criteria, world
 * regions, keys of a provider's own; each accepted by the schema.
 */
export const criteriaNearTheCaps = fc
  .oneof(
    { weight: 1, arbitrary: fc.constantFrom(...criteriaAtTheCaps) },
    { weight: 3, arbitrary: fc.array(largeCriterion, { minLength: 1, maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc.array(
        fc.record({
          provider: fc.constant('baseProvider'),
          type: fc.constantFrom('person', 'company'),
          filters: fc.record(
            {
              job_title: fc.array(searchedTitle, { maxLength: 1 }),
              location: fc.record({ country: fc.array(place, { maxLength: 2 }) }),
            },
            { requiredKeys: [] },
          ),
        }),
        { minLength: 30, maxLength: 100 },
      ),
    },
  )
  .filter((criteria) => leadProviderCriteria.safeParse(criteria).success);

const leadProviderCriterion = fc.record(
  {
    provider: fc.constant('baseProvider'),
    type: fc.constantFrom('person', 'company'),
    filters: baseProviderFilters,
  },
  { requiredKeys: ['provider', 'filters'] },
);

const prompt = nonBlankText(10_000);
const providerName = nonBlankText(200);
const dotPath = fc.stringMatching(/^[A-Za-z_$][\w$]{0,8}(\.[A-Za-z_$][\w$]{0,8}){0,2}$/);
const escapeForRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const regex = fc
  .oneof(
    fc.constantFrom('^(?=.*\\bCTO\\b).*$', '^VP', '(Head|Chief) of', '\\d{3,}', '[a-z]+@[a-z]+'),
    text(30).map(escapeForRegex),
  )
  .filter((pattern) => pattern.length <= 500);

const customFilterOfType = {
  website: fc.record({ type: fc.constant('website'), provider: providerName, prompt }),
  webscraping: fc.record(
    {
      type: fc.constant('webscraping'),
      provider: providerName,
      extractionPrompt: prompt,
      pageFindingPrompt: prompt,
      includeSearchStrings: fc.array(text(40), { maxLength: 3 }),
      excludeSearchStrings: fc.array(text(40), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'provider', 'extractionPrompt'] },
  ),
  ai: fc.record({
    type: fc.constant('ai'),
    entityType: fc.constantFrom('company', 'person'),
    prompt,
  }),
  maxPeoplePerCompany: fc.record(
    { type: fc.constant('maxPeoplePerCompany'), value: fc.integer({ min: 1, max: 1_000 }) },
    { requiredKeys: ['type'] },
  ),
  maxPercentFromCRM: fc.record(
    { type: fc.constant('maxPercentFromCRM'), value: fc.integer({ min: 0, max: 100 }) },
    { requiredKeys: ['type'] },
  ),
  minDaysUntilReuse: fc.record(
    { type: fc.constant('minDaysUntilReuse'), value: fc.nat(10_000) },
    { requiredKeys: ['type'] },
  ),
  matchFieldWithRegex: fc.record({
    type: fc.constant('matchFieldWithRegex'),
    field: dotPath,
    regex,
  }),
} satisfies Record<(typeof customFilterTypes)[number], fc.Arbitrary<unknown>>;

const customFilterCriterion = fc.oneof(...Object.values(customFilterOfType));

const crmCondition = fc.oneof(
  fc.record(
    {
      path: nonBlankText(200),
      mode: fc.constantFrom('equals', 'startsWith'),
      value: text(40),
      exclude: fc.boolean(),
    },
    { requiredKeys: ['path', 'mode', 'value'] },
  ),
  fc.record(
    {
      path: nonBlankText(200),
      mode: fc.constant('in'),
      value: fc.array(text(40), { minLength: 1, maxLength: 4 }),
      exclude: fc.boolean(),
    },
    { requiredKeys: ['path', 'mode', 'value'] },
  ),
);

const crmFilters = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      provider: fc.constant('bullhorn'),
      textSearch: fc.option(text(100)),
      query: fc.option(text(100)),
      filters: fc.array(crmCondition, { maxLength: 3 }),
    },
    { requiredKeys: ['provider'] },
  ),
);

const userIds = fc.array(nonBlankText(255), { maxLength: 5 });

/** An ISO 8601 date-time with an offset, in any of the forms the API accepts. */
const dateTime = fc
  .tuple(
    fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2200-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }),
    fc.boolean(),
  )
  .map(([date, offsetMinutes, withMilliseconds]) => {
    const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
    const clock = withMilliseconds ? local.slice(0, 23) : local.slice(0, 19);
    if (offsetMinutes === 0) return `${clock}Z`;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const hours = String(Math.trunc(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
    return `${clock}${sign}${hours}:${minutes}`;
  });

const icpFields = {
  name: nonBlankText(200),
  description: fc.option(text(200)),
  leadProviderCriteria: fc.array(leadProviderCriterion, { maxLength: 3 }),
  customFilterCriteria: fc.array(customFilterCriterion, { maxLength: 4 }),
  crmFilters,
  userIds,
  leadsPerList: fc.integer({ min: 1, max: 10_000 }),
  activeUntil: fc.option(dateTime),
};

/** A body of `POST /api/v1/entities/icps`. */
export const icpCreateBody = fc.record(icpFields, {
  requiredKeys: ['name', 'leadProviderCriteria', 'customFilterCriteria', 'userIds'],
});

/** A body of `PATCH /api/v1/entities/icps/{id}`: any subset of the fields. */
export const icpPatchBody = fc.record(
  { ...icpFields, userIds: fc.array(nonBlankText(255), { minLength: 1, maxLength: 5 }) },
  { requiredKeys: [] },
);

export const leadPreviewBody = fc.record(
  { limit: fc.integer({ min: 1, max: 100 }) },
  { requiredKeys: [] },
);

export const leadListBody = fc.record(
  { size: fc.integer({ min: 1, max: 50 }) },
  { requiredKeys: [] },
);

/** A country code or a region code, in any case (the API normalizes it). */
const locationCode = fc
  .constantFrom(...countryCodes, ...worldRegionCodes)
  .chain((code) => fc.constantFrom(code, code.toUpperCase(), code.toLowerCase()));

const range = (max: number) =>
  fc
    .tuple(fc.nat(max), fc.nat(max))
    .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

/** A company domain, in any case and with spaces around it (the API normalizes it). */
const domain = fc
  .domain()
  .filter((name) => /\.[a-z]{2,63}$/.test(name))
  .chain((name) => fc.constantFrom(name, name.toUpperCase(), ` ${name} `));

export const externalUserId = nonBlankText(250);
/** An `externalUserId` a fetch accepts (longer than any an ICP is saved under). */
export const fetchExternalUserId = nonBlankText(255);

/** A body of `POST /v2/recommendations/icp`, with values from the filter catalog. */
export const recommendationIcpBody = fc.record(
  {
    companies: fc.record(
      {
        employeeCount: range(1_000_000),
        employeeCounts: fc.array(range(1_000_000), { maxLength: 3 }),
        excludeDomains: fc.array(domain, { maxLength: 3 }),
        excludeIndustries: fc.uniqueArray(fc.constantFrom(...industries), { maxLength: 3 }),
        includeDomains: fc.array(domain, { maxLength: 3 }),
        industries: fc.uniqueArray(fc.constantFrom(...industries), { maxLength: 4 }),
        primaryLocations: fc.array(locationCode, { maxLength: 4 }),
        revenue: range(Number.MAX_SAFE_INTEGER),
        revenues: fc.array(range(Number.MAX_SAFE_INTEGER), { maxLength: 3 }),
        yearFounded: range(9_999),
      },
      { requiredKeys: [] },
    ),
    externalUserId,
    people: fc.record(
      {
        countries: fc.array(locationCode, { maxLength: 4 }),
        departments: fc.uniqueArray(fc.constantFrom(...departments), { maxLength: 3 }),
        exactJobTitles: fc.array(nonBlankText(200), { maxLength: 3 }),
        excludeDepartments: fc.uniqueArray(fc.constantFrom(...departments), { maxLength: 3 }),
        jobTitles: fc.array(nonBlankText(200), { maxLength: 3 }),
        seniorities: fc.uniqueArray(fc.constantFrom(...seniorities), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** A body of `POST /v2/recommendations/fetch`: a page of at most 100 companies (required). */
export const recommendationFetchBody = (externalUserIds: fc.Arbitrary<string>) =>
  fc.record(
    {
      externalUserId: externalUserIds,
      pagination: fc
        .tuple(fc.nat(1_000), fc.integer({ min: 1, max: 100 }))
        .map(([from, size]) => ({ from, to: from + size })),
    },
    { requiredKeys: ['pagination'] },
  );

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
