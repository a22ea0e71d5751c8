/**
 * Each server process prunes the recorded lead deletions older than
 * LEAD_DELETIONS_RETENTION_HOURS; a replica whose index is older than what was pruned rebuilds
 * it (answering from the index it has meanwhile), and a stopped service leaves nothing running.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CompanyRecord, PersonRecord } from '@icp/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leadSearchOf } from '../../src/leads/index/lead-engine-of.js';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { leadRevisionState } from '../../src/leads/lead-revision.js';
import { makeTempDir } from '../support/temp-dir.js';
import { freshTestDatabase } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const RETENTION = { LEAD_DELETIONS_RETENTION_HOURS: '1' };

const company: CompanyRecord = { id: 'c-prune', name: 'Pruning Test GmbH', keywords: [] };
const cro = (id: string): PersonRecord => ({
  id,
  firstName: 'Ana',
  lastName: 'Schmidt',
  jobTitle: 'Chief Revenue Officer',
  companyId: 'c-prune',
  skills: [],
  source: 'provider',
});

const icp = {
  name: 'Revenue leaders',
  leadProviderCriteria: [
    { provider: 'baseProvider', type: 'person', filters: { job_title: ['Chief Revenue Officer'] } },
  ],
  customFilterCriteria: [],
  userIds: [],
};

describe('pruning the recorded lead deletions', () => {
  const services: TestService[] = [];
  afterEach(async () => {
    // The replica first: the first one's stop removes the database.
    for (const service of services.splice(0).reverse()) await service.stop();
  });

  it('a process prunes old deletions at start; a replica that missed them rebuilds', async () => {
    const first = await startTestService(RETENTION);
    services.push(first);
    const token = await first.tokenFor('user_pruning');
    const created = await first.api('POST', ICPS, { token, body: icp });
    expect(created.status).toBe(201);
    const preview = async () => {
      const response = await first.api('POST', `${ICPS}/${created.body.id}/preview`, {
        token,
        body: { limit: 10 },
      });
      expect(response.status, response.text).toBe(200);
      const { total, leads } = response.body as {
        total: number;
        leads: { person: { id: string } }[];
      };
      return { total, ids: leads.map((lead) => lead.person.id) };
    };
    await first.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [company]);
      await savePeople(tx, [cro('p-1'), cro('p-2'), cro('p-3')]);
    });
    expect(await preview()).toEqual({ total: 3, ids: ['p-1', 'p-2', 'p-3'] });
    // Deleted in SQL, and recorded two hours ago: the first process has not searched since.
    await first.db.deleteFrom('people').where('id', '=', 'p-2').execute();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await first.db.updateTable('lead_deletions').set({ recorded_at: twoHoursAgo }).execute();

    const replica = await startTestService({ ...RETENTION, DATABASE_URL: first.databaseUrl });
    services.push(replica);

    await vi.waitFor(async () => {
      expect(await first.db.selectFrom('lead_deletions').selectAll().execute()).toEqual([]);
    });
    const { revision, deletionsPrunedThrough } = await leadRevisionState(first.db);
    expect(deletionsPrunedThrough).toBe(revision);
    // Nothing left to catch up from: this search starts a rebuild (and is answered from the
    // index the first process has meanwhile, its leads read from the tables).
    await preview();
    await leadSearchOf(first.db).settled();
    // Caught up instead, the index would still count the deleted person.
    expect(await preview()).toEqual({ total: 2, ids: ['p-1', 'p-3'] });
  });

  it('keeps recent deletions', async () => {
    const service = await startTestService(RETENTION);
    services.push(service);
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [company]);
      await savePeople(tx, [cro('p-1')]);
    });
    await service.db.deleteFrom('people').where('id', '=', 'p-1').execute();

    const replica = await startTestService({ ...RETENTION, DATABASE_URL: service.databaseUrl });
    services.push(replica);
    // Its first round is under way or done: stopping waits for it.
    await replica.stop();
    services.pop();

    const left = await service.db.selectFrom('lead_deletions').select('id').execute();
    expect(left).toEqual([{ id: 'p-1' }]);
  });
});

describe('a stopped service', () => {
  it('leaves nothing running: its process exits on its own', async () => {
    const dir = makeTempDir();
    const database = await freshTestDatabase(dir.path);
    const source = (module: string) =>
      fileURLToPath(new URL(`../../src/${module}`, import.meta.url));
    const script = `
      const { parseEnv } = await import(${JSON.stringify(source('env.ts'))});
      const { startIcpService } = await import(${JSON.stringify(source('service.ts'))});
      const service = await startIcpService(parseEnv({
        NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DEMO_LEADS: 'off', LOG_LEVEL: 'silent',
        LOG_REQUESTS: 'off', LEAD_DELETIONS_RETENTION_HOURS: '1',
        DATABASE_URL: process.env.TEST_SERVICE_DATABASE_URL, DATA_DIR: process.env.TEST_SERVICE_DIR,
      }));
      await service.stop();
    `;
    try {
      const exit = await new Promise<{ code: number | null; output: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script],
          {
            env: {
              ...process.env,
              TEST_SERVICE_DATABASE_URL: database.url,
              TEST_SERVICE_DIR: dir.path,
            },
            // Killed (a handle kept it alive) well before the test's own timeout.
            timeout: 20_000,
          },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ code, output: stdout + stderr });
          },
        );
      });

      expect(exit.code, exit.output).toBe(0);
    } finally {
      await database.drop();
      dir.remove();
    }
  });
});
