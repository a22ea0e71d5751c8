import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServerProcess,
  type ServerProcess,
  signIn,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshPostgresSchema, onPostgres, testDatabase } from '../support/test-database.js';

const ICPS = '/api/v1/entities/icps';
const body = {
  name: 'Shared between replicas',
  leadProviderCriteria: [],
  customFilterCriteria: [],
  userIds: [],
};

/**
 * Two processes of the built server on their own ports over one PostgreSQL schema, as behind a
 * load balancer. They share a data folder, as replicas share their configuration, so a token
 * signed by one is accepted by the other.
 */
function useReplicas(env: Record<string, string> = {}) {
  const replicas = {} as { first: ServerProcess; second: ServerProcess; databaseUrl: string };
  const dir = makeTempDir('icp-replicas-');
  let database: Awaited<ReturnType<typeof freshPostgresSchema>> | undefined;
  beforeAll(async () => {
    database = await freshPostgresSchema(process.env.TEST_POSTGRES_URL as string);
    const settings = { DEMO_LEADS: 'off', ...env };
    replicas.databaseUrl = database.url;
    replicas.first = await startServerProcess(dir.path, database.url, settings);
    replicas.second = await startServerProcess(dir.path, database.url, settings);
  });
  afterAll(async () => {
    await killServerProcess(replicas.second);
    await killServerProcess(replicas.first);
    await database?.drop();
    dir.remove();
  });
  return replicas;
}

// Two server processes over one database is what PostgreSQL is for; a SQLite file belongs to one.
describe.skipIf(testDatabase !== 'postgres')('two replicas over one PostgreSQL database', () => {
  const replicas = useReplicas();
  let first: ServerProcess;
  let second: ServerProcess;
  let key: string;

  beforeAll(async () => {
    ({ first, second } = replicas);
    key = await signIn(first, 'user_replicated');
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
  const replicas = useReplicas({ RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '4' });

  it('a caller spreading requests over both replicas gets the limit once, not once per replica', async () => {
    const { first, second } = replicas;
    const key = await signIn(first, 'user_spreading');
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const replica = index % 2 === 0 ? first : second;
      statuses.push((await replica.api('GET', ICPS, { token: key })).status);
    }

    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('keeps its buckets out of the write-ahead log, so taking a token waits for no disk', async () => {
    const persistence = await onPostgres(replicas.databaseUrl, (client) =>
      client.query(
        `select relpersistence from pg_class
          where relname = 'rate_limit_buckets' and relnamespace = current_schema()::regnamespace`,
      ),
    );

    expect(persistence.rows).toEqual([{ relpersistence: 'u' }]);
  });
});
