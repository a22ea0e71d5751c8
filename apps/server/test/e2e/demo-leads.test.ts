import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { countLeadRecords } from '../../src/leads/lead-records.repository.js';
import { startIcpService } from '../../src/service.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('icp-demo-leads-');
afterAll(() => temp.remove());

/** Starts the service on `file`, counts the lead records, stops; returns them and what it logged. */
async function startAndCount(file: string, demoLeads: 'auto' | 'off') {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const service = await startIcpService(
    parseEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${join(temp.path, file)}`,
      DATA_DIR: temp.path,
      RATE_LIMIT_RPS: '0',
      DEMO_LEADS: demoLeads,
    }),
  );
  try {
    const lines = log.mock.calls.map((args) => args.join(' '));
    return { counts: await countLeadRecords(service.db), lines };
  } finally {
    log.mockRestore();
    await service.stop();
  }
}

describe('demo leads on start', () => {
  it('fill a fresh database once, saying so, and a second start adds none', async () => {
    const first = await startAndCount('fresh.sqlite', 'auto');
    expect(first.counts.companies).toBe(300);
    expect(first.counts.people).toBeGreaterThan(2_500);
    expect(first.lines).toEqual([
      `Generated a demo lead database: 300 companies, ${first.counts.people.toLocaleString('en-US')} people (DEMO_LEADS=off to skip)`,
    ]);

    const second = await startAndCount('fresh.sqlite', 'auto');
    expect(second.counts).toEqual(first.counts);
    expect(second.lines).toEqual([]);
  });

  it('are not generated with DEMO_LEADS=off', async () => {
    const { counts, lines } = await startAndCount('off.sqlite', 'off');
    expect(counts).toEqual({ companies: 0, people: 0 });
    expect(lines).toEqual([]);
  });
});
