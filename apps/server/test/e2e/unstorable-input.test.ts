import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const minimal = { name: 'Plain', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] };

// Found by fuzzing: each of these once answered 500 on PostgreSQL, or came back changed.
describe('input no database can store as sent', () => {
  let service: TestService;
  let key: string;

  beforeAll(async () => {
    service = await startTestService();
    key = await service.apiKeyFor('user_unstorable');
  });
  afterAll(() => service.stop());

  const detailsOf = (response: { body: { error: { details?: unknown[] } } }) =>
    response.body.error.details;

  it.each([
    ['the NUL character in the name', { name: 'A\u0000' }, ['name'], /NUL character/],
    [
      'a lone surrogate in the description',
      { description: 'x\ud800' },
      ['description'],
      /lone surrogate/,
    ],
    [
      'the NUL character in a user id',
      { userIds: ['user\u0000'] },
      ['userIds', 0],
      /NUL character/,
    ],
    [
      'a __proto__ key among the provider filters',
      {
        leadProviderCriteria: [
          { provider: 'baseProvider', filters: JSON.parse('{"__proto__":{}}') },
        ],
      },
      ['leadProviderCriteria', 0, 'filters', '__proto__'],
      /__proto__/,
    ],
  ])(
    'refuses %s with a 400 that names it, and stores nothing',
    async (_, fields, path, message) => {
      const response = await service.api('POST', ICPS, {
        token: key,
        body: JSON.stringify({ ...minimal, ...fields }),
      });
      const list = await service.api('GET', ICPS, { token: key });

      expect(response.status).toBe(400);
      expect(detailsOf(response)).toContainEqual({ path, message: expect.stringMatching(message) });
      expect(list.body).toEqual([]);
    },
  );

  it('refuses the NUL character in a patch and in v2 bodies and queries', async () => {
    const created = await service.api('POST', ICPS, { token: key, body: minimal });
    const patched = await service.api('PATCH', `${ICPS}/${created.body.id}`, {
      token: key,
      body: { name: 'B\u0000' },
    });
    const v2 = await service.api('POST', '/v2/recommendations/icp', {
      token: key,
      body: { externalUserId: 'ext\u0000' },
    });
    const v2Query = await service.api('GET', '/v2/recommendations/icp?externalUserId=a%00', {
      token: key,
    });
    const read = await service.api('GET', `${ICPS}/${created.body.id}`, { token: key });

    expect([patched.status, v2.status, v2Query.status]).toEqual([400, 400, 400]);
    expect(read.body.name).toBe('Plain');
  });

  it('answers 404 for a lead list id that is not a UUID, and 400 for one holding NUL', async () => {
    const read = await service.api('GET', '/api/v1/entities/leadlists/not-a-uuid', { token: key });
    const removed = await service.api('DELETE', '/api/v1/entities/leadlists/x%00', { token: key });

    expect(read.status).toBe(404);
    expect(removed.status).toBe(400);
    expect(detailsOf(removed)).toContainEqual({
      path: ['id'],
      message: expect.stringMatching(/NUL/),
    });
  });

  it('takes employee counts past 32 bits in a search (they mean "no upper bound")', async () => {
    const created = await service.api('POST', ICPS, {
      token: key,
      body: {
        ...minimal,
        leadProviderCriteria: [
          {
            provider: 'baseProvider',
            filters: { job_title: ['CTO'], company: { employee_size: { min: 0, max: 2 ** 31 } } },
          },
        ],
      },
    });
    const preview = await service.api('POST', `${ICPS}/${created.body.id}/preview`, { token: key });
    await service.api('POST', '/v2/recommendations/icp', {
      token: key,
      body: { externalUserId: 'big', companies: { employeeCount: { from: 0, to: 2 ** 40 } } },
    });
    const fetched = await service.api('POST', '/v2/recommendations/fetch', {
      token: key,
      body: { externalUserId: 'big', pagination: { from: 0, to: 10 } },
    });

    expect(preview.status).toBe(200);
    expect(fetched.status).toBe(200);
  });
});
