/**
 * The newer filters of the v2 ICP over REST (saved, read back, refused with 400 in the v2 error
 * body), and Get Filters listing every filter and the values it accepts.
 */
import {
  companyRecord,
  filterCatalog,
  filterCatalogResponse,
  MAX_FILTER_RANGES,
  personRecord,
  recommendationCompanies,
  recommendationPeople,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICP = '/v2/recommendations/icp';
const FILTERS = '/v1/people/search/filters';

const NEWER_FILTERS = {
  companies: {
    employeeCount: { from: 1, to: 50 },
    employeeCounts: [{ from: 1_001, to: 5_000 }],
    excludeDomains: ['Rival.com '],
    excludeIndustries: ['Gaming'],
    includeDomains: ['acme.io', 'GLOBEX.COM'],
    revenues: [
      { from: 0, to: 1_000_000 },
      { from: 100_000_001, to: 500_000_000 },
    ],
    yearFounded: { from: 1990, to: 2020 },
  },
  people: {
    exactJobTitles: [' Chief Executive Officer'],
    excludeDepartments: ['Sales'],
    jobTitles: ['CTO'],
  },
};

const SAVED_FILTERS = {
  companies: {
    ...NEWER_FILTERS.companies,
    excludeDomains: ['rival.com'],
    includeDomains: ['acme.io', 'globex.com'],
  },
  people: { ...NEWER_FILTERS.people, exactJobTitles: ['Chief Executive Officer'] },
};

describe('the newer filters of the v2 ICP, over REST', () => {
  let service: TestService;
  let key: string;

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('account_filters');
  });
  afterAll(() => service.stop());

  it('are saved (domains and titles normalized) and read back as saved', async () => {
    const saved = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'ext-newer', ...NEWER_FILTERS },
    });
    const read = await service.api('GET', `${ICP}?externalUserId=ext-newer`, { token: key });

    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({
      externalUserId: 'ext-newer',
      id: saved.body.id,
      ...SAVED_FILTERS,
    });
    expect(read.status).toBe(200);
    expect(read.body.icpFilters).toEqual([
      { id: saved.body.id, type: 'DECLARED_ICP', ...SAVED_FILTERS },
    ]);
  });

  it.each([
    [
      'an excluded industry not in the catalog',
      { companies: { excludeIndustries: ['Softwear'] } },
      ['companies', 'excludeIndustries', 0],
      /Unknown industry "Softwear"/,
    ],
    [
      'an excluded department not in the catalog',
      { people: { excludeDepartments: ['sales'] } },
      ['people', 'excludeDepartments', 0],
      /did you mean "Sales"/,
    ],
    [
      'a domain with a scheme',
      { companies: { includeDomains: ['https://acme.io'] } },
      ['companies', 'includeDomains', 0],
      /Must be a domain such as "acme.io"/,
    ],
    [
      'an excluded domain with a path',
      { companies: { excludeDomains: ['acme.io/jobs'] } },
      ['companies', 'excludeDomains', 0],
      /Must be a domain/,
    ],
    [
      'a range of a list whose from exceeds its to',
      {
        companies: {
          employeeCounts: [
            { from: 1, to: 10 },
            { from: 500, to: 10 },
          ],
        },
      },
      ['companies', 'employeeCounts', 1, 'from'],
      /from must be less than or equal to to/,
    ],
    [
      'more revenue ranges than the limit',
      {
        companies: {
          revenues: Array.from({ length: MAX_FILTER_RANGES + 1 }, (_, i) => ({ from: i, to: i })),
        },
      },
      ['companies', 'revenues'],
      new RegExp(`<=${MAX_FILTER_RANGES} items`),
    ],
    [
      'a founding year past 9999',
      { companies: { yearFounded: { from: 2000, to: 10_000 } } },
      ['companies', 'yearFounded', 'to'],
      /<=9999/,
    ],
    [
      'a newer key of the reference not accepted yet, named',
      { companies: { technologies: ['React'] } },
      ['companies', 'technologies'],
      /Unrecognized key/,
    ],
    [
      'a blank exact title',
      { people: { exactJobTitles: ['  '] } },
      ['people', 'exactJobTitles', 0],
      /.+/,
    ],
  ])('refuses %s with a 400 naming it, and keeps the saved ICP', async (_, body, path, message) => {
    const before = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'ext-kept', companies: { industries: ['Software'] } },
    });
    const response = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'ext-kept', ...body },
    });
    const read = await service.api('GET', `${ICP}?externalUserId=ext-kept`, { token: key });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 400,
      message: 'Invalid request body',
      details: expect.any(Array),
    });
    const detail = response.body.details.find(
      (entry: { path: unknown[] }) => JSON.stringify(entry.path) === JSON.stringify(path),
    );
    expect(detail?.message).toMatch(message);
    expect(read.body.icpFilters).toEqual([
      {
        id: before.body.id,
        type: 'DECLARED_ICP',
        companies: { industries: ['Software'] },
        people: {},
      },
    ]);
  });
});

describe('the newer filters choose what POST /v2/recommendations/fetch recommends', () => {
  let service: TestService;
  let key: string;

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('account_fetch_filters');
    const company = (id: string, domain: string, industry: string, employeeCount: number) =>
      companyRecord.parse({
        id,
        name: `${id} Ltd`,
        domain,
        industry,
        employeeCount,
        foundedYear: 2010,
      });
    const person = (id: string, companyId: string, jobTitle: string, department: string) =>
      personRecord.parse({ id, firstName: 'Sam', lastName: id, jobTitle, companyId, department });
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        company('c-1', 'one.example', 'Software', 30),
        company('c-2', 'two.example', 'Finance', 3_000),
        company('c-3', 'three.example', 'Gaming', 30),
        company('c-4', 'four.example', 'Software', 300),
      ]);
      await savePeople(tx, [
        person('p-1', 'c-1', 'Chief Executive Officer', 'Executive'),
        person('p-2', 'c-1', 'Account Executive', 'Sales'),
        person('p-3', 'c-2', 'Chief Executive Officer', 'Executive'),
        person('p-4', 'c-3', 'Chief Executive Officer', 'Executive'),
        person('p-5', 'c-4', 'chief executive officer', 'Executive'),
      ]);
    });
  });
  afterAll(() => service.stop());

  async function recommended(externalUserId: string, filters: object) {
    await service.api('POST', ICP, { token: key, body: { externalUserId, ...filters } });
    const response = await service.api('POST', '/v2/recommendations/fetch', {
      token: key,
      body: { externalUserId, pagination: { from: 0, to: 10 } },
    });
    expect(response.status).toBe(200);
    return response.body.companies.map(
      (company: { name: string; people: { lastName: string }[] }) =>
        `${company.name}: ${company.people.map((person) => person.lastName).join(' ')}`,
    );
  }

  it('exact titles, excluded departments and industries, and the union of size ranges', async () => {
    const names = await recommended('ext-fetch-a', {
      companies: {
        employeeCount: { from: 1, to: 50 },
        employeeCounts: [{ from: 1_000, to: 5_000 }],
        excludeIndustries: ['Gaming'],
      },
      people: { exactJobTitles: ['CHIEF EXECUTIVE OFFICER'], excludeDepartments: ['Sales'] },
    });
    expect(names.sort()).toEqual(['c-1 Ltd: p-1', 'c-2 Ltd: p-3']);
  });

  it('included and excluded domains, and the founding year', async () => {
    const names = await recommended('ext-fetch-b', {
      companies: {
        includeDomains: ['one.example', 'four.example', 'two.example'],
        excludeDomains: ['two.example'],
        yearFounded: { from: 2000, to: 2020 },
      },
      people: { excludeDepartments: ['Sales'] },
    });
    expect(names.sort()).toEqual(['c-1 Ltd: p-1', 'c-4 Ltd: p-5']);
  });

  it('gives reasons for the included domains and the founding year, none for the exclusions', async () => {
    const externalUserId = 'ext-fetch-reasons';
    await service.api('POST', ICP, {
      token: key,
      body: {
        externalUserId,
        companies: {
          includeDomains: ['one.example', 'four.example'],
          excludeDomains: ['two.example'],
          excludeIndustries: ['Gaming'],
          yearFounded: { from: 2000, to: 2020 },
        },
        people: { excludeDepartments: ['Sales'] },
      },
    });
    const response = await service.api('POST', '/v2/recommendations/fetch', {
      token: key,
      body: { externalUserId, pagination: { from: 0, to: 10 } },
    });

    expect(response.status).toBe(200);
    const one = response.body.companies.find(
      (company: { name: string }) => company.name === 'c-1 Ltd',
    );
    expect(one.recommendation.reasons).toEqual([
      {
        type: 'YEAR_FOUNDED_MATCH',
        score: 100,
        title: 'Founding year match',
        shortDescription: 'Founded in 2010',
        description: "c-1 Ltd was founded in 2010, within the ICP's founding years (2000 to 2020).",
      },
      {
        type: 'DOMAIN_MATCH',
        score: 100,
        title: 'Domain match',
        shortDescription: 'one.example',
        description:
          "c-1 Ltd is at one.example, one of the ICP's domains (one.example, four.example).",
      },
    ]);
  });
});

describe('Get Filters lists every filter of the v2 ICP', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.apiKeyFor('account_filters');
  });
  afterAll(() => service.stop());

  it('names each field of companies and people with what it takes', async () => {
    const response = await service.api('GET', FILTERS, { token });

    expect(response.status).toBe(200);
    expect(filterCatalogResponse.safeParse(response.body).success).toBe(true);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(filterCatalog)));
    const fields = response.body.filters.map((field: { field: string }) => field.field);
    expect(fields).toEqual([
      ...Object.keys(recommendationCompanies.shape).map((key) => `companies.${key}`),
      ...Object.keys(recommendationPeople.shape).map((key) => `people.${key}`),
    ]);
    const byField = Object.fromEntries(
      response.body.filters.map((field: { field: string }) => [field.field, field]),
    );
    expect(byField['companies.excludeIndustries']).toEqual({
      field: 'companies.excludeIndustries',
      kind: 'values',
      values: 'industries',
      maxItems: 1_000,
    });
    expect(byField['people.excludeDepartments']).toMatchObject({ values: 'departments' });
    expect(byField['companies.primaryLocations']).toMatchObject({ values: 'locations' });
    expect(byField['companies.employeeCounts']).toEqual({
      field: 'companies.employeeCounts',
      kind: 'ranges',
      min: 0,
      max: null,
      maxItems: MAX_FILTER_RANGES,
      bands: 'employeeCountBands',
    });
    expect(byField['companies.yearFounded']).toEqual({
      field: 'companies.yearFounded',
      kind: 'range',
      min: 0,
      max: 9_999,
    });
    expect(byField['companies.includeDomains']).toEqual({
      field: 'companies.includeDomains',
      kind: 'domains',
      maxItems: 1_000,
    });
    expect(byField['people.exactJobTitles']).toEqual({
      field: 'people.exactJobTitles',
      kind: 'text',
      maxItems: 1_000,
      maxLength: 200,
    });
    expect(response.body.employeeCountBands[0]).toEqual({ label: '1-10', from: 1, to: 10 });
  });

  it('each value it lists for a field is one the ICP accepts there', async () => {
    const { body } = await service.api('GET', FILTERS, { token });
    const locations = [
      ...body.countries.map((country: { code: string }) => country.code),
      ...body.worldRegions.map((region: { code: string }) => region.code),
    ];
    const lists: Record<string, string[]> = { ...body, locations };
    const companies: Record<string, string[]> = {};
    const people: Record<string, string[]> = {};
    for (const field of body.filters) {
      if (field.kind !== 'values') continue;
      const [side, key] = field.field.split('.');
      (side === 'companies' ? companies : people)[key] = lists[field.values] as string[];
    }
    const saved = await service.api('POST', ICP, {
      token,
      body: { externalUserId: 'ext-every-value', companies, people },
    });

    expect(saved.status).toBe(201);
    expect(saved.body.people.seniorities).toEqual(body.seniorities);
    expect(saved.body.companies.excludeIndustries).toEqual(body.industries);
  });

  it('needs a valid token (401 in the v2 error body)', async () => {
    const response = await service.api('GET', FILTERS);

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 401, message: 'User not authenticated' });
  });
});
