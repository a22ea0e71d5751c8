/**
 * The daily quota of recommended companies: what a v2 fetch bills is the unique companies it
 * returns, so that is what is counted, per user and UTC day, in `recommended_companies_per_day`.
 * The companies counted are kept in `recommended_companies_fetched`: a company fetched again the
 * same day (the same range read again, the same company under another external user) is free.
 * A page whose new companies do not all fit is refused whole with 403, saying when the quota
 * resets; nothing of it is counted.
 */
import type { Db } from '../db/connect.js';
import type { Transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { nextUtcDay, utcDay } from '../utc-day.js';

const companies = (count: number) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? 'company' : 'companies'}`;

/**
 * The 403 of a page that does not fit: `left` companies the user may still fetch today (0: the
 * quota is used up; more: a smaller page may still fit, which the message says).
 */
function quotaExhausted(perDay: number, page: number, left: number, now: Date): AppError {
  const { startsAt: resetsAt, inSeconds: retryAfterSeconds } = nextUtcDay(now);
  const quota = `each user may fetch ${companies(perDay)} per day`;
  const resets = `the quota resets at ${resetsAt.toISOString()}`;
  const message =
    left === 0
      ? `Daily quota of recommended companies exhausted: ${quota}; ${resets}`
      : `This page's ${companies(page)} not fetched yet today do not fit in the daily quota of recommended companies: ${quota} and ${companies(left)} ${left === 1 ? 'is' : 'are'} left; a smaller page may fit; ${resets}`;
  return new AppError('FORBIDDEN', message, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/**
 * Counts the companies of a page the user has not fetched yet today against the quota, or
 * throws 403 (counting nothing) when they do not fit. A page of companies all counted already
 * writes nothing. `perDay` 0 means no quota.
 */
export async function takeRecommendedCompanies(
  db: Db,
  transact: Transact,
  userId: string,
  companyIds: readonly string[],
  perDay: number,
  now: Date,
): Promise<void> {
  if (perDay === 0 || companyIds.length === 0) return;
  const day = utcDay(now);
  // In one order, so that racing fetches of overlapping pages wait on each other, never lock up.
  const ids = [...new Set(companyIds)].sort();
  // Counted companies stay counted all day, so a page found counted whole is free for good.
  const counted = await db
    .selectFrom('recommended_companies_fetched')
    .select('company_id')
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .where('company_id', 'in', ids)
    .execute();
  if (counted.length === ids.length) return;
  await transact((tx) => countCompanies(tx, userId, day, ids, perDay, now));
}

/**
 * One transaction, whose rollback undoes the companies recorded: racing fetches of one user, on
 * any replica, never count more than the quota together (one conditional upsert), nor one
 * company twice (its (user, day, company) key).
 */
async function countCompanies(
  tx: Db,
  userId: string,
  day: string,
  ids: readonly string[],
  perDay: number,
  now: Date,
): Promise<void> {
  const added = await tx
    .insertInto('recommended_companies_fetched')
    .values(ids.map((companyId) => ({ user_id: userId, day, company_id: companyId })))
    .onConflict((conflict) => conflict.columns(['user_id', 'day', 'company_id']).doNothing())
    .returning('company_id')
    .execute();
  if (added.length === 0) return;
  const refuse = async () => {
    const row = await tx
      .selectFrom('recommended_companies_per_day')
      .select('companies')
      .where('user_id', '=', userId)
      .where('day', '=', day)
      .executeTakeFirst();
    return quotaExhausted(perDay, added.length, Math.max(0, perDay - (row?.companies ?? 0)), now);
  };
  if (added.length > perDay) throw await refuse();
  const taken = await tx
    .insertInto('recommended_companies_per_day')
    .values({ user_id: userId, day, companies: added.length })
    .onConflict((conflict) =>
      conflict
        .columns(['user_id', 'day'])
        .doUpdateSet((eb) => ({
          companies: eb(
            'recommended_companies_per_day.companies',
            '+',
            eb.ref('excluded.companies'),
          ),
        }))
        .where((eb) =>
          eb(
            eb('recommended_companies_per_day.companies', '+', eb.ref('excluded.companies')),
            '<=',
            perDay,
          ),
        ),
    )
    .returning('companies')
    .executeTakeFirst();
  if (taken === undefined) throw await refuse();
  // Earlier days are of no further use.
  await tx
    .deleteFrom('recommended_companies_per_day')
    .where('user_id', '=', userId)
    .where('day', '<', day)
    .execute();
  await tx
    .deleteFrom('recommended_companies_fetched')
    .where('user_id', '=', userId)
    .where('day', '<', day)
    .execute();
}
