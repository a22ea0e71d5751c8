import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, testDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const body = {
  name: 'Shared between replicas',
  leadProviderCriteria: [],
  customFilterCriteria: [],
  userIds: [],
};

// Two server processes over one database is what PostgreSQL is for; a SQLite file belongs to one.
describe.skipIf(testDatabase !== 'postgres')('two replicas over one PostgreSQL database', () => {
  let first: TestService;
  let second: TestService;
  let key: string;

  beforeAll(async () => {
    first = await startTestService();
    second = await startTestService({ DATABASE_URL: first.databaseUrl });
    key = await first.apiKeyFor('user_replicated');
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('a write through one is read through the other', async () => {
    const created = await first.api('POST', ICPS, { token: key, body });
    const read = await second.api('GET', `${ICPS}/${created.body.id}`, { token: key });
    const listed = await second.api('GET', ICPS, { token: key });

    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe(created.headers.get('etag'));
    expect(listed.body.map((icp: { id: string }) => icp.id)).toContain(created.body.id);
  });

  it('retries of one Idempotency-Key landing on both replicas create one ICP', async () => {
    const headers = { 'idempotency-key': `replicas-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        (index % 2 === 0 ? first : second).api('POST', ICPS, {
          token: key,
          body: { ...body, name: 'Created once' },
          headers,
        }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const listed = await first.api('GET', ICPS, { token: key });
    expect(listed.body.filter((icp: { name: string }) => icp.name === 'Created once')).toHaveLength(
      1,
    );
  });

  it('updates racing with one If-Match tag on both replicas: one wins, the others get 412', async () => {
    const created = await first.api('POST', ICPS, { token: key, body });
    const etag = created.headers.get('etag') as string;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 === 0 ? first : second).api('PATCH', `${ICPS}/${created.body.id}`, {
          token: key,
          body: { leadsPerList: 100 + index },
          headers: { 'if-match': etag },
        }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = responses.find((response) => response.status === 200);
    const read = await second.api('GET', `${ICPS}/${created.body.id}`, { token: key });
    expect(read.body.leadsPerList).toBe(winner?.body.leadsPerList);
  });
});

describe.skipIf(testDatabase !== 'postgres')('rate limits shared by replicas', () => {
  let first: TestService;
  let second: TestService;

  beforeAll(async () => {
    const limits = { RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '4' };
    first = await startTestService(limits);
    second = await startTestService({ ...limits, DATABASE_URL: first.databaseUrl });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('a caller spreading requests over both replicas gets the limit once, not once per replica', async () => {
    const key = await first.apiKeyFor('user_spreading');
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const replica = index % 2 === 0 ? first : second;
      statuses.push((await replica.api('GET', ICPS, { token: key })).status);
    }

    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('keeps its buckets out of the write-ahead log, so taking a token waits for no disk', async () => {
    const persistence = await onPostgres(first.databaseUrl, (client) =>
      client.query(
        `select relpersistence from pg_class
          where relname = 'rate_limit_buckets' and relnamespace = current_schema()::regnamespace`,
      ),
    );

    expect(persistence.rows).toEqual([{ relpersistence: 'u' }]);
  });
});
