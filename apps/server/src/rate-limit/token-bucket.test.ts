import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with a Retry-After, then refills at the rate', () => {
    const limiter = new TokenBucketLimiter(2, 3);
    const start = 1_000_000;

    expect([1, 2, 3].map(() => limiter.take('k', start).allowed)).toEqual([true, true, true]);
    expect(limiter.take('k', start)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', start + 500).allowed).toBe(true);
    expect(limiter.take('k', start + 500).allowed).toBe(false);
  });

  it('keeps callers apart', () => {
    const limiter = new TokenBucketLimiter(1, 1);

    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('b', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
  });

  it('forgets the least recently seen caller beyond its bound', () => {
    const limiter = new TokenBucketLimiter(1, 1, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);

    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('c', 0).allowed).toBe(false);
  });
});
