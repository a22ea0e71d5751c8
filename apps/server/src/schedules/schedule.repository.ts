import { MAX_LISTED_DELIVERIES, type ScheduleDelivery } from '@icp/schema';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { IcpSchedulesTable } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';

export type ScheduleRow = Selectable<IcpSchedulesTable>;

export function findSchedule(db: Db, icpId: string): Promise<ScheduleRow | undefined> {
  return db.selectFrom('icp_schedules').selectAll().where('icp_id', '=', icpId).executeTakeFirst();
}

/**
 * The schedule's webhook, with its row locked until the transaction ends (PostgreSQL; SQLite
 * runs one write transaction at a time), or undefined when it has none (or no schedule).
 */
export async function lockWebhookOfSchedule(
  tx: Db,
  icpId: string,
): Promise<{ id: string; url: string; secret: string } | undefined> {
  const query = tx
    .selectFrom('icp_schedules')
    .select(['id', 'webhook_url', 'webhook_secret'])
    .where('icp_id', '=', icpId);
  const row = await (isPostgres(tx) ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined || row.webhook_url === null || row.webhook_secret === null) {
    return undefined;
  }
  return { id: row.id, url: row.webhook_url, secret: row.webhook_secret };
}

/** Stores the schedule of `row.icp_id`, replacing the one it had (keeping its id and creation). */
export async function saveSchedule(tx: Db, row: ScheduleRow): Promise<void> {
  await tx
    .insertInto('icp_schedules')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('icp_id').doUpdateSet({
        every: row.every,
        at: row.at,
        timezone: row.timezone,
        webhook_url: row.webhook_url,
        webhook_secret: row.webhook_secret,
        updated_at: row.updated_at,
        starts_from: row.starts_from,
      }),
    )
    .execute();
}

/** Deletes the schedule; the periods it delivered stay recorded (a new one does not redo them). */
export async function deleteSchedule(tx: Db, icpId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('icp_schedules')
    .where('icp_id', '=', icpId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The periods delivered for an ICP, newest first (the latest MAX_LISTED_DELIVERIES). */
export async function deliveriesOf(db: Db, icpId: string): Promise<ScheduleDelivery[]> {
  const rows = await db
    .selectFrom('icp_deliveries')
    .selectAll()
    .where('icp_id', '=', icpId)
    .orderBy('period_start', 'desc')
    .limit(MAX_LISTED_DELIVERIES)
    .execute();
  return rows.map((row) => ({
    periodStart: row.period_start,
    periodEnd: row.period_end,
    leadListId: row.lead_list_id,
    deliveredAt: row.delivered_at,
  }));
}

export async function isDelivered(db: Db, icpId: string, periodStart: string): Promise<boolean> {
  const row = await db
    .selectFrom('icp_deliveries')
    .select('icp_id')
    .where('icp_id', '=', icpId)
    .where('period_start', '=', periodStart)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the period for the ICP: fails with a unique violation when it was delivered already, or
 * waits for a transaction taking it at the same time (PostgreSQL) and then fails.
 */
export async function recordDelivery(
  tx: Db,
  delivery: { icpId: string; periodStart: string; periodEnd: string; at: string },
): Promise<void> {
  await tx
    .insertInto('icp_deliveries')
    .values({
      icp_id: delivery.icpId,
      period_start: delivery.periodStart,
      period_end: delivery.periodEnd,
      lead_list_id: null,
      delivered_at: delivery.at,
    })
    .execute();
}

/** Names the list of a period taken by recordDelivery, once that list is stored. */
export async function attachLeadList(
  tx: Db,
  icpId: string,
  periodStart: string,
  leadListId: string,
): Promise<void> {
  await tx
    .updateTable('icp_deliveries')
    .set({ lead_list_id: leadListId })
    .where('icp_id', '=', icpId)
    .where('period_start', '=', periodStart)
    .execute();
}

/** A schedule whose ICP is still active, with the start of the last period it delivered. */
export interface ActiveSchedule extends ScheduleRow {
  last_delivered: string | null;
}

/** Schedules of ICPs not expired at `now`, in ICP id order, a page after `afterIcpId`. */
export function activeSchedules(
  db: Db,
  now: Date,
  afterIcpId: string,
  limit: number,
): Promise<ActiveSchedule[]> {
  return db
    .selectFrom('icp_schedules as s')
    .innerJoin('icps as i', 'i.id', 's.icp_id')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('icp_deliveries as d')
        .select((inner) => inner.fn.max('d.period_start').as('last'))
        .whereRef('d.icp_id', '=', 's.icp_id')
        .as('last_delivered'),
    )
    .where((eb) =>
      eb.or([eb('i.active_until', 'is', null), eb('i.active_until', '>', now.toISOString())]),
    )
    .where('s.icp_id', '>', afterIcpId)
    .orderBy('s.icp_id')
    .limit(limit)
    .execute() as Promise<ActiveSchedule[]>;
}

export async function anySchedule(db: Db): Promise<boolean> {
  const row = await db.selectFrom('icp_schedules').select('icp_id').limit(1).executeTakeFirst();
  return row !== undefined;
}
