/**
 * Every server process searches its own lead index; what the database holds is what each one
 * answers on the next request: leads imported by the CLI (another process), people deleted in
 * the database, and people imported again with other values. On PostgreSQL two replicas over one
 * database; on SQLite the one server over the file the CLI writes too.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServerProcess,
  type ServerProcess,
  signIn,
  startServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshPostgresSchema, onPostgres, testDatabase } from '../support/test-database.js';

const CLI = fileURLToPath(new URL('../../dist/cli/icp.js', import.meta.url));
const ICPS = '/api/v1/entities/icps';

const icp = {
  name: 'Revenue leaders',
  leadProviderCriteria: [
    { provider: 'baseProvider', type: 'person', filters: { job_title: ['Chief Revenue Officer'] } },
  ],
  customFilterCriteria: [],
  userIds: [],
};

const COMPANIES = [
  'id,name,domain,industry,keywords,employeeCount,revenue,country,city',
  'c-fresh-1,Freshworks Test GmbH,freshworks-test.de,Software,SaaS,420,12000000,de,Munich',
  'c-fresh-2,Northwind Test Ltd,northwind-test.co.uk,Software,,80,,gb,London',
];

const person = (id: string, companyId: string, jobTitle: string) =>
  JSON.stringify({ id, firstName: 'Ana', lastName: 'Schmidt', jobTitle, companyId });

function runCli(databaseUrl: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: stdout + stderr });
      },
    );
  });
}

interface Setup {
  databaseUrl: string;
  servers: ServerProcess[];
  /** Runs one SQL statement on the database, as an operator would. */
  execute(statement: string): Promise<void>;
}

function useServers(): Setup {
  const setup = { servers: [] } as unknown as Setup;
  const dir = makeTempDir('icp-index-freshness-');
  let drop = async () => {};
  beforeAll(async () => {
    if (testDatabase === 'postgres') {
      const database = await freshPostgresSchema(process.env.TEST_POSTGRES_URL as string);
      drop = database.drop;
      setup.databaseUrl = database.url;
      setup.execute = async (statement) => {
        await onPostgres(database.url, (client) => client.query(statement));
      };
    } else {
      const path = join(dir.path, 'icp.sqlite');
      setup.databaseUrl = `file:${path}`;
      setup.execute = async (statement) => {
        const database = new Database(path);
        try {
          database.exec(statement);
        } finally {
          database.close();
        }
      };
    }
    const replicas = testDatabase === 'postgres' ? 2 : 1;
    for (let replica = 0; replica < replicas; replica += 1) {
      setup.servers.push(
        await startServerProcess(dir.path, setup.databaseUrl, { DEMO_LEADS: 'off' }),
      );
    }
  });
  afterAll(async () => {
    for (const server of setup.servers) await killServerProcess(server);
    await drop();
    dir.remove();
  });
  return setup;
}

describe('the lead index of every server process follows the database', () => {
  const setup = useServers();
  const dir = makeTempDir('icp-index-files-');
  afterAll(() => dir.remove());
  let token = '';
  let icpId = '';

  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir.path, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  /** What each server previews for the ICP: its total and its leads' ids. */
  const previews = () =>
    Promise.all(
      setup.servers.map(async (server) => {
        const response = await server.api('POST', `${ICPS}/${icpId}/preview`, {
          token,
          body: { limit: 10 },
        });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const { total, leads } = response.body as {
          total: number;
          leads: { person: { id: string } }[];
        };
        return { total, ids: leads.map((lead) => lead.person.id) };
      }),
    );

  beforeAll(async () => {
    const [first] = setup.servers as [ServerProcess];
    token = await signIn(first, 'user_index_freshness');
    const created = await first.api('POST', ICPS, { token, body: icp });
    expect(created.status).toBe(201);
    icpId = created.body.id;
  });

  it('finds no one before the import, on every process', async () => {
    for (const preview of await previews()) expect(preview).toEqual({ total: 0, ids: [] });
  });

  it('finds the people the CLI imported on the next request, on every process', async () => {
    const companies = await runCli(setup.databaseUrl, [
      'leads',
      'import',
      'companies',
      file('companies.csv', COMPANIES),
    ]);
    expect(companies.code, companies.output).toBe(0);
    const people = await runCli(setup.databaseUrl, [
      'leads',
      'import',
      'people',
      file('people.ndjson', [
        person('p-fresh-1', 'c-fresh-1', 'Chief Revenue Officer'),
        person('p-fresh-2', 'c-fresh-2', 'CRO'),
        person('p-fresh-3', 'c-fresh-2', 'Account Executive'),
      ]),
    ]);
    expect(people.code, people.output).toBe(0);

    for (const preview of await previews()) {
      expect(preview).toEqual({ total: 2, ids: ['p-fresh-1', 'p-fresh-2'] });
    }
  });

  it('follows people imported again with another title, and people deleted in the database', async () => {
    const again = await runCli(setup.databaseUrl, [
      'leads',
      'import',
      'people',
      file('again.ndjson', [
        person('p-fresh-0', 'c-fresh-1', 'Chief Revenue Officer'),
        person('p-fresh-3', 'c-fresh-2', 'Chief Revenue Officer'),
      ]),
    ]);
    expect(again.code, again.output).toBe(0);
    await setup.execute(`delete from people where id = 'p-fresh-1'`);

    for (const preview of await previews()) {
      expect(preview).toEqual({ total: 3, ids: ['p-fresh-0', 'p-fresh-2', 'p-fresh-3'] });
    }
  });

  it('follows a company deleted in the database (its people keep no company)', async () => {
    const companySearch = await setup.servers[0]?.api('PATCH', `${ICPS}/${icpId}`, {
      token,
      body: {
        leadProviderCriteria: [
          {
            provider: 'baseProvider',
            type: 'person',
            filters: {
              job_title: ['Chief Revenue Officer'],
              company: { location: { country: ['gb'] } },
            },
          },
        ],
      },
    });
    expect(companySearch?.status).toBe(200);
    for (const preview of await previews()) {
      expect(preview).toEqual({ total: 2, ids: ['p-fresh-2', 'p-fresh-3'] });
    }

    await setup.execute(`delete from companies where id = 'c-fresh-2'`);

    for (const preview of await previews()) expect(preview).toEqual({ total: 0, ids: [] });
  });
});
