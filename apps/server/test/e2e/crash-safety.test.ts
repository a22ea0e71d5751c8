import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVER_MAIN,
  type ServerProcess,
  signIn,
  sleep,
  startServerProcess,
} from '../support/server-process.js';
import { reportFigures } from '../support/suite-figures.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshPostgresSchema, onPostgres } from '../support/test-database.js';

const ICPS = '/api/v1/entities/icps';
const OWNER = 'crash_owner';
/**
 * Each ICP is shared with one of several teammates, so none of them is shared more ICPs by
 * others than a user may be (MAX_ICPS_SHARED_WITH_USER), however many creates the load makes.
 */
const TEAMMATES = 32;
const teammateOf = (label: string) =>
  `crash_teammate_${[...label].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 0) % TEAMMATES}`;
const CONCURRENCY = 20;
const LOAD_MS = 1_500;
const CYCLES = 3;

/** A create body with every key given, so the stored ICP must equal it key for key. */
function bodyFor(label: string) {
  return {
    name: label,
    description: `Written under load: ${label}`,
    leadProviderCriteria: [
      {
        provider: 'baseProvider',
        type: 'company',
        filters: {
          job_title: [label],
          company: { industry: ['Software'], employee_size: { min: 10, max: 500 } },
        },
      },
    ],
    customFilterCriteria: [
      { type: 'maxPeoplePerCompany', value: 2 },
      { type: 'matchFieldWithRegex', field: 'company.name', regex: '^(?!.*Test).*$' },
    ],
    crmFilters: {
      provider: 'bullhorn',
      textSearch: label,
      filters: [{ path: 'status', mode: 'equals', value: 'Active', exclude: false }],
    },
    userIds: [teammateOf(label), OWNER],
    leadsPerList: 25,
    activeUntil: '2030-01-01T00:00:00.000Z',
  };
}

type Icp = ReturnType<typeof bodyFor> & { id: string; createdAt: string; updatedAt: string };

interface LoadFigures {
  sent: number;
  acknowledged: Icp[];
  failed: number;
  sentBodies: Map<string, ReturnType<typeof bodyFor>>;
}

/** Fires creates from CONCURRENCY workers until `stop` resolves; every send is accounted for. */
async function createUnderLoad(
  server: ServerProcess,
  token: string,
  cycle: number,
  stop: Promise<void>,
): Promise<LoadFigures> {
  const figures: LoadFigures = { sent: 0, acknowledged: [], failed: 0, sentBodies: new Map() };
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  // Each worker writes until it sees the killed server fail it: a response already on its way
  // when the kill lands (a whole group-committed batch can be) still counts as acknowledged.
  const worker = async (workerIndex: number) => {
    for (let n = 0, failuresAfterStop = 0; failuresAfterStop === 0; n += 1) {
      const label = `cycle ${cycle} worker ${workerIndex} #${n}`;
      const body = bodyFor(label);
      figures.sent += 1;
      figures.sentBodies.set(label, body);
      let acknowledged = false;
      try {
        const response = await server.api('POST', ICPS, { token, body });
        acknowledged = response.status === 201;
        if (acknowledged) figures.acknowledged.push(response.body);
      } catch {
        // The connection died with the server.
      }
      if (!acknowledged) {
        figures.failed += 1;
        if (stopped) failuresAfterStop += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
  return figures;
}

interface StoredRows {
  /** 'ok' when the stored data is whole (SQLite's integrity check; on PostgreSQL, membership). */
  integrity: unknown;
  rows: { id: string; name: string }[];
}

function storedSqliteRows(databasePath: string): StoredRows {
  const database = new Database(databasePath, { fileMustExist: true });
  try {
    const integrity = database.pragma('integrity_check', { simple: true });
    const rows = database.prepare('select id, name from icps').all() as {
      id: string;
      name: string;
    }[];
    return { integrity, rows };
  } finally {
    database.close();
  }
}

async function storedPostgresRows(url: string): Promise<StoredRows> {
  return onPostgres(url, async (client) => {
    const rows = (await client.query('select id, name from icps')).rows as StoredRows['rows'];
    // Every ICP has its members, and every membership row its ICP: nothing half written.
    const { rows: broken } = await client.query(
      `select count(*)::int as n from icps i
         where not exists (select 1 from icp_members m where m.icp_id = i.id)`,
    );
    return { integrity: broken[0]?.n === 0 ? 'ok' : `${broken[0]?.n} ICPs without members`, rows };
  });
}

const ids = (icps: { id: string }[]) => icps.map((icp) => icp.id).sort();

/** Runs `task` over `items`, CONCURRENCY at a time. */
async function forEachConcurrently<T>(items: T[], task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/**
 * SIGKILLs the server three times while creates are flowing; after each restart every
 * acknowledged create is there, whole, and listed for both of its members.
 */
async function keepsEveryAcknowledgedCreate(
  database: 'sqlite' | 'postgres',
  start: () => Promise<ServerProcess>,
  stored: () => Promise<StoredRows>,
  onServer: (running: ServerProcess) => void,
): Promise<void> {
  let server: ServerProcess;
  const totals = { requestsSent: 0, faultsInjected: 0, writesFound: 0 };
  const acknowledged = new Map<string, Icp>();
  const sentBodies = new Map<string, ReturnType<typeof bodyFor>>();
  const checkedIds = new Set<string>();
  server = await start();
  onServer(server);

  for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
    const running = server;
    const token = await signIn(running, OWNER);
    const stop = sleep(LOAD_MS).then(() => {
      running.child.kill('SIGKILL');
    });
    const figures = await createUnderLoad(running, token, cycle, stop);
    expect((await running.exited).signal).toBe('SIGKILL');
    totals.requestsSent += figures.sent;
    totals.faultsInjected += 1;
    for (const icp of figures.acknowledged) acknowledged.set(icp.id, icp);
    for (const [label, body] of figures.sentBodies) sentBodies.set(label, body);
    // The kill must land while writes are flowing, or the cycle proves nothing: writes were
    // acknowledged before it, and every worker saw the server die under it.
    expect(figures.acknowledged.length).toBeGreaterThan(0);
    expect(figures.failed).toBeGreaterThanOrEqual(CONCURRENCY);

    server = await start();
    onServer(server);
    const reader = server;
    const ownerToken = await signIn(reader, OWNER);

    const { integrity, rows } = await stored();
    expect(integrity).toBe('ok');
    const storedIds = new Set(rows.map((row) => row.id));
    const foundAcknowledged = [...acknowledged.keys()].filter((id) => storedIds.has(id));
    totals.writesFound = foundAcknowledged.length;
    console.log(
      `cycle ${cycle}: sent ${figures.sent}, acknowledged ${figures.acknowledged.length}, ` +
        `lost in flight ${figures.failed}; after restart ${foundAcknowledged.length} of ` +
        `${acknowledged.size} acknowledged found, ${rows.length} stored in all`,
    );

    // Every acknowledged create, of this cycle and the ones before, is listed exactly as
    // acknowledged, and both members list exactly the stored ICPs (membership is whole too).
    expect(foundAcknowledged).toHaveLength(acknowledged.size);
    const ownerList = await reader.api('GET', ICPS, { token: ownerToken });
    expect(ids(ownerList.body)).toEqual([...storedIds].sort());
    for (let n = 0; n < TEAMMATES; n += 1) {
      const teammate = `crash_teammate_${n}`;
      const token = await signIn(reader, teammate);
      const teammateList = await reader.api('GET', ICPS, { token });
      const theirs = rows.filter((row) => teammateOf(row.name) === teammate).map((row) => row.id);
      expect(ids(teammateList.body)).toEqual(theirs.sort());
    }
    const listed = new Map((ownerList.body as Icp[]).map((icp) => [icp.id, icp]));
    for (const icp of acknowledged.values()) expect(listed.get(icp.id)).toEqual(icp);

    // Every ICP stored since the last restart (acknowledged, or committed just before the
    // kill) reads back whole by id: exactly the body that was sent.
    const unchecked = rows.filter((row) => !checkedIds.has(row.id));
    await forEachConcurrently(unchecked, async (row) => {
      const read = await reader.api('GET', `${ICPS}/${row.id}`, { token: ownerToken });
      expect(read.status, `stored ICP ${row.id} is not readable`).toBe(200);
      const { id, createdAt, updatedAt, ...content } = read.body as Icp;
      expect(id).toBe(row.id);
      expect(content).toEqual(sentBodies.get(row.name));
      expect(updatedAt).toBe(createdAt);
      const acknowledgedAs = acknowledged.get(row.id);
      if (acknowledgedAs !== undefined) expect(read.body).toEqual(acknowledgedAs);
      checkedIds.add(row.id);
    });
    totals.requestsSent += 1 + TEAMMATES + unchecked.length;
  }
  reportFigures(
    'crash safety (SIGKILL under concurrent creates)',
    {
      requestsSent: totals.requestsSent,
      faultsInjected: totals.faultsInjected,
      writesAcknowledged: acknowledged.size,
      writesFound: totals.writesFound,
    },
    database,
  );
}

describe('crash safety of the built server', () => {
  const temp = makeTempDir('icp-crash-');
  const databasePath = join(temp.path, 'icp.sqlite');
  const databaseUrl = `file:${databasePath}`;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    expect(existsSync(SERVER_MAIN), `${SERVER_MAIN} is missing: build the server first`).toBe(true);
  });

  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    temp.remove();
  });

  it('keeps every acknowledged create, whole, across three SIGKILLs under load', async () => {
    await keepsEveryAcknowledgedCreate(
      'sqlite',
      () => startServerProcess(temp.path, databaseUrl),
      async () => storedSqliteRows(databasePath),
      (running) => {
        server = running;
      },
    );
  }, 45_000);

  it('lets a request in flight at SIGTERM finish, then exits 0', async () => {
    const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
    if (server === undefined || hasExited(server.child)) {
      server = await startServerProcess(temp.path, databaseUrl);
    }
    const running = server;
    const token = await signIn(running, OWNER);
    const text = JSON.stringify(bodyFor('sent across SIGTERM'));
    const half = Math.floor(text.length / 2);

    const request = httpRequest({
      host: '127.0.0.1',
      port: running.port,
      method: 'POST',
      path: ICPS,
      // A connection of its own, closed after the response, as a one-off client would use.
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk) => {
          body += chunk;
        });
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    request.write(text.slice(0, half));
    await sleep(200);

    running.child.kill('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (!running.output().includes('SIGTERM received') && Date.now() < deadline) {
      await sleep(20);
    }
    expect(running.output()).toContain('SIGTERM received');
    expect(running.child.exitCode).toBeNull();

    request.end(text.slice(half));
    const answered = await response;
    const answeredAt = Date.now();
    expect(answered.status, answered.body).toBe(201);
    const created = JSON.parse(answered.body) as Icp;
    expect(created.name).toBe('sent across SIGTERM');

    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - answeredAt).toBeLessThan(3_000);
    const { integrity, rows } = storedSqliteRows(databasePath);
    expect(integrity).toBe('ok');
    expect(rows.map((row) => row.id)).toContain(created.id);
    console.log(`SIGTERM: the in-flight create ${created.id} finished and the server exited 0`);
  });
});

describe.skipIf(!process.env.TEST_POSTGRES_URL)(
  'crash safety of the built server on PostgreSQL',
  () => {
    const temp = makeTempDir('icp-crash-pg-');
    let database: Awaited<ReturnType<typeof freshPostgresSchema>>;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      expect(existsSync(SERVER_MAIN), `${SERVER_MAIN} is missing: build the server first`).toBe(
        true,
      );
      database = await freshPostgresSchema(process.env.TEST_POSTGRES_URL as string);
    });

    afterAll(async () => {
      if (server !== undefined && server.child.exitCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await database?.drop();
      temp.remove();
    });

    it('keeps every acknowledged create, whole, across three SIGKILLs under load', async () => {
      await keepsEveryAcknowledgedCreate(
        'postgres',
        () => startServerProcess(temp.path, database.url),
        () => storedPostgresRows(database.url),
        (running) => {
          server = running;
        },
      );
    }, 45_000);
  },
);
