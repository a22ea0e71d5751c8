import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/connect.js';
import type { Logger } from '../logging/logger.js';
import { messageOf, type ResolveHost } from './check-webhook-url.js';
import { postWebhook, type WebhookAnswer } from './post-webhook.js';
import { DEFAULT_RETRY_POLICY, nextRetryAt, type RetryPolicy } from './retry-schedule.js';
import { type ClaimedWebhook, claimDueWebhooks, recordWebhookAttempt } from './webhook-outbox.js';

export interface WebhookSenderOptions {
  db: Db;
  /** The clock of due times, retries and the record; the system's by default. */
  now?: () => Date;
  /** Send to loopback, private and link-local addresses too (`WEBHOOK_ALLOW_PRIVATE=on`). */
  allowPrivate?: boolean;
  /** One attempt at most (`WEBHOOK_TIMEOUT_MS`). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How often due messages are looked for. */
  pollIntervalMs?: number;
  /** Messages claimed (and sent at once) per round. */
  batchSize?: number;
  random?: () => number;
  resolve?: ResolveHost;
  /** Certificates https receivers' must be issued by, instead of the system's roots (tests). */
  ca?: string | readonly string[];
  logger?: Logger;
}

export interface WebhookSender {
  /** Looks for due messages now (after a transaction enqueued one). */
  wake(): void;
  /** Stops looking, ends attempts under way (recorded, retried later) and waits for them. */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_BATCH_SIZE = 10;
/** A claim outlasts the longest attempt (its timeout and the address check) by this much. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Sends due webhook messages, signed as Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), until stopped. A 2xx delivers a message; anything else is recorded and
 * retried with backoff (see retry-schedule.ts) until 24 h after its first attempt. Any number
 * of senders may share a database: each claims what it sends (see claimDueWebhooks), so a
 * message is sent by one at a time, always with the same `webhook-id`.
 */
export function startWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = timeoutMs + LEASE_MARGIN_MS;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;
  let again = false;

  const send = async (message: ClaimedWebhook): Promise<void> => {
    const attemptedAt = now();
    const number = message.attempts + 1;
    const firstAttemptAt =
      message.first_attempt_at === null ? attemptedAt : new Date(message.first_attempt_at);
    let signed: Record<string, string> | { error: string };
    try {
      signed = signedHeaders(message);
    } catch (error) {
      signed = { error: `could not sign: ${messageOf(error)}` };
    }
    // A secret that is not one will never sign: the message is given up at once.
    const retryable = !('error' in signed);
    const answer: WebhookAnswer =
      'error' in signed
        ? { delivered: false, status: null, error: signed.error }
        : await postWebhook({
            url: message.url,
            headers: signed,
            body: message.body,
            timeoutMs,
            allowPrivate: options.allowPrivate ?? false,
            resolve: options.resolve,
            signal: stopping.signal,
            ca: options.ca,
          });
    const retryAt =
      answer.delivered || !retryable
        ? null
        : nextRetryAt(
            retry,
            // The backoff counts the attempts since the URL last changed (see the outbox).
            { number: number - message.attempts_before_restart, firstAttemptAt, attemptedAt },
            options.random,
          );
    const hours = retry.giveUpAfterMs / 3_600_000;
    const error =
      !answer.delivered && retryable && retryAt === null
        ? `${answer.error}; given up after ${hours} h`
        : answer.error;
    await recordWebhookAttempt(db, message, {
      attempt: number,
      attemptedAt: attemptedAt.toISOString(),
      status: answer.status,
      error,
      nextRetryAt: retryAt?.toISOString() ?? null,
    });
  };

  const runRound = async () => {
    do {
      again = false;
      while (!stopping.signal.aborted) {
        const claimed = await claimDueWebhooks(db, now(), batchSize, leaseMs);
        if (claimed.length === 0) break;
        // Every attempt ends (and is recorded) before the round does, even when one fails.
        const sent = await Promise.allSettled(claimed.map(send));
        const failed = sent.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } while (again && !stopping.signal.aborted);
  };

  const start = () => {
    clearTimeout(timer);
    round = runRound()
      .catch((error: unknown) => {
        options.logger?.warn({ event: 'webhook_round_failed', error: messageOf(error) });
      })
      .finally(() => {
        round = undefined;
        if (!stopping.signal.aborted) timer = setTimeout(start, pollIntervalMs);
      });
  };
  start();

  return {
    wake: () => {
      if (stopping.signal.aborted) return;
      if (round === undefined) start();
      else again = true;
    },
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await round;
    },
  };
}

/** The Standard Webhooks headers of a message, signed now. */
function signedHeaders(message: ClaimedWebhook): Record<string, string> {
  // The wall clock, whatever the sender's `now`: receivers hold the timestamp to their own.
  const signedAt = new Date();
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(message.secret).sign(message.id, signedAt, message.body),
    'user-agent': 'ICP-Service-Webhooks/1.0',
  };
}
