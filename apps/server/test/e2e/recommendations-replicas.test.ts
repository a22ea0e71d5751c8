/**
 * The day's recommendations are stored, so every server process over one database answers the
 * same day alike: two processes asked at the same moment for a day not generated yet, one of
 * them restarted, and the day after. On PostgreSQL two replicas; on SQLite two processes over
 * one file. Their clock is a file the test writes (TEST_CLOCK_FILE, honoured with NODE_ENV=test).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServerProcess,
  type ServerProcess,
  signIn,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshPostgresSchema, testDatabase } from '../support/test-database.js';

const CLI = fileURLToPath(new URL('../../dist/cli/icp.js', import.meta.url));
const ICP = '/v2/recommendations/icp';
const FETCH = '/v2/recommendations/fetch';

type Page = {
  companies: { name: string; recommendation: { id: string } }[];
  pagination: { hasMore: boolean; totalAmount: number };
};

describe('daily recommendations over several server processes', () => {
  const dir = makeTempDir('icp-recommendation-replicas-');
  const clockFile = join(dir.path, 'now.txt');
  const setDay = (day: string) => writeFileSync(clockFile, `${day}T10:00:00.000Z\n`);
  let databaseUrl = '';
  let drop = async () => {};
  const servers: ServerProcess[] = [];
  let token = '';

  const start = () =>
    startServerProcess(dir.path, databaseUrl, {
      NODE_ENV: 'test',
      TEST_CLOCK_FILE: clockFile,
      DEMO_LEADS: 'off',
    });
  /** Generates a lead database of 250 companies with the CLI, as an operator would. */
  const generateLeads = () =>
    new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'leads', 'generate', '--companies', '250', '--seed', '7'],
        { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
        (error) => (error === null ? resolve() : reject(error)),
      );
    });
  const fetchAt = async (server: ServerProcess, from = 0, to = 100): Promise<Page> => {
    const response = await server.api('POST', FETCH, {
      token,
      body: { externalUserId: 'replicated', pagination: { from, to } },
    });
    expect(response.status, response.text).toBe(200);
    return response.body as Page;
  };

  beforeAll(async () => {
    setDay('2026-11-02');
    if (testDatabase === 'postgres') {
      const database = await freshPostgresSchema(process.env.TEST_POSTGRES_URL as string);
      drop = database.drop;
      databaseUrl = database.url;
    } else {
      databaseUrl = `file:${join(dir.path, 'icp.sqlite')}`;
    }
    await generateLeads();
    servers.push(await start());
    servers.push(await start());
    token = await signIn(servers[0] as ServerProcess, 'user_replicated');
    const saved = await servers[0]?.api('POST', ICP, {
      token,
      body: {
        externalUserId: 'replicated',
        people: { seniorities: ['C-Level', 'VP', 'Director', 'Head', 'Manager'] },
      },
    });
    expect(saved?.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await killServerProcess(server);
    await drop();
    dir.remove();
  });

  it('two processes asked at once for a new day answer the same day', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const [a, b] = await Promise.all([fetchAt(first), fetchAt(second)]);

    expect(a.companies).toHaveLength(100);
    expect(b).toEqual(a);
    expect(await fetchAt(second, 40, 60)).toEqual({
      companies: a.companies.slice(40, 60),
      pagination: { from: 40, to: 60, hasMore: true, totalAmount: 100 },
    });
  });

  it('a restarted process answers the day it stored, and the next day is new on both', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const before = await fetchAt(first);
    await killServerProcess(second);
    const restarted = await start();
    servers[1] = restarted;

    expect(await fetchAt(restarted)).toEqual(before);

    setDay('2026-11-03');
    const [a, b] = await Promise.all([fetchAt(restarted), fetchAt(first)]);
    const earlier = new Set(before.companies.map((company) => company.name));

    expect(b).toEqual(a);
    expect(a.companies.length).toBeGreaterThan(0);
    expect(a.companies.filter((company) => earlier.has(company.name))).toEqual([]);
  }, 60_000);
});
