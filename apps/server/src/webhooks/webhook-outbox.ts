import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { WebhookDeliveriesTable } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';

/** Attempts kept per schedule, newest first; older ones are deleted as new ones are recorded. */
export const WEBHOOK_ATTEMPTS_KEPT = 100;

export interface WebhookDelivery {
  scheduleId: string;
  icpId: string;
  leadListId: string;
  url: string;
  secret: string;
  /** The message's `type`, such as `lead_list.delivered`. */
  eventType: string;
  /** The message's `data`. */
  payload: unknown;
}

export type ClaimedWebhook = Selectable<WebhookDeliveriesTable> & { claim_token: string };

export interface WebhookAttempt {
  /** The `webhook-id` of the message, the same on each of its attempts. */
  messageId: string;
  leadListId: string;
  attempt: number;
  attemptedAt: string;
  status: number | null;
  error: string | null;
  /** Null once the message was delivered or given up. */
  nextRetryAt: string | null;
}

/**
 * Writes a webhook message in the caller's transaction `tx`, due at `now`: it exists exactly
 * when what it announces was committed. Its body, `{ type, timestamp, data }` as Standard
 * Webhooks suggests, is fixed here, so every attempt sends and signs the same bytes.
 */
export async function enqueueWebhook(
  tx: Db,
  delivery: WebhookDelivery,
  options: { now?: Date } = {},
): Promise<{ messageId: string }> {
  const now = (options.now ?? new Date()).toISOString();
  const messageId = `msg_${randomUUID().replaceAll('-', '')}`;
  const body = JSON.stringify({
    type: delivery.eventType,
    timestamp: now,
    data: delivery.payload,
  });
  await tx
    .insertInto('webhook_deliveries')
    .values({
      id: messageId,
      schedule_id: delivery.scheduleId,
      icp_id: delivery.icpId,
      lead_list_id: delivery.leadListId,
      url: delivery.url,
      secret: delivery.secret,
      body,
      created_at: now,
      first_attempt_at: null,
      next_attempt_at: now,
      claim_token: null,
    })
    .execute();
  return { messageId };
}

/**
 * Claims up to `limit` messages due at `now` for one attempt each, in a short transaction of
 * its own: each is pushed `leaseMs` into the future and marked with a new claim token, so no
 * other sender takes it while this attempt can still be running. On PostgreSQL rows another
 * replica is claiming are skipped (`FOR UPDATE SKIP LOCKED`); on SQLite the one process is
 * the only sender.
 */
export async function claimDueWebhooks(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedWebhook[]> {
  const anyDue = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('next_attempt_at', '<=', now.toISOString())
    .limit(1)
    .executeTakeFirst();
  // Most rounds find nothing: they hold no transaction (nor SQLite's one connection) for it.
  if (anyDue === undefined) return [];
  return db.transaction().execute(async (tx) => {
    let due = tx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .limit(limit);
    if (isPostgres(tx)) due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    const token = randomUUID();
    const claimed = await tx
      .updateTable('webhook_deliveries')
      .set({
        next_attempt_at: new Date(now.getTime() + leaseMs).toISOString(),
        claim_token: token,
      })
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    return claimed as ClaimedWebhook[];
  });
}

/**
 * Records how the claimed attempt went: the message is deleted once delivered or given up
 * (`nextRetryAt` null), otherwise due again at `nextRetryAt`. Nothing is recorded when the
 * claim was lost (the message was deleted with its schedule meanwhile).
 */
export async function recordWebhookAttempt(
  db: Db,
  message: ClaimedWebhook,
  attempt: Omit<WebhookAttempt, 'messageId' | 'leadListId'>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const changed =
      attempt.nextRetryAt === null
        ? (
            await tx
              .deleteFrom('webhook_deliveries')
              .where('id', '=', message.id)
              .where('claim_token', '=', message.claim_token)
              .executeTakeFirst()
          ).numDeletedRows
        : (
            await tx
              .updateTable('webhook_deliveries')
              .set({
                attempts: attempt.attempt,
                first_attempt_at: message.first_attempt_at ?? attempt.attemptedAt,
                next_attempt_at: attempt.nextRetryAt,
                claim_token: null,
              })
              .where('id', '=', message.id)
              .where('claim_token', '=', message.claim_token)
              .executeTakeFirst()
          ).numUpdatedRows;
    if (Number(changed) === 0) return;
    await tx
      .insertInto('webhook_attempts')
      .values({
        message_id: message.id,
        attempt: attempt.attempt,
        schedule_id: message.schedule_id,
        lead_list_id: message.lead_list_id,
        attempted_at: attempt.attemptedAt,
        status: attempt.status,
        error: attempt.error,
        next_retry_at: attempt.nextRetryAt,
      })
      .execute();
    await dropOldAttempts(tx, message.schedule_id);
  });
}

/** Keeps the newest WEBHOOK_ATTEMPTS_KEPT attempts of a schedule. */
async function dropOldAttempts(tx: Db, scheduleId: string): Promise<void> {
  const oldestKept = await tx
    .selectFrom('webhook_attempts')
    .select(['attempted_at', 'message_id', 'attempt'])
    .where('schedule_id', '=', scheduleId)
    .orderBy('attempted_at', 'desc')
    .orderBy('message_id', 'desc')
    .orderBy('attempt', 'desc')
    .offset(WEBHOOK_ATTEMPTS_KEPT - 1)
    .limit(1)
    .executeTakeFirst();
  if (oldestKept === undefined) return;
  await tx
    .deleteFrom('webhook_attempts')
    .where('schedule_id', '=', scheduleId)
    .where((eb) =>
      eb.or([
        eb('attempted_at', '<', oldestKept.attempted_at),
        eb.and([
          eb('attempted_at', '=', oldestKept.attempted_at),
          eb.or([
            eb('message_id', '<', oldestKept.message_id),
            eb.and([
              eb('message_id', '=', oldestKept.message_id),
              eb('attempt', '<', oldestKept.attempt),
            ]),
          ]),
        ]),
      ]),
    )
    .execute();
}

/** The attempts of a schedule's webhook messages, newest first (the last WEBHOOK_ATTEMPTS_KEPT). */
export async function listWebhookAttempts(db: Db, scheduleId: string): Promise<WebhookAttempt[]> {
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('schedule_id', '=', scheduleId)
    .orderBy('attempted_at', 'desc')
    .orderBy('message_id', 'desc')
    .orderBy('attempt', 'desc')
    .limit(WEBHOOK_ATTEMPTS_KEPT)
    .execute();
  return rows.map((row) => ({
    messageId: row.message_id,
    leadListId: row.lead_list_id,
    attempt: row.attempt,
    attemptedAt: row.attempted_at,
    status: row.status,
    error: row.error,
    nextRetryAt: row.next_retry_at,
  }));
}

/**
 * Sends a schedule's messages not yet delivered or given up to its new webhook, in the caller's
 * transaction (the one that changes the URL): each goes to `webhook.url`, signed with
 * `webhook.secret` (signing happens as it is sent), due at `now`, with its 24 h and its backoff
 * counted again from `now`. Its attempts so far stay recorded, and its next attempt takes the
 * next number. A claim under way is taken back: that attempt, to the old URL, is not recorded
 * (see recordWebhookAttempt) and the message goes out again, with its `webhook-id`, to the new
 * one. With `webhook` null (the schedule has no URL any more) the messages are deleted.
 */
export async function redirectWebhooksOfSchedule(
  tx: Db,
  scheduleId: string,
  webhook: { url: string; secret: string } | null,
  now: Date,
): Promise<void> {
  if (webhook === null) {
    await tx.deleteFrom('webhook_deliveries').where('schedule_id', '=', scheduleId).execute();
    // Their recorded attempts stay, with no retry to come.
    await tx
      .updateTable('webhook_attempts')
      .set({ next_retry_at: null })
      .where('schedule_id', '=', scheduleId)
      .where('next_retry_at', 'is not', null)
      .execute();
    return;
  }
  const at = now.toISOString();
  await tx
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      url: webhook.url,
      secret: webhook.secret,
      first_attempt_at: at,
      attempts_before_restart: eb.ref('attempts'),
      next_attempt_at: at,
      claim_token: null,
    }))
    .where('schedule_id', '=', scheduleId)
    .execute();
}

/**
 * Deletes a schedule's messages not yet sent and its recorded attempts, in the caller's
 * transaction (when the schedule is deleted). An attempt under way is then not recorded.
 */
export async function deleteWebhooksOfSchedule(tx: Db, scheduleId: string): Promise<void> {
  await tx.deleteFrom('webhook_deliveries').where('schedule_id', '=', scheduleId).execute();
  await tx.deleteFrom('webhook_attempts').where('schedule_id', '=', scheduleId).execute();
}
