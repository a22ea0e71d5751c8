import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/connect.js';
import { AppError } from '../errors.js';
import { LeadSearchLimits } from './lead-search-limits.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LeadSearchLimits', () => {
  const db = openSqlite(':memory:');
  afterAll(() => db.destroy());

  it('runs two searches of a user at once and refuses a third with 429, others unaffected', async () => {
    const limits = new LeadSearchLimits(2, 10_000);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = [limits.run('u', db, () => held), limits.run('u', db, () => held)];

    const third = limits.run('u', db, async () => 'ran');
    await expect(third).rejects.toMatchObject({
      appCode: 'TOO_MANY_REQUESTS',
      headers: { 'Retry-After': '1' },
    });
    await expect(limits.run('other', db, async () => 'ran')).resolves.toBe('ran');
    release();
    await Promise.all(running);
    await expect(limits.run('u', db, async () => 'ran again')).resolves.toBe('ran again');
  });

  it('starts no statement of a search past its budget, answering 503 saying so', async () => {
    const limits = new LeadSearchLimits(2, 100);
    const statements: string[] = [];
    const search = limits.run('u', db, async (budgeted) => {
      await sql`select 1`.execute(budgeted);
      statements.push('first');
      await sleep(150);
      await sql`select 2`.execute(budgeted);
      statements.push('second');
    });

    await expect(search).rejects.toThrow(AppError);
    await expect(search).rejects.toMatchObject({
      appCode: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/^The lead search took longer than its 0.1 s budget/),
    });
    expect(statements).toEqual(['first']);
    await expect(limits.run('u', db, async () => 'free again')).resolves.toBe('free again');
  });

  it('reports a statement the database cancelled at its timeout as the search over budget', async () => {
    const limits = new LeadSearchLimits(2, 10_000);
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });

    await expect(
      limits.run('u', db, async () => {
        throw cancelled;
      }),
    ).rejects.toMatchObject({ appCode: 'SERVICE_UNAVAILABLE', message: /lead search took longer/ });
  });
});
