import { z } from 'zod';

/** How often an ICP's schedule delivers a lead list. */
export const scheduleEvery = z.enum(['day', 'week', 'month']);

/** Longest IANA time zone name accepted (the longest in use is about 30 characters). */
export const MAX_TIMEZONE_LENGTH = 64;
/** Longest webhook URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2_048;
/** Delivered periods a schedule's state lists, newest first. */
export const MAX_LISTED_DELIVERIES = 100;

/** Whether the runtime's time zone data knows `name` as an IANA zone (`Europe/Paris`, `UTC`). */
export function isIanaTimeZone(name: string): boolean {
  // Offsets such as `+01:00` are time zones to some engines, but not IANA names.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A schedule as it is set: every day, week (from Monday) or month (from the 1st) at `at`. */
export const scheduleInput = z
  .strictObject({
    every: scheduleEvery,
    /** The local wall-clock time, `HH:MM` from `00:00` to `23:59`, when each period starts. */
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Must be a time HH:MM from 00:00 to 23:59' }),
    timezone: z
      .string()
      .max(MAX_TIMEZONE_LENGTH)
      .refine(isIanaTimeZone, { message: 'Must be an IANA time zone name such as Europe/Paris' }),
    webhookUrl: z
      .url({ protocol: /^https?$/, message: 'Must be an http(s) URL' })
      .max(MAX_WEBHOOK_URL_LENGTH)
      .optional(),
  })
  .meta({ id: 'ScheduleInput' });

/** A period a schedule delivered: its bounds and the list it got (null once that was deleted). */
export const scheduleDelivery = z
  .strictObject({
    periodStart: z.iso.datetime(),
    periodEnd: z.iso.datetime(),
    leadListId: z.uuid().nullable(),
    deliveredAt: z.iso.datetime(),
  })
  .meta({ id: 'ScheduleDelivery' });

/** Why a schedule delivers no more: its ICP's `activeUntil` has passed. */
export const scheduleEnded = z
  .strictObject({
    reason: z.enum(['activeUntilPassed']),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ScheduleEnded' });

/** One attempt at sending a delivered list's webhook message. */
export const webhookAttempt = z
  .strictObject({
    /** The message's `webhook-id`, the same on each of its attempts. */
    messageId: z.string(),
    leadListId: z.string(),
    /** 1 for the first attempt of the message. */
    attempt: z.number().int().min(1).max(1_000),
    attemptedAt: z.iso.datetime(),
    /** The HTTP status answered; null when none came. */
    status: z.number().int().min(100).max(599).nullable(),
    error: z.string().nullable(),
    /** When it is tried again; null once delivered or given up. */
    nextRetryAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WebhookAttempt' });

/** A schedule as answered: what was set, and its state. */
export const schedule = z
  .strictObject({
    id: z.uuid(),
    icpId: z.uuid(),
    every: scheduleEvery,
    at: z.string(),
    timezone: z.string(),
    webhookUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** When the next period starts and its list is due; null once the schedule has ended. */
    nextDeliveryAt: z.iso.datetime().nullable(),
    ended: scheduleEnded.nullable(),
    /** The periods delivered, newest first (at most MAX_LISTED_DELIVERIES). */
    deliveries: z.array(scheduleDelivery),
    /** The webhook's attempts, newest first (the last 100); empty without a webhook. */
    webhookAttempts: z.array(webhookAttempt),
  })
  .meta({ id: 'Schedule' });

/** The answer of a PUT: the schedule, and the webhook's signing secret when this PUT made one. */
export const scheduleSetResult = schedule
  .extend({
    /** Shown only in the answer of the PUT that made it (`whsec_...`): keep it to verify. */
    webhookSecret: z.string().optional(),
  })
  .meta({ id: 'ScheduleSetResult' });

export type ScheduleEvery = z.infer<typeof scheduleEvery>;
export type ScheduleInput = z.infer<typeof scheduleInput>;
export type ScheduleDelivery = z.infer<typeof scheduleDelivery>;
export type WebhookAttemptRecord = z.infer<typeof webhookAttempt>;
export type Schedule = z.infer<typeof schedule>;
export type ScheduleSetResult = z.infer<typeof scheduleSetResult>;
