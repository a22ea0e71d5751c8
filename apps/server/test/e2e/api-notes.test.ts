import { basicIcpRequest } from '@icp/schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icpBody } from '../support/icp-bodies.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';

describe('the ICP object (API notes)', () => {
  let service: TestService;
  let token: string;
  const create = async (body: unknown, as = token) =>
    service.api('POST', ICPS, { token: as, body });

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  it('fills the documented defaults for keys left out', async () => {
    const response = await create(icpBody());

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      description: null,
      crmFilters: null,
      leadsPerList: 10,
      activeUntil: null,
    });
  });

  it('trims the name', async () => {
    expect((await create(icpBody({ name: '  Spaced  ' }))).body.name).toBe('Spaced');
  });

  it('normalizes activeUntil to UTC with milliseconds, and accepts a past date (inactive, still listed)', async () => {
    const future = await create(icpBody({ activeUntil: '2030-06-01T12:00:00+02:00' }));
    const past = await create(icpBody({ name: 'Expired', activeUntil: '2020-01-01T00:00:00Z' }));

    expect(future.body.activeUntil).toBe('2030-06-01T10:00:00.000Z');
    expect(past.status).toBe(201);
    const listed = await service.api('GET', ICPS, { token });
    expect(listed.body.map((icp: { id: string }) => icp.id)).toContain(past.body.id);
  });

  it('returns a lead criterion without type as provided, and keeps unknown filter keys', async () => {
    const criterion = {
      provider: 'baseProvider' as const,
      filters: { job_titles: ['CEO'], company_size: ['11-50'], custom: { nested: [1, 2] } },
    };
    const response = await create(icpBody({ leadProviderCriteria: [criterion] }));

    expect(response.body.leadProviderCriteria).toEqual([criterion]);
    expect(response.body.leadProviderCriteria[0]).not.toHaveProperty('type');
  });

  it('keeps filters in the order sent: the keys it knows and its own, at every level', async () => {
    const filters = {
      source: 'crm-export',
      location: { city: ['Munich'], country: ['DE'] },
      job_title: ['CTO'],
      company: { keywords: ['SaaS'], employee_size: { max: 500, min: 50 } },
    };
    const created = await create(
      icpBody({ leadProviderCriteria: [{ provider: 'baseProvider', type: 'person', filters }] }),
    );
    const read = await service.api('GET', `${ICPS}/${created.body.id}`, { token });

    expect(JSON.stringify(created.body.leadProviderCriteria[0].filters)).toBe(
      JSON.stringify(filters),
    );
    expect(read.text).toBe(created.text);
  });

  it('fills the documented defaults of numeric custom filters', async () => {
    const response = await create(
      icpBody({
        customFilterCriteria: [
          { type: 'maxPeoplePerCompany' },
          { type: 'maxPercentFromCRM' },
          { type: 'minDaysUntilReuse' },
        ],
      }),
    );

    expect(response.body.customFilterCriteria).toEqual([
      { type: 'maxPeoplePerCompany', value: 1 },
      { type: 'maxPercentFromCRM', value: 100 },
      { type: 'minDaysUntilReuse', value: 365 },
    ]);
  });

  it('fills exclude: false in CRM conditions and leaves omitted optional CRM keys omitted', async () => {
    const response = await create(
      icpBody({
        crmFilters: {
          provider: 'bullhorn',
          filters: [{ path: 'status', mode: 'startsWith', value: 'Act' }],
        },
      }),
    );

    expect(response.body.crmFilters).toEqual({
      provider: 'bullhorn',
      filters: [{ path: 'status', mode: 'startsWith', value: 'Act', exclude: false }],
    });
  });

  it('removes duplicate userIds, keeps the given order and appends the creator when absent', async () => {
    const appended = await create(icpBody({ userIds: ['b', 'a', 'b'] }));
    const kept = await create(icpBody({ userIds: ['b', 'owner', 'a', 'owner'] }));

    expect(appended.body.userIds).toEqual(['b', 'a', 'owner']);
    expect(kept.body.userIds).toEqual(['b', 'owner', 'a']);
  });

  it('accepts exactly 200 users including the creator, and refuses 201', async () => {
    const others = Array.from({ length: 199 }, (_, index) => `user_${index}`);
    const fits = await create(icpBody({ userIds: others }));
    const tooMany = await create(icpBody({ userIds: [...others, 'user_extra'] }));

    expect(fits.status).toBe(201);
    expect(fits.body.userIds).toHaveLength(200);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual([
      { path: ['userIds'], message: 'An ICP can be shared with at most 200 users' },
    ]);
  });

  it('issues lower-case ids and matches ids in paths case-insensitively', async () => {
    const created = await create(icpBody());
    const fetched = await service.api('GET', `${ICPS}/${created.body.id.toUpperCase()}`, { token });

    expect(created.body.id).toBe(created.body.id.toLowerCase());
    expect(fetched.status).toBe(200);
    expect(fetched.body.id).toBe(created.body.id);
  });

  it('lists by createdAt, then id', async () => {
    const other = await service.tokenFor('lister');
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await create(icpBody(), other)).body.id);

    const listed = await service.api('GET', ICPS, { token: other });
    const expected = listed.body
      .map((icp: { createdAt: string; id: string }) => [icp.createdAt, icp.id])
      .sort((a: string[], b: string[]) => (a.join() < b.join() ? -1 : 1))
      .map(([, id]: string[]) => id);

    expect(listed.body.map((icp: { id: string }) => icp.id)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(ids));
  });
});

describe('PATCH and DELETE (API notes)', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  const createIcp = async (overrides = {}) => {
    const response = await service.api('POST', ICPS, {
      token,
      body: { ...basicIcpRequest, ...overrides },
    });
    expect(response.status).toBe(201);
    return response;
  };
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    service.api('PATCH', `${ICPS}/${id}`, { token, body, headers });

  it('changes only the keys sent; updatedAt moves and createdAt does not', async () => {
    const created = await createIcp();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const response = await patch(created.body.id, { name: 'Renamed', leadsPerList: 30 });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...created.body,
      name: 'Renamed',
      leadsPerList: 30,
      updatedAt: response.body.updatedAt,
    });
    expect(response.body.updatedAt > created.body.updatedAt).toBe(true);
    expect(response.headers.get('etag')).not.toBe(created.headers.get('etag'));
    const fetched = await service.api('GET', `${ICPS}/${created.body.id}`, { token });
    expect(fetched.body).toEqual(response.body);
  });

  it('null clears description, activeUntil and crmFilters', async () => {
    const created = await createIcp({
      activeUntil: '2031-01-01T00:00:00.000Z',
      crmFilters: { provider: 'bullhorn', textSearch: 'CTO' },
    });

    const response = await patch(created.body.id, {
      description: null,
      activeUntil: null,
      crmFilters: null,
    });

    expect(response.body).toMatchObject({ description: null, activeUntil: null, crmFilters: null });
  });

  it('replaces arrays whole', async () => {
    const created = await createIcp();
    const criteria = [{ type: 'minDaysUntilReuse', value: 7 }];

    const response = await patch(created.body.id, {
      customFilterCriteria: criteria,
      leadProviderCriteria: [],
    });

    expect(response.body.customFilterCriteria).toEqual(criteria);
    expect(response.body.leadProviderCriteria).toEqual([]);
  });

  it('an empty body changes nothing and keeps updatedAt and the ETag', async () => {
    const created = await createIcp();

    const response = await patch(created.body.id, {});

    expect(response.status).toBe(200);
    expect(response.body).toEqual(created.body);
    expect(response.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it('userIds replaces the list as given, so a member can leave the ICP', async () => {
    const created = await createIcp({ userIds: ['teammate'] });

    const response = await patch(created.body.id, { userIds: ['teammate'] });
    const afterwards = await service.api('GET', `${ICPS}/${created.body.id}`, { token });
    const teammateView = await service.api('GET', ICPS, {
      token: await service.tokenFor('teammate'),
    });

    expect(response.body.userIds).toEqual(['teammate']);
    expect(afterwards.status).toBe(403);
    expect(teammateView.body.map((icp: { id: string }) => icp.id)).toContain(created.body.id);
    const ownerView = await service.api('GET', ICPS, { token });
    expect(ownerView.body.map((icp: { id: string }) => icp.id)).not.toContain(created.body.id);
  });

  it('DELETE answers 204 with no body; the ICP is gone for every member', async () => {
    const created = await createIcp({ userIds: ['teammate'] });

    const response = await service.api('DELETE', `${ICPS}/${created.body.id}`, { token });

    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await service.api('GET', `${ICPS}/${created.body.id}`, { token })).status).toBe(404);
    const teammateList = await service.api('GET', ICPS, {
      token: await service.tokenFor('teammate'),
    });
    expect(teammateList.body.map((icp: { id: string }) => icp.id)).not.toContain(created.body.id);
  });
});

describe('ETag and If-Match (API notes)', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  it('the ETag of GET equals that of the create and of an unchanged PATCH', async () => {
    const created = await service.api('POST', ICPS, { token, body: icpBody() });
    const fetched = await service.api('GET', `${ICPS}/${created.body.id}`, { token });

    expect(fetched.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it('a stale If-Match gets 412 and changes nothing; the current tag and * succeed', async () => {
    const created = await service.api('POST', ICPS, { token, body: icpBody() });
    const firstTag = created.headers.get('etag') as string;
    const path = `${ICPS}/${created.body.id}`;

    const updated = await service.api('PATCH', path, {
      token,
      body: { name: 'Second' },
      headers: { 'if-match': firstTag },
    });
    const stale = await service.api('PATCH', path, {
      token,
      body: { name: 'Third' },
      headers: { 'if-match': firstTag },
    });
    const staleDelete = await service.api('DELETE', path, {
      token,
      headers: { 'if-match': firstTag },
    });

    expect(updated.status).toBe(200);
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('PRECONDITION_FAILED');
    expect(staleDelete.status).toBe(412);
    const current = await service.api('GET', path, { token });
    expect(current.body.name).toBe('Second');

    const star = await service.api('PATCH', path, {
      token,
      body: { name: 'Fourth' },
      headers: { 'if-match': '*' },
    });
    expect(star.status).toBe(200);
    const deleted = await service.api('DELETE', path, {
      token,
      headers: { 'if-match': star.headers.get('etag') as string },
    });
    expect(deleted.status).toBe(204);
  });

  it('of two concurrent updates with the same If-Match, exactly one wins', async () => {
    const created = await service.api('POST', ICPS, { token, body: icpBody() });
    const tag = created.headers.get('etag') as string;
    const path = `${ICPS}/${created.body.id}`;

    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        service.api('PATCH', path, { token, body: { name }, headers: { 'if-match': tag } }),
      ),
    );

    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412]);
    const winner = results.find((result) => result.status === 200);
    expect((await service.api('GET', path, { token })).body.name).toBe(winner?.body.name);
  });
});

describe('Idempotency-Key (API notes)', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  const post = (body: unknown, key: string, as = token) =>
    service.api('POST', ICPS, { token: as, body, headers: { 'idempotency-key': key } });
  const countIcps = async (as = token) =>
    (await service.api('GET', ICPS, { token: as })).body.length;

  it('the same key and the same JSON (other spacing and key order) replays the first 201', async () => {
    const before = await countIcps();
    const first = await post(icpBody({ name: 'Once', leadsPerList: 5 }), 'key-1');
    const reordered = JSON.stringify({ leadsPerList: 5, ...icpBody({ name: 'Once' }) }, null, 2);
    const again = await post(reordered, 'key-1');

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await countIcps()).toBe(before + 1);
  });

  it('the same key with a different body gets 409 and creates nothing', async () => {
    await post(icpBody({ name: 'First' }), 'key-2');
    const before = await countIcps();

    const conflict = await post(icpBody({ name: 'Different' }), 'key-2');

    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('CONFLICT');
    expect(await countIcps()).toBe(before);
  });

  it('keys are per caller: another user with the same key creates their own ICP', async () => {
    const mine = await post(icpBody(), 'shared-key');
    const other = await service.tokenFor('someone-else');
    const theirs = await post(icpBody(), 'shared-key', other);

    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.userIds).toEqual(['someone-else']);
  });

  it('only successful creates are remembered', async () => {
    const rejected = await post({ name: '' }, 'key-3');
    const accepted = await post(icpBody(), 'key-3');

    expect(rejected.status).toBe(400);
    expect(accepted.status).toBe(201);
  });

  it('concurrent retries with one key create one ICP', async () => {
    const before = await countIcps();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(icpBody({ name: 'Racing' }), 'key-race')),
    );

    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(await countIcps()).toBe(before + 1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
  ])('an %s key is a 400', async (_label, key) => {
    const response = await post(icpBody(), key);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('routes, limits and failures (API notes)', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService({ BODY_LIMIT_BYTES: '4096' });
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/'],
    ['POST', '/api/v1/entities/icps/x/y'],
  ])('%s %s is a 404 in the envelope', async (method, path) => {
    const response = await service.api(method, path, { token });

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['PUT', ICPS, 'GET, POST'],
    ['DELETE', ICPS, 'GET, POST'],
    ['POST', `${ICPS}/550e8400-e29b-41d4-a716-446655440000`, 'GET, PATCH, DELETE'],
    ['POST', '/healthz', 'GET'],
  ])('%s %s is a 405 naming the allowed methods', async (method, path, allow) => {
    const response = await service.api(method, path, { token });

    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(response.headers.get('allow')).toBe(allow);
  });

  it('a body over the limit is a 413 in the envelope', async () => {
    const response = await service.api('POST', ICPS, {
      token,
      body: icpBody({ description: 'x'.repeat(5000) }),
    });

    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', ''])(
    'Content-Type "%s" is a 415',
    async (contentType) => {
      const response = await service.api('POST', ICPS, {
        token,
        body: JSON.stringify(icpBody()),
        headers: { 'content-type': contentType },
      });

      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('application/json with a charset is accepted', async () => {
    const response = await service.api('POST', ICPS, {
      token,
      body: JSON.stringify(icpBody()),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });

    expect(response.status).toBe(201);
  });

  it('GET /healthz answers 200 {"status":"ok"} without a token', async () => {
    const response = await service.api('GET', '/healthz');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /api/v1/openapi.json is an OpenAPI 3.1 document built from the schemas', async () => {
    const response = await service.api('GET', '/api/v1/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([ICPS, `${ICPS}/{id}`, '/healthz']),
    );
    const schemas = response.body.components.schemas;
    expect(schemas.IcpCreate.required).toEqual(
      expect.arrayContaining(['name', 'leadProviderCriteria', 'customFilterCriteria', 'userIds']),
    );
    expect(schemas.IcpCreate.additionalProperties).toBe(false);
    expect(
      response.body.paths[ICPS].post.responses['201'].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/Icp',
    });
  });
});

describe('hostile bodies (API notes: nothing the client sends causes a 500)', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('owner');
  });
  afterAll(() => service.stop());

  const deeplyNested = (depth: number) =>
    `{"name":"x","leadProviderCriteria":[{"provider":"baseProvider","filters":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}],"customFilterCriteria":[],"userIds":[]}`;

  it.each([20, 5_000, 200_000])(
    'filters nested %i levels deep are a 400 naming the filters, with or without an Idempotency-Key',
    async (depth) => {
      const headerSets: Record<string, string>[] = [{}, { 'idempotency-key': `deep-${depth}` }];
      for (const headers of headerSets) {
        const response = await service.api('POST', ICPS, {
          token,
          body: deeplyNested(depth),
          headers,
        });

        expect(response.status).toBe(400);
        expect(response.body.error.details).toEqual([
          {
            path: ['leadProviderCriteria', 0, 'filters'],
            message: 'Filters may nest at most 16 levels deep',
          },
        ]);
      }
    },
  );

  it('the tRPC endpoint refuses the same bodies without a 500', async () => {
    const response = await service.api('POST', '/trpc/icp.create', {
      token,
      body: `{"body":${deeplyNested(200_000)}}`,
    });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('unexpected failures (API notes)', () => {
  it('answer 500 INTERNAL_ERROR without a stack or SQL, and /healthz reports 503', async () => {
    const service = await startTestService();
    try {
      const token = await service.tokenFor('owner');
      await sql`drop table icp_members`.execute(service.db);
      await sql`drop table kysely_migration`.execute(service.db);

      const response = await service.api('GET', ICPS, { token });
      const health = await service.api('GET', '/healthz');

      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        error: { code: 'INTERNAL_ERROR', message: 'An unexpected server error occurred' },
      });
      expect(response.text).not.toMatch(/icp_members|select|at /i);
      expect(health.status).toBe(503);
      expect(health.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await service.stop();
    }
  });
});
