/** How failed webhook messages are retried. */
export interface RetryPolicy {
  /** The first retry waits between half of this and this; each next one twice as long. */
  baseMs: number;
  /** No wait is longer. */
  maxDelayMs: number;
  /** No attempt starts later than this after the first; after it, the message is given up. */
  giveUpAfterMs: number;
}

const HOUR_MS = 60 * 60 * 1000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 10_000,
  maxDelayMs: 2 * HOUR_MS,
  giveUpAfterMs: 24 * HOUR_MS,
};

/**
 * When to try again after failed attempt number `attempt` (1 for the first) started at
 * `attemptedAt`, or null to give up: exponential backoff with jitter (a random half of each
 * wait, so receivers coming back are not hit by every sender at once), the last try at the
 * deadline itself.
 */
export function nextRetryAt(
  policy: RetryPolicy,
  attempt: { number: number; firstAttemptAt: Date; attemptedAt: Date },
  random: () => number = Math.random,
): Date | null {
  const deadline = attempt.firstAttemptAt.getTime() + policy.giveUpAfterMs;
  const startedAt = attempt.attemptedAt.getTime();
  if (startedAt >= deadline) return null;
  const wait = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** (attempt.number - 1));
  const jittered = wait / 2 + (random() * wait) / 2;
  return new Date(Math.min(startedAt + jittered, deadline));
}
