import {
  countryCodes,
  type customFilterTypes,
  departments,
  industries,
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

const documentedFilterKeys = ['job_title', 'location', 'company', 'skills', 'seniority'];

/** A key a provider might add to its filters: plain ASCII, never one the schema types. */
const providerKey = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
  .filter((key) => key !== '__proto__' && !documentedFilterKeys.includes(key));

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

export const externalUserId = nonBlankText(250);

/** A body of `POST /v2/recommendations/icp`, with values from the filter catalog. */
export const recommendationIcpBody = fc.record(
  {
    companies: fc.record(
      {
        employeeCount: range(1_000_000),
        industries: fc.uniqueArray(fc.constantFrom(...industries), { maxLength: 4 }),
        primaryLocations: fc.array(locationCode, { maxLength: 4 }),
        revenue: range(Number.MAX_SAFE_INTEGER),
      },
      { requiredKeys: [] },
    ),
    externalUserId,
    people: fc.record(
      {
        countries: fc.array(locationCode, { maxLength: 4 }),
        departments: fc.uniqueArray(fc.constantFrom(...departments), { maxLength: 3 }),
        jobTitles: fc.array(nonBlankText(200), { maxLength: 3 }),
        seniorities: fc.uniqueArray(fc.constantFrom(...seniorities), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** A body of `POST /v2/recommendations/fetch`: a page of at most 100 companies. */
export const recommendationFetchBody = (externalUserIds: fc.Arbitrary<string>) =>
  fc.record(
    {
      externalUserId: externalUserIds,
      pagination: fc
        .tuple(fc.nat(1_000), fc.integer({ min: 1, max: 100 }))
        .map(([from, size]) => ({ from, to: from + size })),
    },
    { requiredKeys: [] },
  );

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
