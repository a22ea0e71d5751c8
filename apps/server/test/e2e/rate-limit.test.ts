import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';

describe('rate limits (RATE_LIMIT_RPS, RATE_LIMIT_BURST)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '3' });
  });
  afterAll(() => service.stop());

  it('past the burst a caller gets 429 TOO_MANY_REQUESTS with Retry-After; others are not slowed', async () => {
    const busy = await service.tokenFor('busy');
    const statuses: number[] = [];
    let limited: { body: { error: { code: string } }; headers: Headers } | undefined;
    for (let index = 0; index < 4; index += 1) {
      const response = await service.api('GET', ICPS, { token: busy });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    const calm = await service.api('GET', ICPS, { token: await service.tokenFor('calm') });

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited?.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(calm.status).toBe(200);
  });

  it('an API key is limited on its own user, apart from requests without a token', async () => {
    const key = await service.apiKeyFor('key-user');
    const anonymous = await service.api('GET', ICPS);
    const results = [];
    for (let index = 0; index < 4; index += 1) {
      results.push((await service.api('GET', ICPS, { token: key })).status);
    }

    expect(anonymous.status).toBe(401);
    expect(results).toEqual([200, 200, 200, 429]);
  });
});

describe('rate limits off', () => {
  it('RATE_LIMIT_RPS=0 never answers 429', async () => {
    const service = await startTestService({ RATE_LIMIT_RPS: '0', RATE_LIMIT_BURST: '1' });
    try {
      const token = await service.tokenFor('free');
      const statuses = await Promise.all(
        Array.from({ length: 30 }, async () => (await service.api('GET', ICPS, { token })).status),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await service.stop();
    }
  });
});

describe('rate limits on the tRPC endpoint', () => {
  it('answer 429 with Retry-After there too', async () => {
    const service = await startTestService({ RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '1' });
    try {
      const token = await service.tokenFor('web-user');
      const first = await service.api('GET', '/trpc/icp.list', { token });
      const second = await service.api('GET', '/trpc/icp.list', { token });

      expect(first.status).toBe(200);
      expect(second.status).toBe(429);
      expect(second.body.error.data.appCode).toBe('TOO_MANY_REQUESTS');
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await service.stop();
    }
  });
});
