import { MAX_BATCH_CALLS } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icpBody } from '../support/icp-bodies.js';
import { ATTACKS_SUITE, reportFigures } from '../support/suite-figures.js';
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

/** One tRPC batch of `calls` icp.create calls, as a client's batch link sends it. */
function createBatch(service: TestService, token: string, calls: number) {
  const paths = Array.from({ length: calls }, () => 'icp.create').join(',');
  const inputs = Object.fromEntries(
    Array.from({ length: calls }, (_, index) => [
      index,
      { body: icpBody({ name: `Batched ${index}` }) },
    ]),
  );
  return service.api('POST', `/trpc/${paths}?batch=1`, { token, body: inputs });
}

async function icpsStored(service: TestService): Promise<number> {
  const row = await service.db
    .selectFrom('icps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('rate limits that tRPC batches cannot bypass', () => {
  let service: TestService;
  let requestsSent = 0;
  let hostileCalls = 0;

  beforeAll(async () => {
    // Almost no refill while the tests run: what passes is the burst.
    service = await startTestService({ RATE_LIMIT_RPS: '0.01', RATE_LIMIT_BURST: '20' });
  });
  afterAll(async () => {
    reportFigures(ATTACKS_SUITE, { requestsSent, faultsInjected: hostileCalls });
    await service.stop();
  });

  it(`a batch of more than ${MAX_BATCH_CALLS} calls is refused whole with 400, before any call runs`, async () => {
    const token = await service.tokenFor('batcher');
    const refused = await createBatch(service, token, 100);
    requestsSent += 1;
    hostileCalls += 100;

    expect(refused.status).toBe(400);
    expect(refused.body.error.data.appCode).toBe('BAD_REQUEST');
    expect(refused.body.error.message).toBe('Batch call exceeds maximum size');
    expect(await icpsStored(service)).toBe(0);
    // Nothing was spent either: the whole burst is still there.
    const allowed = await createBatch(service, token, MAX_BATCH_CALLS);
    requestsSent += 1;
    expect(allowed.status).toBe(200);
  });

  it('every call of a batch takes its own token: batches of creates past the burst store only the burst', async () => {
    const token = await service.tokenFor('spender');
    const batches = [];
    for (let batch = 0; batch < 3; batch += 1) {
      batches.push(await createBatch(service, token, MAX_BATCH_CALLS));
      requestsSent += 1;
    }
    hostileCalls += 3 * MAX_BATCH_CALLS - 20;
    const statuses = batches.flatMap((response) =>
      (response.body as { result?: unknown; error?: { data: { httpStatus: number } } }[]).map(
        (call) => (call.error === undefined ? 200 : call.error.data.httpStatus),
      ),
    );
    const limited = batches.at(-1);

    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3 * MAX_BATCH_CALLS - 20);
    expect(limited?.body[0].error.data.appCode).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const owned = await service.db
      .selectFrom('icp_members')
      .where('user_id', '=', 'spender')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(owned.n)).toBe(20);
  });

  it("a user's JWT and API keys share one bucket", async () => {
    const jwt = await service.tokenFor('two-credentials');
    const keys = [
      await service.apiKeyFor('two-credentials'),
      await service.apiKeyFor('two-credentials'),
    ];
    const statuses: number[] = [];
    for (let request = 0; request < 24; request += 1) {
      const token = request % 3 === 0 ? jwt : keys[request % 3 === 1 ? 0 : 1];
      statuses.push((await service.api('GET', ICPS, { token })).status);
      requestsSent += 1;
    }
    hostileCalls += 4;

    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
  });
});
