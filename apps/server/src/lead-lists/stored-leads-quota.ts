/**
 * The daily quota of stored leads: every lead list a user generates stores its leads, so one
 * user could otherwise fill the disk in minutes. Counted per user and UTC day in
 * `stored_leads_per_day`; a list that would go over the quota is refused whole with 429, saying
 * when the quota resets. Deleting a list does not give its leads back.
 */
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { nextUtcDay, utcDay } from '../utc-day.js';

function quotaExceeded(perDay: number, now: Date, detail: string): AppError {
  const { startsAt: resetsAt, inSeconds: retryAfterSeconds } = nextUtcDay(now);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `${detail}: each user may store ${perDay.toLocaleString('en-US')} leads in lead lists per day; the quota resets at ${resetsAt.toISOString()}`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** Throws 429 when the user has no stored leads left today; `perDay` 0 means no quota. */
export async function checkStoredLeadsLeft(
  db: Db,
  userId: string,
  perDay: number,
  now: Date,
): Promise<void> {
  if (perDay === 0) return;
  const row = await db
    .selectFrom('stored_leads_per_day')
    .select('leads')
    .where('user_id', '=', userId)
    .where('day', '=', utcDay(now))
    .executeTakeFirst();
  if ((row?.leads ?? 0) >= perDay) {
    throw quotaExceeded(perDay, now, "Today's quota of stored leads is used up");
  }
}

/**
 * Counts `count` leads against the user's quota of the day, or throws 429 (changing nothing)
 * when they do not fit. Run in the transaction that stores them: one conditional upsert, so
 * racing lists of one user, on any replica, never store more than the quota together.
 */
export async function takeStoredLeads(
  tx: Db,
  userId: string,
  count: number,
  perDay: number,
  now: Date,
): Promise<void> {
  if (perDay === 0 || count === 0) return;
  const refuse = () =>
    quotaExceeded(perDay, now, `A list of ${count.toLocaleString('en-US')} leads does not fit`);
  if (count > perDay) throw refuse();
  const day = utcDay(now);
  const taken = await tx
    .insertInto('stored_leads_per_day')
    .values({ user_id: userId, day, leads: count })
    .onConflict((conflict) =>
      conflict
        .columns(['user_id', 'day'])
        .doUpdateSet((eb) => ({
          leads: eb('stored_leads_per_day.leads', '+', eb.ref('excluded.leads')),
        }))
        .where((eb) =>
          eb(eb('stored_leads_per_day.leads', '+', eb.ref('excluded.leads')), '<=', perDay),
        ),
    )
    .returning('leads')
    .executeTakeFirst();
  if (taken === undefined) throw refuse();
  // Earlier days' counts are of no further use.
  await tx
    .deleteFrom('stored_leads_per_day')
    .where('user_id', '=', userId)
    .where('day', '<', day)
    .execute();
}
