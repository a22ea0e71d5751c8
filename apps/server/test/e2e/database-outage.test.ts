import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { testDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const body = { name: 'Outage', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] };

async function eventually<T>(attempt: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await attempt();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(testDatabase !== 'postgres')('PostgreSQL going away and coming back', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let direct: TestService;
  let service: TestService;
  let key: string;
  const figures = { requests: 0, unavailable: 0, cuts: 0 };

  beforeAll(async () => {
    // The schema is made (and migrated) directly; the service under test reaches it through the
    // proxy, which the test then cuts.
    direct = await startTestService();
    const url = new URL(direct.databaseUrl);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    service = await startTestService({ DATABASE_URL: url.toString() });
    key = await direct.apiKeyFor('user_outage');
  });
  afterAll(async () => {
    console.log(
      `database outage: ${figures.cuts} cut(s), ${figures.requests} requests, ${figures.unavailable} answered 503`,
    );
    await service?.stop();
    await proxy?.stop();
    await direct?.stop();
  });

  it('answers 503 in the envelope while the database is unreachable, and recovers by itself', async () => {
    const before = await service.api('POST', ICPS, { token: key, body });
    expect(before.status).toBe(201);

    proxy.cut();
    figures.cuts += 1;
    const during = await Promise.all([
      service.api('GET', `${ICPS}/${before.body.id}`, { token: key }),
      service.api('POST', ICPS, { token: key, body }),
      service.api('GET', ICPS, { token: key }),
    ]);
    const health = await service.api('GET', '/healthz');
    figures.requests += during.length + 1;
    figures.unavailable += [...during, health].filter((response) => response.status === 503).length;

    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    }
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe('SERVICE_UNAVAILABLE');

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    proxy.restore();
    const healthAfter = await eventually(
      () => service.api('GET', '/healthz'),
      (response) => response.status === 200,
    );
    const after = await service.api('GET', `${ICPS}/${before.body.id}`, { token: key });
    const created = await service.api('POST', ICPS, { token: key, body });
    figures.requests += 3;

    expect(healthAfter.status).toBe(200);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(created.status).toBe(201);
  });
});
