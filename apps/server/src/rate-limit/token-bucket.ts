import type { RateLimiter, TokenGrant } from './rate-limiter.js';

interface Bucket {
  tokens: number;
  refilledAtMs: number;
}

/**
 * Per-caller token buckets in this process: `ratePerSecond` tokens flow in, up to `burst`; a
 * call takes one. Memory is bounded: beyond `maxCallers` the least recently seen caller is
 * forgotten (a full bucket, which is what a forgotten caller would have by now anyway in most
 * cases).
 */
export class TokenBucketLimiter implements RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxCallers = 100_000,
  ) {}

  take(callerKey: string, count = 1, nowMs = Date.now()): TokenGrant {
    const bucket = this.#buckets.get(callerKey) ?? { tokens: this.burst, refilledAtMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.refilledAtMs) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.ratePerSecond);
    bucket.refilledAtMs = nowMs;

    this.#buckets.delete(callerKey);
    this.#buckets.set(callerKey, bucket);
    if (this.#buckets.size > this.maxCallers) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }

    const granted = Math.max(0, Math.min(count, Math.floor(bucket.tokens)));
    bucket.tokens -= granted;
    return { granted, retryAfterSeconds: retryAfterSeconds(bucket.tokens, this.ratePerSecond) };
  }
}

/** Whole seconds until a bucket holding `tokens` holds one again (at least 1). */
export function retryAfterSeconds(tokens: number, ratePerSecond: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
}
