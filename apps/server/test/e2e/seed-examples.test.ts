import {
  aiIcpRequest,
  basicIcpRequest,
  basicIcpResponse,
  crmIcpRequest,
  customFilterExamples,
  getIcpResponse,
  listIcpsResponse,
  missingNameError,
  recommendationIcpRequest,
  recommendationIcpResponse,
  unauthenticatedError,
} from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The documented object without the values the server chooses (id, timestamps). */
function withoutServerChosen<T extends Record<string, unknown>>(icp: T) {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = icp;
  return rest;
}

/** A create body that yields the documented ICP when sent by its first user. */
function requestFor(documented: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...body } = documented;
  return body;
}

describe('the documented examples', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('user_abc123');
  });
  afterAll(() => service.stop());

  it('Create ICP "Basic ICP" answers 201 with the documented response', async () => {
    const response = await service.api('POST', ICPS, { token, body: basicIcpRequest });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual(Object.keys(basicIcpResponse));
    expect(withoutServerChosen(response.body)).toEqual(withoutServerChosen(basicIcpResponse));
    expect(response.body.id).toMatch(UUID);
    expect(response.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(response.body.updatedAt).toBe(response.body.createdAt);
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('location')).toBe(`${ICPS}/${response.body.id}`);
  });

  it('Create ICP "ICP with CRM Integration" keeps the CRM filters and adds the creator', async () => {
    const response = await service.api('POST', ICPS, { token, body: crmIcpRequest });

    expect(response.status).toBe(201);
    expect(withoutServerChosen(response.body)).toEqual({
      ...crmIcpRequest,
      userIds: ['user_teammate123', 'user_abc123'],
    });
  });

  it('Create ICP "ICP with AI Filtering" keeps every custom filter as sent', async () => {
    const response = await service.api('POST', ICPS, { token, body: aiIcpRequest });

    expect(response.status).toBe(201);
    expect(withoutServerChosen(response.body)).toEqual({
      ...aiIcpRequest,
      userIds: ['user_abc123'],
    });
  });

  it.each(customFilterExamples)(
    'the documented $type filter is accepted and returned as sent',
    async (filter) => {
      const body = { ...basicIcpRequest, customFilterCriteria: [filter] };
      const response = await service.api('POST', ICPS, { token, body });

      expect(response.status).toBe(201);
      expect(response.body.customFilterCriteria).toEqual([filter]);
    },
  );

  it('Create ICP without a name answers the documented 400 body', async () => {
    const { name: _name, ...body } = basicIcpRequest;
    const response = await service.api('POST', ICPS, { token, body });

    expect(response.status).toBe(400);
    expect(response.body).toEqual(missingNameError);
  });

  it.each([
    ['POST', ICPS],
    ['GET', ICPS],
    ['GET', `${ICPS}/550e8400-e29b-41d4-a716-446655440000`],
  ])('%s %s without a token answers the documented 401 body', async (method, path) => {
    const response = await service.api(method, path, {
      body: method === 'POST' ? basicIcpRequest : undefined,
    });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthenticatedError);
  });
});

describe('List ICPs and Get ICP, as documented', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('lists the documented ICPs of user_abc123 in creation order', async () => {
    const token = await service.tokenFor('user_abc123');
    for (const documented of listIcpsResponse) {
      const created = await service.api('POST', ICPS, { token, body: requestFor(documented) });
      expect(created.status).toBe(201);
    }
    const other = await service.tokenFor('user_other');
    const [, smbMarketing] = listIcpsResponse;
    const othersOwn = { ...requestFor(smbMarketing as Record<string, unknown>), userIds: [] };
    expect((await service.api('POST', ICPS, { token: other, body: othersOwn })).status).toBe(201);

    const response = await service.api('GET', ICPS, { token });

    expect(response.status).toBe(200);
    expect(response.body.map(withoutServerChosen)).toEqual(
      listIcpsResponse.map(withoutServerChosen),
    );
    const [first, second] = response.body;
    expect(first.createdAt <= second.createdAt).toBe(true);
  });

  it('user_xyz789, named in the first ICP, sees only that one', async () => {
    const response = await service.api('GET', ICPS, {
      token: await service.tokenFor('user_xyz789'),
    });

    expect(response.body.map((icp: { name: string }) => icp.name)).toEqual([
      'Enterprise Tech Buyers',
    ]);
  });

  it('gets the documented ICP with legacy provider filter keys kept as stored', async () => {
    const token = await service.tokenFor('user_abc123');
    const created = await service.api('POST', ICPS, { token, body: requestFor(getIcpResponse) });
    expect(created.status).toBe(201);

    const response = await service.api('GET', `${ICPS}/${created.body.id}`, { token });

    expect(response.status).toBe(200);
    expect(withoutServerChosen(response.body)).toEqual(withoutServerChosen(getIcpResponse));
    expect(response.body).toEqual(created.body);
    expect(response.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it('an empty list is an empty array', async () => {
    const response = await service.api('GET', ICPS, { token: await service.tokenFor('nobody') });

    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });
});

describe('seed 004, Create or update ICP (v2)', () => {
  const ICP = '/v2/recommendations/icp';
  let service: TestService;
  let key: string;

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('seed_004_account');
  });
  afterAll(() => service.stop());

  it('the request example answers 201 with the example response and a unique id', async () => {
    const response = await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });
    const { id: _id, ...documented } = recommendationIcpResponse;

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual(Object.keys(recommendationIcpResponse));
    expect(response.body).toEqual({ ...documented, id: expect.stringMatching(UUID) });
  });

  it('calling it again for the same externalUserId replaces the ICP (no merge), keeping its id', async () => {
    const first = await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });
    const body = { externalUserId: 'ext-user-123', people: { jobTitles: ['CTO'] } };
    const second = await service.api('POST', ICP, { token: key, body });
    const read = await service.api('GET', `${ICP}?externalUserId=ext-user-123`, { token: key });

    expect(second.status).toBe(201);
    expect(second.body).toEqual({ ...body, id: first.body.id });
    expect(read.body.icpFilters).toEqual([
      { id: first.body.id, type: 'DECLARED_ICP', companies: {}, people: body.people },
    ]);
  });

  it('without externalUserId, the ICP is associated with the authenticated user', async () => {
    const { externalUserId: _omitted, ...body } = recommendationIcpRequest;
    const saved = await service.api('POST', ICP, { token: key, body });
    const read = await service.api('GET', ICP, { token: key });

    expect(saved.status).toBe(201);
    expect(saved.body).not.toHaveProperty('externalUserId');
    expect(read.body.icpFilters).toEqual([
      { id: saved.body.id, type: 'DECLARED_ICP', companies: body.companies, people: body.people },
    ]);
  });

  it('externalUserId holds at most 250 characters: 251 is a 400 in the v2 error body', async () => {
    const longest = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'x'.repeat(250) },
    });
    const tooLong = await service.api('POST', ICP, {
      token: key,
      body: { externalUserId: 'y'.repeat(251) },
    });

    expect(longest.status).toBe(201);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({
      code: 400,
      message: 'Invalid request body',
      details: [{ path: ['externalUserId'], message: expect.stringMatching(/250/) }],
    });
  });

  it('its filter values are those of the Get Filters endpoint', async () => {
    const filters = await service.api('GET', '/v1/people/search/filters', { token: key });
    const { companies, people } = recommendationIcpRequest;

    expect(filters.status).toBe(200);
    expect(filters.body.industries).toEqual(expect.arrayContaining(companies.industries));
    expect(filters.body.departments).toEqual(expect.arrayContaining(people.departments));
    expect(filters.body.seniorities).toEqual(expect.arrayContaining(people.seniorities));
  });

  it('the ICP is then used by Fetch Recommendations through its externalUserId', async () => {
    await service.api('POST', ICP, { token: key, body: recommendationIcpRequest });
    const fetched = await service.api('POST', '/v2/recommendations/fetch', {
      token: key,
      body: { externalUserId: 'ext-user-123', pagination: { from: 0, to: 10 } },
    });

    expect(fetched.status).toBe(200);
    expect(fetched.body.companies).toEqual(expect.any(Array));
  });
});
