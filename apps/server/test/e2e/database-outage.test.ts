import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures } from '../support/suite-figures.js';
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
  const acknowledged = new Map<string, unknown>();
  const CUTS = 3;
  let foundAfterwards = 0;

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
    console.log(`database outage: ${figures.unavailable} requests answered 503`);
    reportFigures('database outage (connection cut)', {
      requestsSent: figures.requests,
      faultsInjected: figures.cuts,
      writesAcknowledged: acknowledged.size,
      writesFound: foundAfterwards,
    });
    await service?.stop();
    await proxy?.stop();
    await direct?.stop();
  });
  const create = async (name: string) => {
    figures.requests += 1;
    const response = await service.api('POST', ICPS, { token: key, body: { ...body, name } });
    if (response.status === 201) acknowledged.set(response.body.id, response.body);
    return response;
  };

  it(`answers 503 in the envelope while the database is unreachable, and recovers by itself (${CUTS} cuts)`, async () => {
    for (let cut = 1; cut <= CUTS; cut += 1) {
      const before = await create(`Before cut ${cut}`);
      expect(before.status).toBe(201);

      proxy.cut();
      figures.cuts += 1;
      const during = await Promise.all([
        service.api('GET', `${ICPS}/${before.body.id}`, { token: key }),
        create(`During cut ${cut}`),
        service.api('GET', ICPS, { token: key }),
      ]);
      const health = await service.api('GET', '/healthz');
      figures.requests += during.length;
      figures.unavailable += [...during, health].filter(
        (response) => response.status === 503,
      ).length;

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
      figures.requests += 2;

      expect(healthAfter.status).toBe(200);
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
      expect((await create(`After cut ${cut}`)).status).toBe(201);
    }

    // Every acknowledged write is there as acknowledged; none refused with 503 was stored.
    const listed = await direct.api('GET', ICPS, { token: key });
    figures.requests += 1;
    const stored = new Map((listed.body as { id: string }[]).map((icp) => [icp.id, icp]));
    foundAfterwards = [...acknowledged].filter(([id, icp]) => {
      expect(stored.get(id)).toEqual(icp);
      return stored.has(id);
    }).length;
    expect(stored.size).toBe(acknowledged.size);
  }, 60_000);
});
