import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { AppError } from '../errors.js';
import { checkStoredLeadsLeft, takeStoredLeads } from './stored-leads-quota.js';

const at = (iso: string) => new Date(iso);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );

describe('the daily quota of stored leads', () => {
  const database = useTempDatabase();
  const take = (user: string, count: number, now: Date) =>
    database.db.transaction().execute((tx) => takeStoredLeads(tx, user, count, 100, now));

  it('takes leads until the quota is reached, then refuses with 429 and when it resets', async () => {
    const now = at('2026-12-02T22:00:00.000Z');
    await take('ana', 60, now);
    await take('ana', 40, now);
    const refused = await refusal(take('ana', 1, now));

    expect(refused).toBeInstanceOf(AppError);
    expect(refused?.appCode).toBe('TOO_MANY_REQUESTS');
    expect(refused?.message).toMatch(/resets at 2026-12-03T00:00:00\.000Z/);
    expect(refused?.headers['Retry-After']).toBe(String(2 * 60 * 60));
    expect((await refusal(checkStoredLeadsLeft(database.db, 'ana', 100, now)))?.appCode).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('refuses a list that does not fit whole, and counts nothing of it', async () => {
    const now = at('2026-12-02T10:00:00.000Z');
    await take('ana', 90, now);
    expect((await refusal(take('ana', 11, now)))?.appCode).toBe('TOO_MANY_REQUESTS');
    await take('ana', 10, now);
    expect((await refusal(take('ana', 101, at('2026-12-03T10:00:00.000Z'))))?.message).toMatch(
      /A list of 101 leads does not fit/,
    );
  });

  it('counts each user on their own, and starts again the next UTC day', async () => {
    await take('ana', 100, at('2026-12-02T23:59:59.000Z'));
    await take('ben', 100, at('2026-12-02T23:59:59.000Z'));
    await take('ana', 100, at('2026-12-03T00:00:00.000Z'));

    const rows = await database.db.selectFrom('stored_leads_per_day').selectAll().execute();
    expect(rows.map((row) => [row.user_id, row.day, Number(row.leads)]).sort()).toEqual([
      ['ana', '2026-12-03', 100],
      ['ben', '2026-12-02', 100],
    ]);
  });

  it('lets racing lists of one user store no more than the quota together', async () => {
    const now = at('2026-12-02T10:00:00.000Z');
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => refusal(take('ana', 30, now))),
    );

    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(3);
    await expect(checkStoredLeadsLeft(database.db, 'ana', 100, now)).resolves.toBeUndefined();
  });

  it('takes nothing when the quota is off', async () => {
    const now = at('2026-12-02T10:00:00.000Z');
    await database.db.transaction().execute((tx) => takeStoredLeads(tx, 'ana', 10_000, 0, now));
    expect(await database.db.selectFrom('stored_leads_per_day').selectAll().execute()).toEqual([]);
  });
});
