interface Bucket {
  tokens: number;
  refilledAtMs: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-caller token buckets: `ratePerSecond` tokens flow in, up to `burst`; a request takes one.
 * Memory is bounded: beyond `maxCallers` the least recently seen caller is forgotten (a full
 * bucket, which is what a forgotten caller would have by now anyway in most cases).
 */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxCallers = 100_000,
  ) {}

  take(callerKey: string, nowMs = Date.now()): RateLimitDecision {
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

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond));
    return { allowed: false, retryAfterSeconds };
  }
}
