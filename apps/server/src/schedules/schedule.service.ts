import { randomUUID } from 'node:crypto';
import {
  type Icp,
  isIcpActive,
  type Schedule,
  type ScheduleInput,
  type ScheduleSetResult,
} from '@icp/schema';
import type { AuthUser } from '../auth/auth-user.js';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { AppError } from '../errors.js';
import { findIcpById } from '../icp/icp.repository.js';
import { insertLeadList } from '../lead-lists/lead-list.repository.js';
import { generatedLeadList, previewLeads } from '../lead-lists/lead-list.service.js';
import type { Context } from '../trpc/context.js';
import {
  checkWebhookUrl,
  createWebhookSecret,
  deleteWebhooksOfSchedule,
  enqueueWebhook,
  listWebhookAttempts,
  redirectWebhooksOfSchedule,
} from '../webhooks/index.js';
import {
  attachLeadList,
  deleteSchedule,
  deliveriesOf,
  findSchedule,
  isDelivered,
  lockWebhookOfSchedule,
  recordDelivery,
  type ScheduleRow,
  saveSchedule,
} from './schedule.repository.js';
import { firstPeriodFrom, type Period, periodAt } from './schedule-periods.js';

/** The webhook event of a delivered list. */
export const LEAD_LIST_DELIVERED = 'leadlist.delivered';

/**
 * The period of `row` that is due at `now`: the latest one started at or before `now`, unless it
 * started before the rule was set. Periods missed before it (every server down) are not
 * delivered: a list is of its period, and an old period's list would only take leads from the
 * current one's.
 */
export function duePeriod(row: ScheduleRow, now: Date): Period | undefined {
  const period = periodAt(row, now);
  return period.start.toISOString() < row.starts_from ? undefined : period;
}

/** The schedule as answered: what was set, when the next list is due, what was delivered. */
export async function scheduleStateOf(
  db: Db,
  row: ScheduleRow,
  icp: Pick<Icp, 'activeUntil'>,
  now: Date,
): Promise<Schedule> {
  const deliveries = await deliveriesOf(db, row.icp_id);
  const webhookAttempts = await listWebhookAttempts(db, row.id);
  const ended =
    icp.activeUntil !== null && !isIcpActive(icp, now)
      ? { reason: 'activeUntilPassed' as const, at: icp.activeUntil }
      : null;
  let nextDeliveryAt: string | null = null;
  if (ended === null) {
    const due = duePeriod(row, now);
    const dueStart = due?.start.toISOString();
    const next =
      dueStart !== undefined && !deliveries.some((d) => d.periodStart === dueStart)
        ? due?.start
        : firstPeriodFrom(row, new Date(Math.max(now.getTime() + 1, Date.parse(row.starts_from))))
            .start;
    // A period starting once the ICP has expired delivers nothing.
    if (next !== undefined && (icp.activeUntil === null || next.toISOString() < icp.activeUntil)) {
      nextDeliveryAt = next.toISOString();
    }
  }
  return {
    id: row.id,
    icpId: row.icp_id,
    every: row.every,
    at: row.at,
    timezone: row.timezone,
    webhookUrl: row.webhook_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextDeliveryAt,
    ended,
    deliveries,
    webhookAttempts,
  };
}

/**
 * The IANA name with the case the time zone database gives it (`europe/paris` is
 * `Europe/Paris`). Only the case: the runtime's own name may be an older alias (it answers
 * `Asia/Calcutta` for `Asia/Kolkata`), so a name it spells otherwise is kept as sent.
 */
function canonicalTimeZone(name: string): string {
  const known = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return known.toLowerCase() === name.toLowerCase() ? known : name;
}

type SetDeps = Pick<Context, 'db' | 'transact'> & { webhookAllowPrivate?: boolean | undefined };

/**
 * Creates or replaces the ICP's schedule. Periods are counted from now: the first delivered is
 * the first starting at or after this call. A webhook URL must pass the address checks; a new
 * signing secret is made when the URL is new or changed (and answered this once), kept when the
 * same URL is sent again. Messages still waiting to be delivered follow a changed URL, signed
 * with its new secret and retried afresh; they are dropped when the URL is taken away.
 */
export async function setSchedule(
  deps: SetDeps,
  user: AuthUser,
  icp: Icp,
  input: ScheduleInput,
  now: Date,
): Promise<{ created: boolean; schedule: ScheduleSetResult }> {
  if (input.webhookUrl !== undefined) {
    const check = await checkWebhookUrl(input.webhookUrl, {
      allowPrivate: deps.webhookAllowPrivate ?? false,
    });
    if (!check.ok) {
      throw new AppError('BAD_REQUEST', 'Invalid request body', [
        { path: ['webhookUrl'], message: check.reason },
      ]);
    }
  }
  return deps.transact(async (tx) => {
    const current = await findSchedule(tx, icp.id);
    // As the URL parser writes it, so that `HTTPS://Host/x` is the same URL as `https://host/x`.
    const url = input.webhookUrl === undefined ? null : new URL(input.webhookUrl).href;
    const keepSecret = current !== undefined && current.webhook_url === url;
    const webhookSecret =
      url === null ? null : keepSecret ? current.webhook_secret : createWebhookSecret();
    const stamp = now.toISOString();
    const row: ScheduleRow = {
      icp_id: icp.id,
      id: current?.id ?? randomUUID(),
      every: input.every,
      at: input.at,
      timezone: canonicalTimeZone(input.timezone),
      webhook_url: url,
      webhook_secret: webhookSecret,
      created_by: current?.created_by ?? user.id,
      created_at: current?.created_at ?? stamp,
      updated_at: stamp,
      starts_from: stamp,
    };
    await saveSchedule(tx, row);
    if (current !== undefined && !keepSecret) {
      const webhook =
        url === null || webhookSecret === null ? null : { url, secret: webhookSecret };
      await redirectWebhooksOfSchedule(tx, row.id, webhook, now);
    }
    const state = await scheduleStateOf(tx, row, icp, now);
    const secretShown = webhookSecret !== null && !keepSecret;
    return {
      created: current === undefined,
      schedule: secretShown ? { ...state, webhookSecret } : state,
    };
  });
}

/** Deletes the ICP's schedule and its webhook messages not yet sent; false when it had none. */
export async function removeSchedule(deps: Pick<Context, 'transact'>, icpId: string) {
  return deps.transact(async (tx) => {
    const current = await findSchedule(tx, icpId);
    if (current === undefined) return false;
    await deleteWebhooksOfSchedule(tx, current.id);
    return deleteSchedule(tx, icpId);
  });
}

export const scheduleNotFound = () =>
  new AppError('NOT_FOUND', 'This ICP has no delivery schedule');

/** What delivering a period needs: the lead search's and the write's. */
export type DeliveryDeps = Pick<Context, 'db' | 'transact' | 'evaluators' | 'bullhorn'> & {
  /** Called inside the delivery's transaction, after its rows are written (tests only). */
  insideDelivery?: (() => Promise<void>) | undefined;
};

/** What became of one attempt at delivering a period. */
export type DeliveryOutcome =
  | { kind: 'delivered'; leadListId: string }
  | { kind: 'alreadyDelivered' }
  | { kind: 'notDue'; why: 'noSchedule' | 'icpDeleted' | 'expired' | 'ruleChanged' };

/**
 * Delivers the period of the ICP's schedule that starts at `periodStart`: a list of its
 * `leadsPerList` leads found as a generated list finds them (every filter, the reuse window
 * included), dated with the period's bounds, and the webhook message when the schedule has a
 * URL. The list, the message and the period's delivery row are written in one transaction; the
 * row's key makes a second attempt (a replica, a retry) fail and write nothing, and a crash
 * before the commit leaves the period to be delivered again.
 */
export async function deliverPeriod(
  deps: DeliveryDeps,
  job: { icpId: string; periodStart: string },
  now: Date,
): Promise<DeliveryOutcome> {
  const row = await findSchedule(deps.db, job.icpId);
  if (row === undefined) return { kind: 'notDue', why: 'noSchedule' };
  const icp = await findIcpById(deps.db, job.icpId);
  if (icp === undefined) return { kind: 'notDue', why: 'icpDeleted' };
  if (!isIcpActive(icp, now)) return { kind: 'notDue', why: 'expired' };
  const period = duePeriod(row, new Date(job.periodStart));
  if (period === undefined || period.start.toISOString() !== job.periodStart) {
    return { kind: 'notDue', why: 'ruleChanged' };
  }
  if (await isDelivered(deps.db, icp.id, job.periodStart)) return { kind: 'alreadyDelivered' };

  const found = await previewLeads(deps, icp, icp.leadsPerList, now, icp.id);
  const startDate = period.start.toISOString();
  const endDate = period.end.toISOString();
  const list = generatedLeadList(
    icp,
    found,
    { startDate, endDate },
    { createdBy: row.created_by, size: icp.leadsPerList, now },
  );
  try {
    await deps.transact(async (tx) => {
      // First, so that a second attempt stops here (or waits here for the first to commit).
      await recordDelivery(tx, {
        icpId: icp.id,
        periodStart: startDate,
        periodEnd: endDate,
        at: list.createdAt,
      });
      await insertLeadList(tx, { list, people: found.leads, companies: [] });
      await attachLeadList(tx, icp.id, startDate, list.id);
      // The webhook as it is now, not as it was read before the search: a PUT changing it waits
      // for this transaction (or this one for it), so the message goes where the schedule says.
      const webhook = await lockWebhookOfSchedule(tx, icp.id);
      if (webhook !== undefined) {
        await enqueueWebhook(
          tx,
          {
            scheduleId: webhook.id,
            icpId: icp.id,
            leadListId: list.id,
            url: webhook.url,
            secret: webhook.secret,
            eventType: LEAD_LIST_DELIVERED,
            payload: { icpId: icp.id, period: { start: startDate, end: endDate }, leadList: list },
          },
          { now },
        );
      }
      await deps.insideDelivery?.();
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'alreadyDelivered' };
    throw error;
  }
  return { kind: 'delivered', leadListId: list.id };
}
