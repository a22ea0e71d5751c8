import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServerProcess,
  type ServerProcess,
  signIn,
  sleep,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshTestDatabase, onPostgres, testDatabase } from '../support/test-database.js';

const ICPS = '/api/v1/entities/icps';

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * The built server killed (SIGKILL) in the middle of a delivery's transaction, after its list
 * and its period's row are written but before the commit, then started again: the period is
 * delivered once. TEST_DELIVERY_PAUSE_FILE holds the delivery there; the clock is a file.
 */
describe('a server killed during a delivery', () => {
  const dir = makeTempDir('icp-schedule-crash-');
  const clockFile = join(dir.path, 'clock');
  const pauseFile = join(dir.path, 'paused');
  let database: Awaited<ReturnType<typeof freshTestDatabase>>;
  let server: ServerProcess | undefined;
  const settings = {
    NODE_ENV: 'test',
    DEMO_LEADS: 'off',
    TEST_CLOCK_FILE: clockFile,
    SCHEDULE_POLL_MS: '100',
  };

  /** Rows of a table for an ICP, read beside the server (which may be dead). */
  const rowsOf = async (table: 'lead_lists' | 'icp_deliveries', icpId: string) => {
    if (testDatabase === 'sqlite') {
      const file = new Database(database.url.slice('file:'.length), { readonly: true });
      try {
        const row = file.prepare(`select count(*) as n from ${table} where icp_id = ?`).get(icpId);
        return (row as { n: number }).n;
      } finally {
        file.close();
      }
    }
    const { rows } = await onPostgres(database.url, (client) =>
      client.query(`select count(*)::int as n from ${table} where icp_id = $1`, [icpId]),
    );
    return rows[0].n as number;
  };

  beforeAll(async () => {
    database = await freshTestDatabase(dir.path);
    writeFileSync(clockFile, '2026-12-03T06:00:00.000Z');
  });
  afterAll(async () => {
    await killServerProcess(server);
    await database.drop();
    dir.remove();
  });

  it('leaves no list and no delivered period, and the restarted server delivers it once', async () => {
    server = await startServerProcess(dir.path, database.url, {
      ...settings,
      TEST_DELIVERY_PAUSE_FILE: pauseFile,
    });
    const token = await signIn(server, 'crash_owner');
    const icp = await server.api('POST', ICPS, {
      token,
      body: {
        name: 'Delivered once',
        leadProviderCriteria: [],
        customFilterCriteria: [],
        userIds: [],
      },
    });
    expect(icp.status).toBe(201);
    const id: string = icp.body.id;
    const set = await server.api('PUT', `${ICPS}/${id}/schedule`, {
      token,
      body: { every: 'day', at: '09:00', timezone: 'UTC' },
    });
    expect(set.status, set.text).toBe(201);

    writeFileSync(clockFile, '2026-12-03T09:00:05.000Z');
    await waitFor('the delivery to pause', () => existsSync(pauseFile));
    await killServerProcess(server);
    rmSync(pauseFile, { force: true });
    expect(await rowsOf('icp_deliveries', id)).toBe(0);
    expect(await rowsOf('lead_lists', id)).toBe(0);

    server = await startServerProcess(dir.path, database.url, settings);
    const again = await signIn(server, 'crash_owner');
    await waitFor(
      'the period to be delivered',
      async () => (await rowsOf('icp_deliveries', id)) > 0,
    );
    await sleep(500);
    const state = await server.api('GET', `${ICPS}/${id}/schedule`, { token: again });
    const lists = await server.api('GET', `${ICPS}/${id}/lead-lists`, { token: again });
    expect(state.body.deliveries).toHaveLength(1);
    expect(state.body.deliveries[0].periodStart).toBe('2026-12-03T09:00:00.000Z');
    expect(lists.body).toHaveLength(1);
    expect(lists.body[0]).toMatchObject({
      id: state.body.deliveries[0].leadListId,
      startDate: '2026-12-03T09:00:00.000Z',
      endDate: '2026-12-04T09:00:00.000Z',
    });
    // Two starts of the built server, which take seconds each on a busy machine.
  }, 90_000);
});
