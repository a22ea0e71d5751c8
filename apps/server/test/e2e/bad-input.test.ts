import type { ErrorEnvelope } from '@icp/schema';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api-client.js';
import { icpBody } from '../support/icp-bodies.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const OWNER = 'owner_bad_input';
const ONE_MIB = 1024 * 1024;

type Path = (string | number)[];

/** A body that is wrong in exactly one place, and where the API must say so. */
interface FieldCase {
  label: string;
  /** Top-level keys: merged into a valid body on create, sent alone on update. */
  fields: Record<string, unknown>;
  path: Path;
  /** Text the detail's message must contain, where the wording matters (an unknown key's name). */
  mentions?: string;
}

const person = (filters: Record<string, unknown>) => ({
  leadProviderCriteria: [{ provider: 'baseProvider', type: 'person', filters }],
});
const criterion = (item: unknown) => ({ leadProviderCriteria: [item] });
const customFilter = (item: unknown) => ({ customFilterCriteria: [item] });
const crm = (crmFilters: Record<string, unknown>) => ({
  crmFilters: { provider: 'bullhorn', ...crmFilters },
});
const condition = (item: Record<string, unknown>) => crm({ filters: [item] });
const regexFilters = (count: number, length: number) =>
  Array.from({ length: count }, () => ({
    type: 'matchFieldWithRegex',
    field: 'jobTitle',
    regex: 'a'.repeat(length),
  }));
const userIdsOf = (count: number, prefix = 'member_') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

const LEAD_PATH = ['leadProviderCriteria', 0];
const FILTERS_PATH = [...LEAD_PATH, 'filters'];
const SIZE_PATH = [...FILTERS_PATH, 'company', 'employee_size'];
const CUSTOM_PATH = ['customFilterCriteria', 0];
const CONDITION_PATH = ['crmFilters', 'filters', 0];

/** Wrong on create and on update alike. */
const fieldCases: FieldCase[] = [
  // A wrong type for every top-level field.
  { label: 'name as a number', fields: { name: 42 }, path: ['name'] },
  { label: 'description as a number', fields: { description: 42 }, path: ['description'] },
  {
    label: 'leadProviderCriteria as an object',
    fields: { leadProviderCriteria: {} },
    path: ['leadProviderCriteria'],
  },
  {
    label: 'customFilterCriteria as a string',
    fields: { customFilterCriteria: 'none' },
    path: ['customFilterCriteria'],
  },
  { label: 'crmFilters as a string', fields: { crmFilters: 'bullhorn' }, path: ['crmFilters'] },
  { label: 'crmFilters as an array', fields: { crmFilters: [] }, path: ['crmFilters'] },
  { label: 'userIds as a string', fields: { userIds: 'user_1' }, path: ['userIds'] },
  { label: 'userIds holding a number', fields: { userIds: [7] }, path: ['userIds', 0] },
  { label: 'leadsPerList as a string', fields: { leadsPerList: '10' }, path: ['leadsPerList'] },
  { label: 'leadsPerList as null', fields: { leadsPerList: null }, path: ['leadsPerList'] },
  {
    label: 'activeUntil as a number',
    fields: { activeUntil: 1735689599000 },
    path: ['activeUntil'],
  },

  // Unknown keys are named, not ignored.
  {
    label: 'the typo leadPerList',
    fields: { leadPerList: 20 },
    path: ['leadPerList'],
    mentions: 'leadPerList',
  },
  {
    label: 'an unknown key in a lead provider criterion',
    fields: criterion({ provider: 'baseProvider', filters: {}, limit: 5 }),
    path: [...LEAD_PATH, 'limit'],
    mentions: 'limit',
  },
  {
    label: 'an unknown key in a custom filter item',
    fields: customFilter({ type: 'maxPeoplePerCompany', value: 2, perCompany: 3 }),
    path: [...CUSTOM_PATH, 'perCompany'],
    mentions: 'perCompany',
  },
  {
    label: 'an unknown key in a CRM filter condition',
    fields: condition({ path: 'status', mode: 'equals', value: 'Active', negate: true }),
    path: [...CONDITION_PATH, 'negate'],
    mentions: 'negate',
  },
  {
    label: 'an unknown key in crmFilters',
    fields: crm({ textSearch: 'CTO', filter: [] }),
    path: ['crmFilters', 'filter'],
    mentions: 'filter',
  },

  // Lead provider criteria.
  { label: 'a criterion that is a string', fields: criterion('baseProvider'), path: LEAD_PATH },
  {
    label: 'a provider other than baseProvider',
    fields: criterion({ provider: 'linkedin', filters: {} }),
    path: [...LEAD_PATH, 'provider'],
  },
  {
    label: 'a search type other than person or company',
    fields: criterion({ provider: 'baseProvider', type: 'team', filters: {} }),
    path: [...LEAD_PATH, 'type'],
  },
  {
    label: 'a criterion without filters',
    fields: criterion({ provider: 'baseProvider', type: 'person' }),
    path: [...LEAD_PATH, 'filters'],
  },
  {
    label: 'filters as an array',
    fields: criterion({ provider: 'baseProvider', filters: [] }),
    path: FILTERS_PATH,
  },
  {
    label: 'job_title as a string',
    fields: person({ job_title: 'CTO' }),
    path: [...FILTERS_PATH, 'job_title'],
  },
  {
    label: 'job_title holding a number',
    fields: person({ job_title: ['CTO', 3] }),
    path: [...FILTERS_PATH, 'job_title', 1],
  },
  {
    label: 'location.country as a string',
    fields: person({ location: { country: 'Germany' } }),
    path: [...FILTERS_PATH, 'location', 'country'],
  },
  {
    label: 'location.city holding a number',
    fields: person({ location: { city: [10115] } }),
    path: [...FILTERS_PATH, 'location', 'city', 0],
  },
  {
    label: 'company.industry as a string',
    fields: person({ company: { industry: 'Technology' } }),
    path: [...FILTERS_PATH, 'company', 'industry'],
  },
  {
    label: 'company.keywords as an object',
    fields: person({ company: { keywords: { any: 'saas' } } }),
    path: [...FILTERS_PATH, 'company', 'keywords'],
  },
  {
    label: 'skills as a string',
    fields: person({ skills: 'TypeScript' }),
    path: [...FILTERS_PATH, 'skills'],
  },
  {
    label: 'seniority as a number',
    fields: person({ seniority: 3 }),
    path: [...FILTERS_PATH, 'seniority'],
  },
  {
    label: 'company.employee_size with min > max',
    fields: person({ company: { employee_size: { min: 5000, max: 100 } } }),
    path: [...SIZE_PATH, 'min'],
  },
  {
    label: 'a negative company.employee_size.min',
    fields: person({ company: { employee_size: { min: -1, max: 100 } } }),
    path: [...SIZE_PATH, 'min'],
  },
  {
    label: 'a non-integer company.employee_size.max',
    fields: person({ company: { employee_size: { min: 1, max: 99.5 } } }),
    path: [...SIZE_PATH, 'max'],
  },
  {
    label: 'company.employee_size.min as a string',
    fields: person({ company: { employee_size: { min: '100' } } }),
    path: [...SIZE_PATH, 'min'],
  },

  // Custom filter criteria.
  {
    label: 'an unknown custom filter type',
    fields: customFilter({ type: 'linkedinScore', value: 3 }),
    path: [...CUSTOM_PATH, 'type'],
  },
  {
    label: 'a custom filter without type',
    fields: customFilter({ value: 3 }),
    path: [...CUSTOM_PATH, 'type'],
  },
  { label: 'a custom filter that is a string', fields: customFilter('website'), path: CUSTOM_PATH },
  {
    label: 'a website filter without prompt',
    fields: customFilter({ type: 'website', provider: 'browserUse' }),
    path: [...CUSTOM_PATH, 'prompt'],
  },
  {
    label: 'a website prompt of 0 characters',
    fields: customFilter({ type: 'website', provider: 'browserUse', prompt: '' }),
    path: [...CUSTOM_PATH, 'prompt'],
  },
  {
    label: 'a website prompt of 10,001 characters',
    fields: customFilter({ type: 'website', provider: 'browserUse', prompt: 'p'.repeat(10_001) }),
    path: [...CUSTOM_PATH, 'prompt'],
  },
  {
    label: 'an ai prompt of 0 characters',
    fields: customFilter({ type: 'ai', entityType: 'person', prompt: '' }),
    path: [...CUSTOM_PATH, 'prompt'],
  },
  {
    label: 'an ai filter with entityType team',
    fields: customFilter({ type: 'ai', entityType: 'team', prompt: 'Is it a fit?' }),
    path: [...CUSTOM_PATH, 'entityType'],
  },
  {
    label: 'a webscraping extractionPrompt of 10,001 characters',
    fields: customFilter({
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'e'.repeat(10_001),
    }),
    path: [...CUSTOM_PATH, 'extractionPrompt'],
  },
  {
    label: 'a webscraping pageFindingPrompt of 0 characters',
    fields: customFilter({
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'Extract pricing',
      pageFindingPrompt: '',
    }),
    path: [...CUSTOM_PATH, 'pageFindingPrompt'],
  },
  {
    label: 'webscraping includeSearchStrings as a string',
    fields: customFilter({
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'Extract pricing',
      includeSearchStrings: 'pricing',
    }),
    path: [...CUSTOM_PATH, 'includeSearchStrings'],
  },
  {
    label: 'maxPeoplePerCompany 0',
    fields: customFilter({ type: 'maxPeoplePerCompany', value: 0 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'maxPeoplePerCompany 1.5',
    fields: customFilter({ type: 'maxPeoplePerCompany', value: 1.5 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'maxPeoplePerCompany "2"',
    fields: customFilter({ type: 'maxPeoplePerCompany', value: '2' }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'maxPercentFromCRM 101',
    fields: customFilter({ type: 'maxPercentFromCRM', value: 101 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'maxPercentFromCRM -1',
    fields: customFilter({ type: 'maxPercentFromCRM', value: -1 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'minDaysUntilReuse -1',
    fields: customFilter({ type: 'minDaysUntilReuse', value: -1 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'minDaysUntilReuse 0.5',
    fields: customFilter({ type: 'minDaysUntilReuse', value: 0.5 }),
    path: [...CUSTOM_PATH, 'value'],
  },
  {
    label: 'a matchFieldWithRegex regex that does not compile',
    fields: customFilter({
      type: 'matchFieldWithRegex',
      field: 'company.name',
      regex: '^(?!.*Test',
    }),
    path: [...CUSTOM_PATH, 'regex'],
  },
  {
    label: 'a matchFieldWithRegex regex of 501 characters',
    fields: customFilter({
      type: 'matchFieldWithRegex',
      field: 'company.name',
      regex: 'a'.repeat(501),
    }),
    path: [...CUSTOM_PATH, 'regex'],
  },
  {
    label: 'a matchFieldWithRegex field that is not a dot path',
    fields: customFilter({ type: 'matchFieldWithRegex', field: 'company name', regex: '^A' }),
    path: [...CUSTOM_PATH, 'field'],
  },
  {
    label: 'a matchFieldWithRegex without regex',
    fields: customFilter({ type: 'matchFieldWithRegex', field: 'firstName' }),
    path: [...CUSTOM_PATH, 'regex'],
  },
  {
    label: 'an 11th matchFieldWithRegex filter',
    fields: { customFilterCriteria: regexFilters(11, 1) },
    path: ['customFilterCriteria', 10],
    mentions: 'At most 10 matchFieldWithRegex filters',
  },
  {
    label: 'matchFieldWithRegex regexes of 2,001 characters in all',
    fields: { customFilterCriteria: [...regexFilters(4, 500), ...regexFilters(1, 1)] },
    path: ['customFilterCriteria', 4, 'regex'],
    mentions: 'at most 2,000 regex characters',
  },

  // CRM filters.
  {
    label: 'a CRM provider other than bullhorn',
    fields: { crmFilters: { provider: 'salesforce' } },
    path: ['crmFilters', 'provider'],
  },
  {
    label: 'crmFilters without provider',
    fields: { crmFilters: { textSearch: 'CTO' } },
    path: ['crmFilters', 'provider'],
  },
  {
    label: 'textSearch as a number',
    fields: crm({ textSearch: 1 }),
    path: ['crmFilters', 'textSearch'],
  },
  { label: 'query as an array', fields: crm({ query: ['CTO'] }), path: ['crmFilters', 'query'] },
  {
    label: 'CRM filters as an object',
    fields: crm({ filters: {} }),
    path: ['crmFilters', 'filters'],
  },
  {
    label: 'in mode with a string value',
    fields: condition({ path: 'address.countryName', mode: 'in', value: 'Germany' }),
    path: [...CONDITION_PATH, 'value'],
  },
  {
    label: 'in mode with an empty array',
    fields: condition({ path: 'address.countryName', mode: 'in', value: [] }),
    path: [...CONDITION_PATH, 'value'],
  },
  {
    label: 'equals mode with an array',
    fields: condition({ path: 'status', mode: 'equals', value: ['Active'] }),
    path: [...CONDITION_PATH, 'value'],
  },
  {
    label: 'startsWith mode with a number',
    fields: condition({ path: 'address.zip', mode: 'startsWith', value: 10 }),
    path: [...CONDITION_PATH, 'value'],
  },
  {
    label: 'an unknown CRM condition mode',
    fields: condition({ path: 'status', mode: 'like', value: 'Act%' }),
    path: [...CONDITION_PATH, 'mode'],
  },
  {
    label: 'a CRM condition without value',
    fields: condition({ path: 'status', mode: 'equals' }),
    path: [...CONDITION_PATH, 'value'],
  },
  {
    label: 'a CRM condition without path',
    fields: condition({ mode: 'equals', value: 'Active' }),
    path: [...CONDITION_PATH, 'path'],
  },
  {
    label: 'a CRM condition with exclude "yes"',
    fields: condition({ path: 'status', mode: 'equals', value: 'Active', exclude: 'yes' }),
    path: [...CONDITION_PATH, 'exclude'],
  },

  // Names, descriptions, numbers, dates, users.
  { label: 'an empty name', fields: { name: '' }, path: ['name'] },
  { label: 'a whitespace-only name', fields: { name: ' \t\n ' }, path: ['name'] },
  { label: 'a name of 201 characters', fields: { name: 'n'.repeat(201) }, path: ['name'] },
  {
    label: 'a description of 5,001 characters',
    fields: { description: 'd'.repeat(5_001) },
    path: ['description'],
  },
  { label: 'leadsPerList 0', fields: { leadsPerList: 0 }, path: ['leadsPerList'] },
  { label: 'leadsPerList 10001', fields: { leadsPerList: 10_001 }, path: ['leadsPerList'] },
  { label: 'leadsPerList 1.5', fields: { leadsPerList: 1.5 }, path: ['leadsPerList'] },
  {
    label: 'activeUntil that is not a date',
    fields: { activeUntil: 'next friday' },
    path: ['activeUntil'],
  },
  {
    label: 'activeUntil without an offset',
    fields: { activeUntil: '2030-12-31T23:59:59' },
    path: ['activeUntil'],
  },
  {
    label: 'activeUntil as a bare date',
    fields: { activeUntil: '2030-12-31' },
    path: ['activeUntil'],
  },
  {
    label: 'userIds with an empty string',
    fields: { userIds: ['user_a', ''] },
    path: ['userIds', 1],
  },
  {
    label: 'userIds with 201 distinct ids',
    fields: { userIds: userIdsOf(201) },
    path: ['userIds'],
  },
];

/** Wrong on create only (on update a key may be left out, and the caller is not added). */
const createOnlyCases: FieldCase[] = [
  ...['name', 'leadProviderCriteria', 'customFilterCriteria', 'userIds'].map((key) => ({
    label: `a body without ${key}`,
    fields: { [key]: undefined },
    path: [key],
  })),
  {
    label: '200 distinct userIds, which makes 201 with the creator',
    fields: { userIds: userIdsOf(200) },
    path: ['userIds'],
  },
];

/** Wrong on update only. */
const updateOnlyCases: FieldCase[] = [
  { label: 'userIds: []', fields: { userIds: [] }, path: ['userIds'] },
  { label: 'name: null', fields: { name: null }, path: ['name'] },
  {
    label: 'leadProviderCriteria: null',
    fields: { leadProviderCriteria: null },
    path: ['leadProviderCriteria'],
  },
  {
    label: 'customFilterCriteria: null',
    fields: { customFilterCriteria: null },
    path: ['customFilterCriteria'],
  },
];

/** Bodies that are not a JSON object, or not JSON at all. */
interface RawCase {
  label: string;
  text: string;
  contentType?: string;
  status: number;
  code: string;
}

const notAnObject = (label: string, text: string): RawCase => ({
  label: `${label} with 400`,
  text,
  status: 400,
  code: 'BAD_REQUEST',
});
const rawCases: RawCase[] = [
  notAnObject('malformed JSON', '{"name": "DACH",'),
  notAnObject('JSON with a trailing comma', '{"name": "DACH",}'),
  notAnObject('the JSON array []', '[]'),
  notAnObject('the JSON string "x"', '"x"'),
  notAnObject('the JSON null', 'null'),
  notAnObject('the JSON number 42', '42'),
  notAnObject('an empty body', ''),
  notAnObject('a body of whitespace', '  \n '),
  {
    label: 'a text/plain Content-Type with 415',
    text: JSON.stringify(icpBody()),
    contentType: 'text/plain',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    label: 'a form Content-Type with 415',
    text: 'name=DACH',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    label: 'an application/jsonp Content-Type with 415',
    text: JSON.stringify(icpBody()),
    contentType: 'application/jsonp',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
];

/** Cases as `[label, case]` rows, so test names read as plain sentences. */
const labelled = <T extends { label: string }>(cases: T[]) =>
  cases.map((testCase) => [testCase.label, testCase] as const);

function createBody(fields: Record<string, unknown>) {
  const body: Record<string, unknown> = icpBody(fields);
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete body[key];
  return body;
}

function expectEnvelope(response: ApiResponse<ErrorEnvelope>, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(response.body)).toEqual(['error']);
  const { error } = response.body;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  const allowed = ['code', 'message', 'details'];
  expect(Object.keys(error).filter((key) => !allowed.includes(key))).toEqual([]);
  if (error.details !== undefined) {
    expect(Array.isArray(error.details)).toBe(true);
    for (const detail of error.details) {
      expect(Object.keys(detail).sort()).toEqual(['message', 'path']);
      expect(Array.isArray(detail.path)).toBe(true);
      expect(detail.message).toMatch(/\S/);
    }
  }
}

/** A 400 with exactly one detail, at `path`. */
function expectOneProblemAt(response: ApiResponse<ErrorEnvelope>, fieldCase: FieldCase) {
  expectEnvelope(response, 400, 'BAD_REQUEST');
  expect(response.body.error.message).toBe('Invalid request body');
  const details = response.body.error.details ?? [];
  expect(details).toHaveLength(1);
  expect(details[0]?.path).toEqual(fieldCase.path);
  if (fieldCase.mentions !== undefined) expect(details[0]?.message).toContain(fieldCase.mentions);
}

let service: TestService;
let token: string;

/** Everything that is stored: the owner's list and the number of ICP rows of any user. */
async function storedState() {
  const list = await service.api('GET', ICPS, { token });
  expect(list.status).toBe(200);
  const { count } = await service.db
    .selectFrom('icps')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { list: list.body, rows: Number(count) };
}

async function sendRaw(method: string, path: string, text: string, contentType?: string) {
  const headers = { 'content-type': contentType ?? 'application/json' };
  return service.api(method, path, { token, body: text, headers });
}

beforeAll(async () => {
  service = await startTestService();
  token = await service.tokenFor(OWNER);
});

afterAll(async () => {
  await service?.stop();
});

describe('creating an ICP from a bad body', () => {
  it('accepts the valid body every bad case starts from', async () => {
    const other = await service.tokenFor('control_user');
    const response = await service.api('POST', ICPS, { token: other, body: createBody({}) });
    expect(response.status).toBe(201);
  });

  it.each(labelled([...fieldCases, ...createOnlyCases]))(
    'rejects %s with 400 naming the path, and stores nothing',
    async (_label, fieldCase) => {
      const before = await storedState();
      const response = await service.api('POST', ICPS, {
        token,
        body: createBody(fieldCase.fields),
      });
      expectOneProblemAt(response, fieldCase);
      expect(await storedState()).toEqual(before);
    },
  );

  it.each(labelled(rawCases))('rejects %s, and stores nothing', async (_label, rawCase) => {
    const before = await storedState();
    const response = await sendRaw('POST', ICPS, rawCase.text, rawCase.contentType);
    expectEnvelope(response, rawCase.status, rawCase.code);
    if (rawCase.status === 400) {
      expect(response.body.error.details).toHaveLength(1);
      expect(response.body.error.details[0].path).toEqual([]);
    }
    expect(await storedState()).toEqual(before);
  });

  it('rejects a create without any Content-Type with 415', async () => {
    const before = await storedState();
    const response = await service.api('POST', ICPS, { token });
    expectEnvelope(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await storedState()).toEqual(before);
  });

  it('reports every problem of a body with several, one detail each', async () => {
    const before = await storedState();
    const response = await service.api('POST', ICPS, {
      token,
      body: createBody({ name: '', leadsPerList: 0, leadPerList: 5 }),
    });
    expectEnvelope(response, 400, 'BAD_REQUEST');
    const paths = response.body.error.details.map((detail: { path: Path }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining([['name'], ['leadsPerList'], ['leadPerList']]));
    expect(paths).toHaveLength(3);
    expect(await storedState()).toEqual(before);
  });
});

describe('accepted edges next to the rejected ones', () => {
  const edges: { label: string; fields: Record<string, unknown> }[] = [
    { label: 'a name of 200 characters', fields: { name: 'n'.repeat(200) } },
    { label: 'a description of 5,000 characters', fields: { description: 'd'.repeat(5_000) } },
    { label: 'leadsPerList 1', fields: { leadsPerList: 1 } },
    { label: 'leadsPerList 10000', fields: { leadsPerList: 10_000 } },
    {
      label: 'a prompt of 10,000 characters',
      fields: customFilter({ type: 'website', provider: 'browserUse', prompt: 'p'.repeat(10_000) }),
    },
    {
      label: 'a regex of 500 characters',
      fields: customFilter({
        type: 'matchFieldWithRegex',
        field: 'firstName',
        regex: 'a'.repeat(500),
      }),
    },
    {
      label: '10 matchFieldWithRegex filters of 2,000 characters in all',
      fields: { customFilterCriteria: regexFilters(10, 200) },
    },
    { label: 'maxPercentFromCRM 0', fields: customFilter({ type: 'maxPercentFromCRM', value: 0 }) },
    { label: 'minDaysUntilReuse 0', fields: customFilter({ type: 'minDaysUntilReuse', value: 0 }) },
    {
      label: 'employee_size with min equal to max',
      fields: person({ company: { employee_size: { min: 50, max: 50 } } }),
    },
    {
      label: '199 distinct userIds plus the creator, with duplicates',
      fields: { userIds: [...userIdsOf(199), ...userIdsOf(50)] },
    },
    {
      label: 'activeUntil with a +02:00 offset',
      fields: { activeUntil: '2030-06-01T12:00:00+02:00' },
    },
  ];

  it.each(labelled(edges))('accepts %s', async (_label, { fields }) => {
    const edgeToken = await service.tokenFor('edge_user');
    const response = await service.api('POST', ICPS, {
      token: edgeToken,
      body: createBody(fields),
    });
    expect(response.status, response.text).toBe(201);
  });
});

describe('updating an ICP with a bad body', () => {
  let target: string;

  beforeAll(async () => {
    const created = await service.api('POST', ICPS, {
      token,
      body: createBody({ name: 'Patch target', description: 'kept as is' }),
    });
    expect(created.status).toBe(201);
    target = `${ICPS}/${created.body.id}`;
  });

  /** The target as stored: body (updatedAt included) and ETag. */
  async function targetState() {
    const response = await service.api('GET', target, { token });
    expect(response.status).toBe(200);
    return { body: response.body, etag: response.headers.get('etag') };
  }

  it.each(labelled([...fieldCases, ...updateOnlyCases]))(
    'rejects %s with 400 naming the path, and changes nothing',
    async (_label, fieldCase) => {
      const before = await targetState();
      const response = await service.api('PATCH', target, { token, body: fieldCase.fields });
      expectOneProblemAt(response, fieldCase);
      expect(await targetState()).toEqual(before);
    },
  );

  it.each(labelled(rawCases))('rejects %s, and changes nothing', async (_label, rawCase) => {
    const before = await targetState();
    const response = await sendRaw('PATCH', target, rawCase.text, rawCase.contentType);
    expectEnvelope(response, rawCase.status, rawCase.code);
    if (rawCase.status === 400) expect(response.body.error.details[0].path).toEqual([]);
    expect(await targetState()).toEqual(before);
  });

  it('still accepts a valid update of the same ICP afterwards', async () => {
    const before = await targetState();
    const response = await service.api('PATCH', target, { token, body: { leadsPerList: 42 } });
    expect(response.status).toBe(200);
    expect(response.body.leadsPerList).toBe(42);
    expect(response.body.updatedAt).not.toBe(before.body.updatedAt);
  });
});

describe('large bodies', () => {
  // Each case gets a service of its own: a connection that carried a refused body is not reused.
  let big: TestService;
  let bigToken: string;
  let target: string;

  beforeEach(async () => {
    big = await startTestService();
    bigToken = await big.tokenFor(OWNER);
    const created = await big.api('POST', ICPS, { token: bigToken, body: createBody({}) });
    expect(created.status).toBe(201);
    target = `${ICPS}/${created.body.id}`;
  });

  afterEach(async () => {
    await big?.stop();
  });

  const oversized = () => JSON.stringify(createBody({ description: 'd'.repeat(ONE_MIB) }));

  /** Every stored ICP row, read from the database, so no HTTP connection is involved. */
  const storedRows = () => big.db.selectFrom('icps').selectAll().orderBy('id').execute();

  /** A body sent in chunks, without Content-Length. */
  function chunkedBody(text: string): ReadableStream<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        offset += 64 * 1024;
      },
    });
  }

  const pathFor = (method: string) => (method === 'POST' ? ICPS : target);

  it.each(['POST', 'PATCH'])(
    'refuses a %s body over 1 MiB with 413 and stores nothing',
    async (method) => {
      const before = await storedRows();
      const text = oversized();
      expect(Buffer.byteLength(text)).toBeGreaterThan(ONE_MIB);
      const response = await big.api(method, pathFor(method), { token: bigToken, body: text });
      expectEnvelope(response, 413, 'PAYLOAD_TOO_LARGE');
      expect(await storedRows()).toEqual(before);
    },
  );

  it.each(['POST', 'PATCH'])(
    'refuses a chunked %s body over 1 MiB without Content-Length with 413 and stores nothing',
    async (method) => {
      const before = await storedRows();
      const response = await fetch(`${big.url}${pathFor(method)}`, {
        method,
        headers: { authorization: `Bearer ${bigToken}`, 'content-type': 'application/json' },
        body: chunkedBody(oversized()),
        duplex: 'half',
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) },
      });
      expect(await storedRows()).toEqual(before);
    },
  );

  it('accepts a chunked body under the limit', async () => {
    const response = await fetch(`${big.url}${ICPS}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bigToken}`, 'content-type': 'application/json' },
      body: chunkedBody(JSON.stringify(createBody({ description: 'd'.repeat(4_000) }))),
      duplex: 'half',
    });
    expect(response.status).toBe(201);
  });

  /** Each outcome as `METHOD status`, or the network failure a client would see. */
  async function outcomeOf(method: string, options: { body?: string; contentType?: string } = {}) {
    try {
      const headers: Record<string, string> = {};
      if (options.contentType !== undefined) headers['content-type'] = options.contentType;
      const response = await big.api(method, ICPS, {
        token: bigToken,
        body: options.body,
        headers,
      });
      return `${method} ${response.status}`;
    } catch (error) {
      return `${method} failed: ${(error as Error & { cause?: Error }).cause?.message}`;
    }
  }

  it('keeps answering a client that goes on using its connection after a 413', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      outcomes.push(await outcomeOf('POST', { body: oversized() }));
      outcomes.push(await outcomeOf('GET'));
    }
    expect(outcomes).toEqual(Array.from({ length: 6 }, () => ['POST 413', 'GET 200']).flat());
  });

  it('keeps answering a client after refusing a 500 kB text/plain body with 415', async () => {
    const body = 'x'.repeat(500_000);
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      outcomes.push(await outcomeOf('POST', { body, contentType: 'text/plain' }));
      outcomes.push(await outcomeOf('GET'));
    }
    expect(outcomes).toEqual(Array.from({ length: 6 }, () => ['POST 415', 'GET 200']).flat());
  });
});
