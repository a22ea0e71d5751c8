import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { transactionPerCall } from '../db/transact.js';
import { AppError } from '../errors.js';
import { takeRecommendedCompanies } from './recommended-companies-quota.js';

const at = (iso: string) => new Date(iso);
const companies = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => `co-${String(from + index).padStart(3, '0')}`);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );

describe('the daily quota of recommended companies', () => {
  const database = useTempDatabase();
  const take = (user: string, ids: readonly string[], now: Date, perDay = 100) =>
    takeRecommendedCompanies(database.db, transactionPerCall(database.db), user, ids, perDay, now);
  const counted = async () =>
    (await database.db.selectFrom('recommended_companies_per_day').selectAll().execute())
      .map((row) => [row.user_id, row.day, Number(row.companies)])
      .sort();
  const fetched = async (user: string) =>
    (
      await database.db
        .selectFrom('recommended_companies_fetched')
        .select(['day', 'company_id'])
        .where('user_id', '=', user)
        .execute()
    )
      .map((row) => `${row.day} ${row.company_id}`)
      .sort();

  it('counts unique companies: one fetched again the same day is free, a new one counts', async () => {
    const now = at('2026-12-04T09:00:00.000Z');
    await take('ana', companies(0, 60), now);
    await take('ana', companies(0, 60), now);
    await take('ana', [...companies(50, 70), 'co-000'], now);

    expect(await counted()).toEqual([['ana', '2026-12-04', 70]]);
    expect(await fetched('ana')).toHaveLength(70);
  });

  it('refuses a page whose new companies do not all fit with 403, when it resets, counting nothing', async () => {
    const now = at('2026-12-04T22:00:00.000Z');
    await take('ana', companies(0, 90), now);
    const refused = await refusal(take('ana', companies(80, 105), now));

    expect(refused).toBeInstanceOf(AppError);
    expect(refused?.appCode).toBe('FORBIDDEN');
    expect(refused?.httpStatus).toBe(403);
    expect(refused?.message).toBe(
      "This page's 15 companies not fetched yet today do not fit in the daily quota of recommended companies: each user may fetch 100 companies per day and 10 companies are left; a smaller page may fit; the quota resets at 2026-12-05T00:00:00.000Z",
    );
    expect(refused?.headers['Retry-After']).toBe(String(2 * 60 * 60));
    expect(await counted()).toEqual([['ana', '2026-12-04', 90]]);
    expect(await fetched('ana')).toHaveLength(90);

    await take('ana', companies(80, 90), now);
    await take('ana', companies(90, 100), now);
    expect((await refusal(take('ana', ['co-100'], now)))?.message).toBe(
      'Daily quota of recommended companies exhausted: each user may fetch 100 companies per day; the quota resets at 2026-12-05T00:00:00.000Z',
    );
    expect((await refusal(take('ana', ['co-100'], now, 1)))?.message).toMatch(
      /^Daily quota of recommended companies exhausted: each user may fetch 1 company per day;/,
    );
    await take('ana', companies(0, 100), now);
    expect(await counted()).toEqual([['ana', '2026-12-04', 100]]);
  });

  it('refuses a page larger than the whole quota, even as the first fetch of the day', async () => {
    const now = at('2026-12-04T09:00:00.000Z');
    expect((await refusal(take('ana', companies(0, 11), now, 10)))?.appCode).toBe('FORBIDDEN');
    expect(await counted()).toEqual([]);
    expect(await fetched('ana')).toEqual([]);
  });

  it('counts each user on their own, and starts again at the UTC midnight, dropping earlier days', async () => {
    const evening = at('2026-12-04T23:59:59.000Z');
    await take('ana', companies(0, 100), evening);
    await take('ben', companies(0, 100), evening);
    const lastSecond = await refusal(take('ana', ['co-100'], evening));

    expect(lastSecond?.headers['Retry-After']).toBe('1');
    expect(lastSecond?.message).toMatch(/resets at 2026-12-05T00:00:00\.000Z$/);

    const midnight = at('2026-12-05T00:00:00.000Z');
    await take('ana', companies(0, 30), midnight);

    expect(await counted()).toEqual([
      ['ana', '2026-12-05', 30],
      ['ben', '2026-12-04', 100],
    ]);
    expect(await fetched('ana')).toEqual(
      companies(0, 30)
        .map((id) => `2026-12-05 ${id}`)
        .sort(),
    );
    expect(await fetched('ben')).toHaveLength(100);
  });

  it('lets racing fetches of one user count no more than the quota together', async () => {
    const now = at('2026-12-04T09:00:00.000Z');
    const pages = Array.from({ length: 8 }, (_, index) => companies(index * 30, index * 30 + 30));
    const outcomes = await Promise.all(pages.map((page) => refusal(take('ana', page, now))));

    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome?.appCode === 'FORBIDDEN')).toHaveLength(5);
    expect(await counted()).toEqual([['ana', '2026-12-04', 90]]);
    expect(await fetched('ana')).toHaveLength(90);
  });

  it('counts a company once when racing fetches return it, whatever order their pages hold', async () => {
    const now = at('2026-12-04T09:00:00.000Z');
    const forward = companies(0, 40);
    const backward = [...companies(20, 60)].reverse();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        refusal(take('ana', index % 2 === 0 ? forward : backward, now)),
      ),
    );

    expect(outcomes).toEqual(Array.from({ length: 8 }, () => null));
    expect(await counted()).toEqual([['ana', '2026-12-04', 60]]);
  });

  it('counts nothing when the quota is off', async () => {
    await take('ana', companies(0, 500), at('2026-12-04T09:00:00.000Z'), 0);

    expect(await counted()).toEqual([]);
    expect(await fetched('ana')).toEqual([]);
  });
});
