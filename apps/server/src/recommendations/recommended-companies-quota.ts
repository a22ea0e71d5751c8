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

function quotaExhausted(perDay: number, now: Date): AppError {
  const { startsAt: resetsAt, inSeconds: retryAfterSeconds } = nextUtcDay(now);
  return new AppError(
    'FORBIDDEN',
    `Daily quota of recommended companies exhausted: each user may fetch ${perDay.toLocaleString('en-US')} companies per day; the quota resets at ${resetsAt.toISOString()}`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
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
  if (added.length > perDay) throw quotaExhausted(perDay, now);
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
  if (taken === undefined) throw quotaExhausted(perDay, now);
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
