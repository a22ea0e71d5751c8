import type { Db } from '../db/connect.js';
import { activeSchedules } from './schedule.repository.js';
import { duePeriod } from './schedule.service.js';

/** One period of one ICP to deliver: what a delivery job carries. */
export interface DeliveryJob {
  icpId: string;
  periodStart: string;
}

const PAGE = 500;

/**
 * The periods due at `now` and not yet delivered: for each schedule of an ICP still active, its
 * latest period started at or before `now` (see duePeriod), unless that one was delivered.
 */
export async function findDueDeliveries(db: Db, now: Date): Promise<DeliveryJob[]> {
  const due: DeliveryJob[] = [];
  let after = '';
  for (;;) {
    const page = await activeSchedules(db, now, after, PAGE);
    for (const row of page) {
      const period = duePeriod(row, now);
      const periodStart = period?.start.toISOString();
      if (periodStart !== undefined && periodStart !== row.last_delivered) {
        due.push({ icpId: row.icp_id, periodStart });
      }
    }
    if (page.length < PAGE) return due;
    after = page[page.length - 1]?.icp_id ?? after;
  }
}
