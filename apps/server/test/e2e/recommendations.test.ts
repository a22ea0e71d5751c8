import {
  companyRecord,
  filterCatalog,
  personRecord,
  recommendationIcpRequest,
  recommendationIcpResponse,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICP = '/v2/recommendations/icp';
const FILTERS = '/v1/people/search/filters';
const FILTERS_ALIAS = '/v2/recommendations/filters';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function withoutId<T extends { id?: unknown }>(icp: T) {
  const { id: _id, ...rest } = icp;
  return rest;
}

/** What GET /v2/recommendations/icp lists for a saved ICP. */
function listed(icp: { id: string; companies?: object; people?: object }) {
  return {
    icpFilters: [
      {
        id: icp.id,
        type: 'DECLARED_ICP',
        companies: icp.companies ?? {},
        people: icp.people ?? {},
      },
    ],
    pagination: { hasMore: false, limit: 10, totalAmount: 1 },
  };
}

const NONE_LISTED = { icpFilters: [], pagination: { hasMore: false, limit: 10, totalAmount: 0 } };

describe('the v2 recommendations ICP (seed 004)', () => {
  let service: TestService;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('account_a');
    otherKey = await service.apiKeyFor('account_b');
  });
  afterAll(() => service.stop());

  it('saves the documented request and answers with the documented response and an id', async () => {
    const response = await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });

    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(Object.keys(recommendationIcpResponse));
    expect(withoutId(response.body)).toEqual(withoutId(recommendationIcpResponse));
    expect(response.body.id).toMatch(UUID);
  });

  it('returns the saved ICP by externalUserId', async () => {
    const saved = await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });
    const read = await service.api('GET', `${ICP}?externalUserId=ext-user-123`, { token: key });

    expect(read.status).toBe(200);
    expect(read.body).toEqual(listed(saved.body));
  });

  it('replaces the ICP of the same external user and keeps its id', async () => {
    const first = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'ext-replace', people: { jobTitles: ['CTO'] } },
    });
    const second = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'ext-replace', companies: { industries: ['Software'] } },
    });
    const read = await service.api('GET', `${ICP}?externalUserId=ext-replace`, { token: key });

    expect(second.body.id).toBe(first.body.id);
    expect(second.body).toEqual({
      companies: { industries: ['Software'] },
      externalUserId: 'ext-replace',
      id: first.body.id,
    });
    expect(read.body).toEqual(listed(second.body));
    expect(read.body.icpFilters[0].people).toEqual({});
  });

  it('without externalUserId, keeps the ICP of the calling account itself', async () => {
    const saved = await service.api('POST', ICP, {
      token: key,
      body: { people: { seniorities: ['Founder'] } },
    });
    const read = await service.api('GET', ICP, { token: key });

    expect(saved.status).toBe(201);
    expect(saved.body).not.toHaveProperty('externalUserId');
    expect(read.body).toEqual(listed(saved.body));
  });

  it('keeps each account apart: another account neither reads nor replaces it', async () => {
    const mine = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'shared-name', people: { jobTitles: ['CFO'] } },
    });
    const theirsBefore = await service.api('GET', `${ICP}?externalUserId=shared-name`, {
      token: otherKey,
    });
    const theirs = await service.api('POST', ICP, {
      token: otherKey,
      body: { externalUserId: 'shared-name', people: { jobTitles: ['CMO'] } },
    });
    const mineAfter = await service.api('GET', `${ICP}?externalUserId=shared-name`, { token: key });

    expect(theirsBefore.status).toBe(200);
    expect(theirsBefore.body).toEqual(NONE_LISTED);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(mineAfter.body).toEqual(listed(mine.body));
  });

  it('normalizes location codes: countries lower case, regions as W-EMEA', async () => {
    const response = await service.api('POST', ICP, {
      token: key,
      body: { people: { countries: ['FR', 'w-emea', 'De'] } },
    });

    expect(response.body.people.countries).toEqual(['fr', 'W-EMEA', 'de']);
  });

  it.each([
    [
      'an unknown industry, named',
      { companies: { industries: ['Softwear'] } },
      ['companies', 'industries', 0],
      /Unknown industry "Softwear"/,
    ],
    [
      'an unknown seniority, with the accepted spelling',
      { people: { seniorities: ['c-level'] } },
      ['people', 'seniorities', 0],
      /did you mean "C-Level"/,
    ],
    [
      'an unknown location',
      { companies: { primaryLocations: ['W-MARS'] } },
      ['companies', 'primaryLocations', 0],
      /Unknown location "W-MARS"/,
    ],
    [
      'an externalUserId over 250 characters',
      { externalUserId: 'x'.repeat(251) },
      ['externalUserId'],
      /250/,
    ],
    [
      'a range whose from exceeds its to',
      { companies: { employeeCount: { from: 500, to: 10 } } },
      ['companies', 'employeeCount', 'from'],
      /from must be less than or equal to to/,
    ],
    ['an unknown key', { peoples: {} }, ['peoples'], /Unrecognized key/],
  ])('refuses %s with a 400 that names it, and stores nothing', async (_, body, path, message) => {
    const response = await service.api('POST', ICP, {
      token: otherKey,
      body: { externalUserId: 'never-saved', ...body },
    });
    const read = await service.api('GET', `${ICP}?externalUserId=never-saved`, {
      token: otherKey,
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe(400);
    expect(response.body.message).toBe('Invalid request body');
    const detail = response.body.details.find(
      (entry: { path: unknown[] }) => JSON.stringify(entry.path) === JSON.stringify(path),
    );
    expect(detail?.message).toMatch(message);
    expect(read.body).toEqual(NONE_LISTED);
  });

  it('refuses malformed JSON (400) and a body not sent as JSON (415)', async () => {
    const malformed = await service.api('POST', ICP, { token: key, body: '{"people": ' });
    const notJson = await service.api('POST', ICP, {
      token: key,
      body: 'people=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe(400);
    expect(notJson.status).toBe(415);
    expect(notJson.body).toEqual({ code: 415, message: expect.any(String) });
  });

  it('refuses an unknown query parameter', async () => {
    const response = await service.api('GET', `${ICP}?externalUser=ext-user-123`, { token: key });

    expect(response.status).toBe(400);
    expect(response.body.details[0].path).toEqual(['externalUser']);
  });

  it.each([
    ['POST', ICP],
    ['GET', ICP],
    ['POST', '/v2/recommendations/fetch'],
    ['GET', FILTERS],
    ['GET', FILTERS_ALIAS],
  ])('%s %s needs a valid token (401 in the v2 error body)', async (method, path) => {
    const response = await service.api(method, path, {
      token: 'icp_revoked-or-made-up',
      body: method === 'POST' ? recommendationIcpRequest : undefined,
    });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 401, message: 'User not authenticated' });
  });

  it('answers other methods with 405 and the allowed ones', async () => {
    const response = await service.api('DELETE', ICP, { token: key });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(response.body.code).toBe(405);
  });

  it('accepts the seniorities Board Member and Other', async () => {
    const body = {
      externalUserId: 'ext-board',
      people: { seniorities: ['Board Member', 'Other'] },
    };
    const response = await service.api('POST', ICP, { token: key, body });

    expect(response.status).toBe(201);
    expect(response.body.people).toEqual(body.people);
  });
});

describe('the paths of the v1 and v2 API', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it.each([
    ['GET', '/v1/credits'],
    ['GET', '/v1'],
    ['POST', '/v1/people/search'],
    ['GET', '/v2/anything'],
    ['GET', '/v2/recommendations'],
  ])(
    '%s %s, unknown, is a JSON 404 in the v2 error body, never the web app',
    async (method, path) => {
      const response = await service.api(method, path, {
        token: await service.apiKeyFor('account_a'),
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toEqual({ code: 404, message: `No route for ${method} ${path}` });
    },
  );

  it('a body over the limit is a 413 in the v2 error body', async () => {
    const response = await service.api('POST', ICP, {
      token: await service.apiKeyFor('account_a'),
      body: { externalUserId: 'x'.repeat(2_000_000) },
    });

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: 413, message: expect.any(String) });
  });

  it('other paths keep the documented envelope', async () => {
    const response = await service.api('GET', '/api/v1/nothing-here');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('Get Filters answers only GET', async () => {
    const response = await service.api('POST', FILTERS, {
      token: await service.apiKeyFor('account_a'),
    });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.body.code).toBe(405);
  });
});

describe('GET /v1/people/search/filters (and its alias /v2/recommendations/filters)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('lists every accepted value, the regions with their countries', async () => {
    const token = await service.apiKeyFor('account_a');
    const response = await service.api('GET', FILTERS, { token });

    expect(response.status).toBe(200);
    expect(response.body.industries).toEqual(expect.arrayContaining(['Software', 'Finance']));
    expect(response.body.seniorities).toEqual(
      expect.arrayContaining(['Board Member', 'C-Level', 'Director', 'Founder', 'Other']),
    );
    expect(response.body.departments).toEqual(expect.arrayContaining(['Engineering', 'Marketing']));
    const emea = response.body.worldRegions.find(
      (region: { code: string }) => region.code === 'W-EMEA',
    );
    expect(emea.countries).toContain('fr');
    expect(response.body.countries).toContainEqual({ code: 'fr', name: 'France' });
    expect(response.body).toEqual(JSON.parse(JSON.stringify(filterCatalog)));
    const alias = await service.api('GET', FILTERS_ALIAS, { token });
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual(response.body);
  });
});

describe('POST /v2/recommendations/fetch', () => {
  let service: TestService;
  let key: string;
  const FETCH = '/v2/recommendations/fetch';

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('account_a');
    const company = (id: string, industry: string, country: string, employeeCount: number) =>
      companyRecord.parse({ id, name: `${id} Ltd`, industry, country, employeeCount });
    const person = (id: string, jobTitle: string, companyId: string, seniority: string) =>
      personRecord.parse({
        ...{ id, firstName: 'Sam', lastName: id, jobTitle, companyId, seniority },
        department: 'Engineering',
        country: 'fr',
      });
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [
        company('c-1', 'Software', 'fr', 50),
        company('c-2', 'Finance', 'de', 500),
        company('c-3', 'Healthcare', 'fr', 50),
        company('c-4', 'Software', 'us', 50),
      ]);
      await savePeople(tx, [
        person('p-1', 'CTO', 'c-1', 'C-Level'),
        person('p-2', 'Engineering Director', 'c-1', 'Director'),
        person('p-3', 'CTO', 'c-2', 'C-Level'),
        person('p-4', 'CTO', 'c-3', 'C-Level'),
        person('p-5', 'CTO', 'c-4', 'C-Level'),
      ]);
    });
    await service.api('POST', ICP, {
      token: key,
      body: {
        externalUserId: 'ext-1',
        companies: { industries: ['Software', 'Finance'], primaryLocations: ['W-EMEA'] },
        people: { seniorities: ['C-Level', 'Director'], departments: ['Engineering'] },
      },
    });
  });
  afterAll(() => service.stop());

  it('returns the matching companies, flat, with their people and scored reasons', async () => {
    const response = await service.api('POST', FETCH, {
      token: key,
      body: { externalUserId: 'ext-1', pagination: { from: 0, to: 10 } },
    });

    expect(response.status).toBe(200);
    expect(response.body.pagination).toEqual({ from: 0, to: 10, hasMore: false, totalAmount: 2 });
    const companies = response.body.companies.map(
      (company: { name: string; people: { lastName: string }[] }) => [
        company.name,
        company.people.map((person) => person.lastName),
      ],
    );
    // c-1 has people of both seniorities asked for, c-2 of one: c-1 fits better.
    expect(companies).toEqual([
      ['c-1 Ltd', ['p-1', 'p-2']],
      ['c-2 Ltd', ['p-3']],
    ]);
    const [first, second] = response.body.companies;
    const scores = (company: { recommendation: { reasons: { type: string; score: number }[] } }) =>
      Object.fromEntries(company.recommendation.reasons.map(({ type, score }) => [type, score]));
    expect(scores(first)).toEqual({
      INDUSTRY_MATCH: 100,
      SENIORITY_MATCH: 100,
      DEPARTMENT_MATCH: 100,
      LOCATION_MATCH: 100,
    });
    expect(scores(second)).toEqual({
      INDUSTRY_MATCH: 100,
      SENIORITY_MATCH: 50,
      DEPARTMENT_MATCH: 100,
      LOCATION_MATCH: 100,
    });
    expect(second.recommendation.reasons.at(-1)).toEqual({
      type: 'SENIORITY_MATCH',
      score: 50,
      title: 'Seniority match',
      shortDescription: '1 of 2 seniorities of the ICP',
      description: 'People shown here have 1 of the 2 seniorities of the ICP: C-Level (1 person).',
    });
  });

  it('pages through the companies', async () => {
    const second = await service.api('POST', FETCH, {
      token: key,
      body: { externalUserId: 'ext-1', pagination: { from: 1, to: 2 } },
    });

    expect(second.body.pagination).toEqual({ from: 1, to: 2, hasMore: false, totalAmount: 2 });
    expect(second.body.companies.map((company: { name: string }) => company.name)).toEqual([
      'c-2 Ltd',
    ]);
  });

  it('answers 404 when no ICP is saved for that external user', async () => {
    const response = await service.api('POST', FETCH, {
      token: key,
      body: { externalUserId: 'nobody', pagination: { from: 0, to: 10 } },
    });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 404, message: expect.stringMatching(/nobody/) });
  });

  it('takes an externalUserId of up to 255 characters (none saved: 404), refuses 256 (400)', async () => {
    const fetchFor = (length: number) =>
      service.api('POST', FETCH, {
        token: key,
        body: { externalUserId: 'x'.repeat(length), pagination: { from: 0, to: 10 } },
      });
    const longest = await fetchFor(255);
    const tooLong = await fetchFor(256);

    expect(longest.status).toBe(404);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0]).toEqual({
      path: ['externalUserId'],
      message: expect.stringMatching(/255/),
    });
  });

  it.each([
    [{ from: 5, to: 5 }, 'to must be greater than from'],
    [{ from: 0, to: 500 }, 'at most 100'],
    [{ from: -1, to: 5 }, ''],
  ])('refuses the page %j with a 400', async (pagination, message) => {
    const response = await service.api('POST', FETCH, {
      token: key,
      body: { externalUserId: 'ext-1', pagination },
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(message);
  });
});
