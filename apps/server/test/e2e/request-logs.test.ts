import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/db/dialect.js';
import { openDatabase } from '../../src/db/open-database.js';
import {
  killServerProcess,
  SERVER_MAIN,
  type ServerProcess,
  signIn,
  sleep,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshTestDatabase } from '../support/test-database.js';

const ICPS = '/api/v1/entities/icps';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type LogRecord = Record<string, unknown>;

/** The built server as a process, so its logs are what it writes to its standard output. */
function useServer(env: Record<string, string>) {
  const state = {} as { server: ServerProcess; databaseUrl: string };
  const dir = makeTempDir('icp-logs-');
  let drop = async () => {};
  beforeAll(async () => {
    expect(existsSync(SERVER_MAIN), `${SERVER_MAIN} is missing: build the server first`).toBe(true);
    const database = await freshTestDatabase(dir.path);
    drop = database.drop;
    state.databaseUrl = database.url;
    state.server = await startServerProcess(dir.path, database.url, { DEMO_LEADS: 'off', ...env });
  });
  afterAll(async () => {
    await killServerProcess(state.server);
    await drop();
    dir.remove();
  });
  return state;
}

/** The JSON lines the server wrote (its other lines are plain text). */
function logRecords(server: ServerProcess): LogRecord[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogRecord);
}

/** The record of `requestId` at `level`, once the server has written it (lines go out async). */
async function recordOf(server: ServerProcess, requestId: string | null, level = 'info') {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = logRecords(server).find(
      (record) => record.requestId === requestId && record.level === level,
    );
    if (found !== undefined || Date.now() > deadline) return found;
    await sleep(20);
  }
}

describe('request ids and structured request logs', () => {
  const state = useServer({ LOG_REQUESTS: 'on' });

  it('gives every response an X-Request-Id, keeping a safe one sent by a proxy', async () => {
    const { server } = state;
    const fresh = await server.api('GET', '/healthz');
    const forwarded = await server.api('GET', '/healthz', {
      headers: { 'x-request-id': 'edge-42' },
    });
    const unsafe = await server.api('GET', '/healthz', {
      headers: { 'x-request-id': '{"forged":true}' },
    });
    const failed = await server.api('GET', ICPS);

    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
    expect(forwarded.headers.get('x-request-id')).toBe('edge-42');
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
    expect(failed.status).toBe(401);
    expect(failed.headers.get('x-request-id')).toMatch(UUID);
    expect(await recordOf(server, 'edge-42')).toMatchObject({ path: '/healthz', status: 200 });
  });

  it('logs one JSON line per request, and never a token, a cookie, a body or a query string', async () => {
    const { server } = state;
    const token = await signIn(server, 'user_logged');
    const created = await server.api('POST', ICPS, {
      token,
      headers: { cookie: 'session=SECRET-COOKIE-VALUE' },
      body: {
        name: 'TOP-SECRET-NAME',
        leadProviderCriteria: [],
        customFilterCriteria: [],
        userIds: [],
      },
    });
    const read = await server.api('GET', '/v2/recommendations/icp?externalUserId=private-ext-id', {
      token,
    });

    expect(await recordOf(server, created.headers.get('x-request-id'))).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      level: 'info',
      msg: 'request',
      requestId: created.headers.get('x-request-id'),
      method: 'POST',
      path: ICPS,
      status: 201,
      ms: expect.any(Number),
    });
    expect(await recordOf(server, read.headers.get('x-request-id'))).toMatchObject({
      path: '/v2/recommendations/icp',
      status: 200,
    });
    const everything = server.output();
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('SECRET-COOKIE-VALUE');
    expect(everything).not.toContain('TOP-SECRET-NAME');
    expect(everything).not.toContain('private-ext-id');
  });
});

describe('logs of unexpected errors, at LOG_LEVEL=error', () => {
  const state = useServer({ LOG_REQUESTS: 'on', LOG_LEVEL: 'error' });
  let token: string;

  beforeAll(async () => {
    token = await signIn(state.server, 'user_failing');
    // A table gone from under the server: what no request can do, so the failure is unexpected.
    const { db } = openDatabase(state.databaseUrl);
    try {
      // On PostgreSQL the stored recommendations' foreign keys go with it.
      const cascade = isPostgres(db) ? sql` cascade` : sql``;
      await sql`drop table recommendation_icps${cascade}`.execute(db);
    } finally {
      await db.destroy();
    }
  });

  it('logs the cause of a 500 with its request id, through tRPC as through REST', async () => {
    const { server } = state;
    const viaTrpc = await server.api('GET', '/trpc/recommendations.icp?input=%7B%7D', { token });
    const viaRest = await server.api('GET', '/v2/recommendations/icp', { token });

    expect([viaTrpc.status, viaRest.status]).toEqual([500, 500]);
    expect(viaTrpc.text).not.toContain('recommendation_icps');
    expect(await recordOf(server, viaTrpc.headers.get('x-request-id'), 'error')).toEqual({
      time: expect.any(String),
      level: 'error',
      msg: 'unexpected error',
      requestId: viaTrpc.headers.get('x-request-id'),
      procedure: 'recommendations.icp',
      error: expect.stringContaining('recommendation_icps'),
    });
    expect(await recordOf(server, viaRest.headers.get('x-request-id'), 'error')).toMatchObject({
      msg: 'unexpected error',
      error: expect.stringContaining('recommendation_icps'),
    });
  });

  it('writes no record below the level: request lines are info', () => {
    const levels = new Set(logRecords(state.server).map((record) => record.level));
    expect([...levels]).toEqual(['error']);
  });
});
