import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresSchema, onPostgres, testDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const body = { name: 'Pooled', leadProviderCriteria: [], customFilterCriteria: [], userIds: [] };

// Replicas multiply connections: each process keeps at most DATABASE_POOL_SIZE of them.
describe.skipIf(testDatabase !== 'postgres')('the PostgreSQL pool of one process', () => {
  const base = process.env.TEST_POSTGRES_URL as string;
  const applicationName = `icp_pool_${randomBytes(4).toString('hex')}`;
  let database: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let service: TestService;

  beforeAll(async () => {
    database = await freshPostgresSchema(base);
    service = await startTestService({
      DATABASE_URL: `${database.url}&application_name=${applicationName}`,
      DATABASE_POOL_SIZE: '2',
    });
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('never opens more connections than DATABASE_POOL_SIZE, however many requests wait', async () => {
    const key = await service.apiKeyFor('user_pooled');
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        index % 2 === 0
          ? service.api('POST', ICPS, { token: key, body })
          : service.api('GET', ICPS, { token: key }),
      ),
    );
    const { rows } = await onPostgres(base, (client) =>
      client.query(
        'select count(*)::int as connections from pg_stat_activity where application_name = $1',
        [applicationName],
      ),
    );

    expect(responses.map((response) => response.status).sort()).toEqual([
      ...Array(15).fill(200),
      ...Array(15).fill(201),
    ]);
    expect(rows[0].connections).toBeGreaterThanOrEqual(1);
    expect(rows[0].connections).toBeLessThanOrEqual(2);
  });

  it('bounds every statement of its connections, also those that ran the migrations, by 5 s', async () => {
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        sql<{ statement_timeout: string }>`show statement_timeout`.execute(service.db),
      ),
    );

    expect(settings.map(({ rows }) => rows[0]?.statement_timeout)).toEqual(Array(4).fill('5s'));
  });
});
