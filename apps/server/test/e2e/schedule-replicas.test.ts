import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServerProcess,
  type ServerProcess,
  signIn,
  sleep,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshPostgresSchema, onPostgres, testDatabase } from '../support/test-database.js';

const ICPS = '/api/v1/entities/icps';
const SCHEDULED_ICPS = 6;
const JOBS_SCHEMA = `icp_test_jobs_${process.pid}`;

/**
 * Two processes of the built server over one PostgreSQL schema, on one clock (a file), each
 * looking for due periods every 100 ms and working the same pg-boss queue: every period of
 * every ICP gets one list.
 */
describe.skipIf(testDatabase !== 'postgres')('two replicas delivering schedules', () => {
  const dir = makeTempDir('icp-schedule-replicas-');
  const clockFile = join(dir.path, 'clock');
  let database: Awaited<ReturnType<typeof freshPostgresSchema>> | undefined;
  let first: ServerProcess;
  let second: ServerProcess;
  const base = process.env.TEST_POSTGRES_URL as string;

  const listsPerIcp = async (): Promise<Map<string, number>> => {
    const { rows } = await onPostgres(database?.url as string, (client) =>
      client.query(
        'select icp_id, count(*)::int as n, count(distinct start_date)::int as periods from lead_lists group by icp_id',
      ),
    );
    return new Map(rows.map((row) => [row.icp_id, row.n === row.periods ? row.n : -row.n]));
  };

  beforeAll(async () => {
    database = await freshPostgresSchema(base);
    writeFileSync(clockFile, '2026-12-03T06:00:00.000Z');
    const settings = {
      NODE_ENV: 'test',
      DEMO_LEADS: 'off',
      TEST_CLOCK_FILE: clockFile,
      SCHEDULE_POLL_MS: '100',
      SCHEDULE_QUEUE_SCHEMA: JOBS_SCHEMA,
    };
    first = await startServerProcess(dir.path, database.url, settings);
    second = await startServerProcess(dir.path, database.url, settings);
  }, 90_000);
  afterAll(async () => {
    await killServerProcess(second);
    await killServerProcess(first);
    await onPostgres(base, (client) =>
      client.query(`drop schema if exists ${JOBS_SCHEMA} cascade`),
    );
    await database?.drop();
    dir.remove();
  });

  it('make one list per ICP and period, day after day', async () => {
    const token = await signIn(first, 'replicas_owner');
    const ids: string[] = [];
    for (let n = 0; n < SCHEDULED_ICPS; n += 1) {
      const server = n % 2 === 0 ? first : second;
      const icp = await server.api('POST', ICPS, {
        token,
        body: {
          name: `Raced ${n}`,
          leadProviderCriteria: [],
          customFilterCriteria: [],
          userIds: [],
        },
      });
      ids.push(icp.body.id);
      const set = await server.api('PUT', `${ICPS}/${icp.body.id}/schedule`, {
        token,
        body: { every: 'day', at: '09:00', timezone: 'Europe/Paris' },
      });
      expect(set.status, set.text).toBe(201);
    }

    for (const [day, clock] of [
      [1, '2026-12-03T08:00:01.000Z'],
      [2, '2026-12-04T08:00:01.000Z'],
    ] as const) {
      writeFileSync(clockFile, clock);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const counts = await listsPerIcp();
        if (ids.every((id) => (counts.get(id) ?? 0) >= day)) break;
        await sleep(100);
      }
      // Both replicas have had many rounds, and pg-boss time to hand out any duplicate job.
      await sleep(1_500);
      const counts = await listsPerIcp();
      expect(ids.map((id) => counts.get(id) ?? 0)).toEqual(ids.map(() => day));
    }
    const state = await second.api('GET', `${ICPS}/${ids[0]}/schedule`, { token });
    expect(state.body.deliveries.map((d: { periodStart: string }) => d.periodStart)).toEqual([
      '2026-12-04T08:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
    ]);
  }, 90_000);
});
